import { fail, type Money } from '@onefin/kernel';
import type { LedgerCommand } from '@onefin/ledger';
import type { Product } from '@onefin/products';
import type { Context } from './context.ts';
import { transferIds } from './model.ts';
import { daysBetween, simpleInterest } from './money-rules.ts';
import { insertOrder, transition } from './orders.ts';
import { removeSlices } from './positions.ts';
import { investingDb } from './schema.ts';

/**
 * Wealth products at maturity: principal and yield (the product's benchmark floor, actual/365 from
 * the value date) go to the customer's cash account as a `wealth_maturity` order of the platform
 * itself, keyed by the lot, in the transaction that closes the lot, so it is paid exactly once.
 */
export async function payMaturities(
  d: Context,
  asOf: string,
  product: (id: string) => Promise<Product | undefined>,
  limit: number,
): Promise<{ paid: number; amount: bigint }> {
  const lots = await investingDb(d.db)
    .selectFrom('investing_lots')
    .selectAll()
    .where('maturity_date', '<=', asOf)
    .where('remaining', '>', 0n)
    .orderBy('maturity_date')
    .orderBy('id')
    .limit(limit)
    .execute();
  let paid = 0;
  let amount = 0n;
  for (const lot of lots) {
    const p = await product(lot.product_id);
    if (p?.attributes.kind !== 'wealth' || !lot.maturity_date) continue;
    const principal: Money = { amount: lot.remaining_cost, currency: p.currency };
    const days = daysBetween(lot.acquired_on, lot.maturity_date);
    const yieldRate = p.attributes.expectedYieldMin;
    const yielded = simpleInterest(principal, yieldRate, days, 365);
    const internal = await d.internal(p.currency);
    const cash = await d.ledger.openCustomerCashAccount(lot.customer_id, p.currency);
    const done = await d.db.transaction().execute(async (trx) => {
      const placed = await insertOrder(d, trx, {
        customerId: lot.customer_id,
        productId: p.id,
        productCode: p.code,
        productNameZh: p.nameZh,
        productNameEn: p.nameEn,
        productKind: p.kind,
        type: 'wealth_maturity',
        channel: 'system',
        staffId: null,
        idempotencyKey: `maturity:${lot.id}`,
        currency: p.currency,
        amount: principal.amount,
        shares: lot.remaining,
        status: 'submitted',
        tradeDate: lot.maturity_date,
        detail: { lotId: lot.id, yieldRate, days },
      });
      if (!placed.ok || !placed.value.isNew) return fail('already_paid');
      const ids = transferIds(placed.value.order.id);
      const commands: LedgerCommand[] = [
        {
          type: 'transfer',
          id: ids.principal,
          debitAccountId: internal.wealthPrincipal.id,
          creditAccountId: cash.id,
          amount: principal,
          code: 'wealth_maturity_principal',
          reference: placed.value.order.id,
        },
      ];
      if (yielded.amount > 0n)
        commands.push({
          type: 'transfer',
          id: ids.yield,
          debitAccountId: internal.wealthIssuerClearing.id,
          creditAccountId: cash.id,
          amount: yielded,
          code: 'wealth_maturity_yield',
          reference: placed.value.order.id,
        });
      const [results = []] = await d.ledger.transferGroupsIn(trx, [commands]);
      if (!results.every((r) => r.ok)) throw new Error(`maturity of ${lot.id} refused by the ledger`);
      await removeSlices(
        d,
        trx,
        { customerId: lot.customer_id, productId: p.id },
        [{ lotId: lot.id, acquiredOn: lot.acquired_on, shares: lot.remaining, cost: lot.remaining_cost }],
        yielded.amount,
        { reserved: false },
      );
      await transition(d, trx, placed.value.order.id, ['submitted'], 'confirmed', {
        confirm_date: lot.maturity_date,
        proceeds: principal.amount + yielded.amount,
        fee: 0n,
      });
      return { ok: true as const };
    });
    if (done.ok) {
      paid++;
      amount += principal.amount + yielded.amount;
    }
  }
  return { paid, amount };
}
