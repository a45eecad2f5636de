import { businessDateOf, type Executor, fail, formatMoney, ok, parseMoney } from '@onefin/kernel';
import type { LedgerCommand } from '@onefin/ledger';
import type { Product } from '@onefin/products';
import { sql } from 'kysely';
import type { Context } from './context.ts';
import { transferIds } from './model.ts';
import { confirmRedemption, takeFifo } from './money-rules.ts';
import { insertOrder, type OrderRequest, productFields, transition } from './orders.ts';
import { freezeShares, openLotsForUpdate, removeSlices } from './positions.ts';
import type { Placed } from './purchases.ts';

/**
 * Instant (T+0) redemption of a money-market fund: the shares are sold at NAV 1.0000 and the cash
 * is on the customer's account at once, up to a limit per customer, fund and day (the regulator's
 * 10,000 yuan for T+0 withdrawals). The platform advances the money from the redemption clearing
 * account, as for a T+1 redemption; everything happens in one transaction or not at all.
 */

class Refused extends Error {
  constructor(
    readonly error: 'insufficient_shares' | 'fast_redemption_limit' | 'ledger_refused',
    readonly detail?: string,
  ) {
    super(error);
  }
}

/** NAV of a money-market fund: always 1.0000, its income comes as shares. */
const PAR = '1.0000';

/** What the customer redeemed instantly from the fund on a date (fen). */
export async function fastRedeemedOn(
  db: Executor,
  customerId: string,
  productId: string,
  date: string,
): Promise<bigint> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(proceeds), 0)::text AS total FROM investing_orders
    WHERE customer_id = ${customerId} AND product_id = ${productId} AND order_type = 'redeem'
      AND status = 'confirmed' AND confirm_date = ${date}::date AND detail->>'fast' = 'true'`.execute(db);
  return BigInt(rows[0]?.total ?? '0');
}

export const isMoneyMarket = (product: Product) =>
  product.attributes.kind === 'fund' && product.attributes.fundType === 'money_market';

export async function placeFastRedemption(d: Context, request: OrderRequest, product: Product): Placed {
  const terms = product.attributes;
  if (terms.kind !== 'fund' || !isMoneyMarket(product))
    return fail('wrong_product_kind', 'only money-market funds can be redeemed instantly');
  const shares = request.shares ?? 0n;
  const today = businessDateOf(d.clock.now());
  const limit = parseMoney(d.settings.fastRedemptionDailyLimit, product.currency);
  const internal = await d.internal(product.currency);
  const cashId = await d.cashAccountId(request.customerId, product.currency);
  try {
    return await d.db.transaction().execute(async (trx) => {
      const inserted = await insertOrder(d, trx, {
        ...request,
        ...productFields(product),
        status: 'submitted',
        tradeDate: today,
        detail: { fast: true },
      });
      if (!inserted.ok) return inserted;
      if (!inserted.value.isNew) return ok(inserted.value.order);
      const order = inserted.value.order;
      // Reserving the shares locks the position: the day's total below is read under that lock.
      if (!(await freezeShares(trx, request.customerId, product.id, shares)))
        throw new Refused('insufficient_shares');
      const used = await fastRedeemedOn(trx, request.customerId, product.id, today);
      const slices = takeFifo(await openLotsForUpdate(trx, request.customerId, product.id), shares);
      if (!slices) throw new Refused('insufficient_shares');
      const r = confirmRedemption(terms, slices, PAR, today, product.currency);
      if (used + r.net.amount > limit.amount)
        throw new Refused(
          'fast_redemption_limit',
          `${formatMoney({ amount: limit.amount - used, currency: limit.currency })} ${limit.currency} left today`,
        );
      const commands: LedgerCommand[] = [
        {
          type: 'transfer',
          id: transferIds(order.id).proceeds,
          debitAccountId: internal.fundRedemptionClearing.id,
          creditAccountId: cashId,
          amount: r.net,
          code: 'fund_redemption',
          reference: order.id,
        },
      ];
      const [posted] = await d.ledger.transferGroupsIn(trx, [commands]);
      if (!posted?.every((x) => x.ok)) throw new Refused('ledger_refused');
      const done = await transition(d, trx, order.id, ['submitted'], 'confirmed', {
        confirm_date: today,
        nav: PAR,
        fee: r.fee.amount,
        proceeds: r.net.amount,
        detail: {
          fast: true,
          gross: r.gross.amount.toString(),
          realisedGain: r.realisedGain.amount.toString(),
        },
      });
      await removeSlices(d, trx, request, r.slices, r.realisedGain.amount, { reserved: true });
      return ok(done ?? order);
    });
  } catch (error) {
    if (error instanceof Refused) return fail(error.error, error.detail);
    throw error;
  }
}
