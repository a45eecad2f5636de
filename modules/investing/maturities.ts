import { fail, type Money } from '@onefin/kernel';
import type { LedgerCommand } from '@onefin/ledger';
import { addCalendarDays, type Product } from '@onefin/products';
import type { Context } from './context.ts';
import { depositInterest, payout } from './deposits.ts';
import { transferIds } from './model.ts';
import { daysBetween, simpleInterest } from './money-rules.ts';
import { insertOrder, productFields, transition } from './orders.ts';
import { addLot, removeSlices } from './positions.ts';
import { investingDb, type LotRow } from './schema.ts';

/**
 * Lots at maturity, paid to the customer's cash account as an order of the platform itself, keyed
 * by the lot, in the transaction that closes the lot, so each is paid exactly once:
 * - wealth products: principal and yield (the benchmark's floor, actual/365 from the value date);
 * - time deposits: principal and interest on the product's day count; with rollover, principal and
 *   interest go straight into a new deposit of the same term.
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
    if (!p || !lot.maturity_date) continue;
    const done = await matureLot(d, lot, p, lot.maturity_date);
    if (done) {
      paid++;
      amount += done;
    }
  }
  return { paid, amount };
}

/** Pays one lot; the amount paid, or undefined if it was paid already or is not a maturing kind. */
async function matureLot(d: Context, lot: LotRow, p: Product, maturity: string): Promise<bigint | undefined> {
  const a = p.attributes;
  if (a.kind !== 'wealth' && a.kind !== 'deposit') return undefined;
  const principal: Money = { amount: lot.remaining_cost, currency: p.currency };
  const days = daysBetween(lot.acquired_on, maturity);
  const earned =
    a.kind === 'wealth'
      ? simpleInterest(principal, a.expectedYieldMin, days, 365)
      : depositInterest(a, principal, lot.acquired_on, maturity, a.annualRate);
  const rate = a.kind === 'wealth' ? a.expectedYieldMin : a.annualRate;
  const internal = await d.internal(p.currency);
  const cash = await d.ledger.openCustomerCashAccount(lot.customer_id, p.currency);
  const names = productFields(p);
  const done = await d.db.transaction().execute(async (trx) => {
    const placed = await insertOrder(d, trx, {
      customerId: lot.customer_id,
      productId: p.id,
      ...names,
      type: a.kind === 'wealth' ? 'wealth_maturity' : 'deposit_maturity',
      channel: 'system',
      staffId: null,
      idempotencyKey: `maturity:${lot.id}`,
      currency: p.currency,
      amount: principal.amount,
      shares: lot.remaining,
      status: 'submitted',
      tradeDate: maturity,
      detail: { lotId: lot.id, rate, days, renewed: a.kind === 'deposit' && lot.renew },
    });
    if (!placed.ok || !placed.value.isNew) return fail('already_paid');
    const id = placed.value.order.id;
    const commands: LedgerCommand[] =
      a.kind === 'deposit'
        ? payout(id, internal, cash.id, principal, earned, 'deposit_maturity')
        : wealthPayout(id, internal, cash.id, principal, earned);
    const renewal = a.kind === 'deposit' && lot.renew;
    let renewalId: string | undefined;
    const rolled: Money = { amount: principal.amount + earned.amount, currency: p.currency };
    if (renewal) {
      const reopened = await insertOrder(d, trx, {
        customerId: lot.customer_id,
        productId: p.id,
        ...names,
        type: 'deposit_open',
        channel: 'system',
        staffId: null,
        idempotencyKey: `renewal:${lot.id}`,
        currency: p.currency,
        amount: rolled.amount,
        shares: null,
        status: 'submitted',
        tradeDate: maturity,
        detail: { renew: true, renewalOf: lot.id, annualRate: a.annualRate },
      });
      if (!reopened.ok) throw new Error(`renewal of ${lot.id}: ${reopened.error}`);
      renewalId = reopened.value.order.id;
      // In the same linked group: the payout's credit is what the new deposit debits.
      commands.push({
        type: 'transfer',
        id: transferIds(renewalId).principal,
        debitAccountId: cash.id,
        creditAccountId: internal.timeDeposits.id,
        amount: rolled,
        code: 'deposit_open',
        reference: renewalId,
      });
    }
    const [results = []] = await d.ledger.transferGroupsIn(trx, [commands]);
    if (!results.every((r) => r.ok)) throw new Error(`maturity of ${lot.id} refused by the ledger`);
    await removeSlices(
      d,
      trx,
      { customerId: lot.customer_id, productId: p.id },
      [{ lotId: lot.id, acquiredOn: lot.acquired_on, shares: lot.remaining, cost: lot.remaining_cost }],
      earned.amount,
      { reserved: false },
    );
    await transition(d, trx, id, ['submitted'], 'confirmed', {
      confirm_date: maturity,
      proceeds: principal.amount + earned.amount,
      fee: 0n,
    });
    if (renewalId && a.kind === 'deposit') {
      await addLot(d, trx, {
        customerId: lot.customer_id,
        productId: p.id,
        productKind: 'deposit',
        currency: p.currency,
        orderId: renewalId,
        acquiredOn: maturity,
        shares: rolled.amount,
        cost: rolled.amount,
        maturityDate: addCalendarDays(maturity, a.termDays),
        renew: true,
      });
      await transition(d, trx, renewalId, ['submitted'], 'confirmed', {
        confirm_date: maturity,
        nav: '1.0000',
        shares: rolled.amount,
        fee: 0n,
      });
    }
    return { ok: true as const, paid: principal.amount + earned.amount };
  });
  return done.ok ? done.paid : undefined;
}

function wealthPayout(
  orderId: string,
  internal: Awaited<ReturnType<Context['internal']>>,
  cashId: Parameters<Context['ledger']['getAccount']>[0],
  principal: Money,
  earned: Money,
): LedgerCommand[] {
  const ids = transferIds(orderId);
  const commands: LedgerCommand[] = [
    {
      type: 'transfer',
      id: ids.principal,
      debitAccountId: internal.wealthPrincipal.id,
      creditAccountId: cashId,
      amount: principal,
      code: 'wealth_maturity_principal',
      reference: orderId,
    },
  ];
  if (earned.amount > 0n)
    commands.push({
      type: 'transfer',
      id: ids.yield,
      debitAccountId: internal.wealthIssuerClearing.id,
      creditAccountId: cashId,
      amount: earned,
      code: 'wealth_maturity_yield',
      reference: orderId,
    });
  return commands;
}
