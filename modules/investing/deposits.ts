import {
  addMoney,
  businessDateOf,
  type Executor,
  fail,
  type Money,
  ok,
  parseMoney,
  type Result,
} from '@onefin/kernel';
import type { Account, InternalKey, LedgerCommand } from '@onefin/ledger';
import { addCalendarDays, type Product } from '@onefin/products';
import type { Context } from './context.ts';
import { awaitCustomer, needsCustomer } from './customer-confirmation.ts';
import type { InvestingError } from './errors.ts';
import { type Order, transferIds } from './model.ts';
import { daysBetween, simpleInterest } from './money-rules.ts';
import { findByKey, insertOrder, type OrderRequest, productFields, transition } from './orders.ts';
import { addLot, removeSlices } from './positions.ts';
import { answerFor, ledgerRefusal, type OrderInput, type Placed, recordRefusal } from './purchases.ts';
import { investingDb, type LotRow } from './schema.ts';

/**
 * Time deposits: opened at once (the value date is today), paid back at maturity with interest on
 * the product's day count, or early at the demand rate. Each is one transaction: the order, the
 * ledger's transfers and the deposit's lot commit together.
 */

export type DepositTerms = Extract<Product['attributes'], { kind: 'deposit' }>;

const basisOf = (terms: DepositTerms) => (terms.dayCount === 'act_365' ? 365 : 360);

export function depositTerms(product: Product): DepositTerms | undefined {
  return product.attributes.kind === 'deposit' ? product.attributes : undefined;
}

/** Interest on a deposit held from `from` to `to` at `rate`: full precision, half-up to the fen. */
export function depositInterest(
  terms: DepositTerms,
  principal: Money,
  from: string,
  to: string,
  rate: string,
) {
  return simpleInterest(principal, rate, daysBetween(from, to), basisOf(terms));
}

export async function openDeposit(
  d: Context,
  input: OrderInput & { amount: Money; renew?: boolean },
): Placed {
  const product = await d.catalogueProduct(input.productId);
  if (!product) return fail('product_not_found');
  const terms = depositTerms(product);
  if (!terms) return fail('wrong_product_kind');
  const request: OrderRequest = {
    customerId: input.customerId,
    productId: product.id,
    type: 'deposit_open',
    channel: input.channel,
    staffId: input.staffId ?? null,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    amount: input.amount.amount,
    shares: null,
  };
  const replay = await findByKey(d.db, request, request);
  if (!replay.ok) return replay;
  if (replay.value) return answerFor(replay.value);
  const base = { ...request, ...productFields(product) };
  const decision = await d.products.suitabilityFor(input.customerId, product, input.channel);
  if (!decision.allowed) return recordRefusal(d, base, decision);
  if (input.amount.currency !== product.currency) return fail('currency_mismatch');
  const minimum = parseMoney(terms.minimumAmount.amount, product.currency);
  if (input.amount.amount < minimum.amount) return fail('below_minimum');
  const today = businessDateOf(d.clock.now());
  const accounts = await depositAccounts(d, input.customerId, product.currency);
  const renew = input.renew ?? terms.autoRenew;
  const order = await d.db.transaction().execute(async (trx) => {
    const placed = await insertOrder(d, trx, {
      ...base,
      status: 'submitted',
      tradeDate: today,
      detail: { renew, annualRate: terms.annualRate },
    });
    if (!placed.ok) return placed;
    if (!placed.value.isNew) return ok(placed.value.order);
    if (needsCustomer(d, input.channel)) return ok(await awaitCustomer(d, trx, placed.value.order));
    return ok(await executeDepositOpen(d, trx, placed.value.order, terms, accounts));
  });
  if (!order.ok) return order;
  return answerFor(order.value);
}

export type DepositAccounts = { cash: Account; internal: Record<InternalKey, Account> };

/** Looked up before the transaction (on PGlite a query outside an open one would wait forever). */
export async function depositAccounts(d: Context, customerId: string, currency: Money['currency']) {
  return {
    internal: await d.internal(currency),
    cash: await d.ledger.openCustomerCashAccount(customerId, currency),
  };
}

/** Opens a submitted deposit order inside `trx`: principal to time deposits, the lot, confirmed. */
export async function executeDepositOpen(
  d: Context,
  trx: Executor,
  order: Order,
  terms: DepositTerms,
  accounts: DepositAccounts,
): Promise<Order> {
  const amount = order.amount;
  if (!amount) throw new Error(`deposit order ${order.id} has no amount`);
  const today = businessDateOf(d.clock.now());
  const [results = []] = await d.ledger.transferGroupsIn(trx, [
    [
      {
        type: 'transfer',
        id: transferIds(order.id).principal,
        debitAccountId: accounts.cash.id,
        creditAccountId: accounts.internal.timeDeposits.id,
        amount,
        code: 'deposit_open',
        reference: order.id,
      },
    ],
  ]);
  const refusal = results.find((r) => !r.ok);
  if (refusal && !refusal.ok) {
    const failed = await transition(d, trx, order.id, ['submitted'], 'failed', {
      failure_reason: ledgerRefusal(refusal.error),
      detail: { ...order.detail, refusedAtOrder: true, messageEn: refusal.detail ?? refusal.error },
    });
    return failed ?? order;
  }
  await addLot(d, trx, {
    customerId: order.customerId,
    productId: order.productId,
    productKind: 'deposit',
    currency: order.currency,
    orderId: order.id,
    acquiredOn: today,
    shares: amount.amount,
    cost: amount.amount,
    maturityDate: addCalendarDays(today, terms.termDays),
    renew: order.detail.renew === true,
  });
  const confirmed = await transition(d, trx, order.id, ['submitted'], 'confirmed', {
    trade_date: today,
    confirm_date: today,
    nav: '1.0000',
    shares: amount.amount,
    fee: 0n,
  });
  return confirmed ?? order;
}

/** One open deposit of a customer, locked. */
async function depositLot(
  trx: Context['db'],
  customerId: string,
  lotId: string,
): Promise<LotRow | undefined> {
  return investingDb(trx)
    .selectFrom('investing_lots')
    .selectAll()
    .where('id', '=', lotId)
    .where('customer_id', '=', customerId)
    .where('remaining', '>', 0n)
    .where('maturity_date', 'is not', null)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Withdraws a whole deposit before maturity: interest at the demand rate for the days it was held.
 * On or after its maturity date it is the end-of-day job's to pay at the full rate instead.
 */
export async function withdrawDeposit(
  d: Context,
  input: Omit<OrderInput, 'productId'> & { lotId: string },
): Promise<Result<Order, InvestingError>> {
  const replay = await findByKey(d.db, {
    customerId: input.customerId,
    idempotencyKey: input.idempotencyKey,
  });
  if (!replay.ok) return replay;
  if (replay.value)
    return replay.value.type === 'deposit_withdraw' ? ok(replay.value) : fail('idempotency_key_reused');
  const peek = await investingDb(d.db)
    .selectFrom('investing_lots')
    .select(['product_id', 'maturity_date'])
    .where('id', '=', input.lotId)
    .where('customer_id', '=', input.customerId)
    .where('remaining', '>', 0n)
    .executeTakeFirst();
  if (!peek) return fail('deposit_not_found');
  const product = await d.products.getProduct(peek.product_id);
  const terms = product && depositTerms(product);
  if (!product || !terms) return fail('deposit_not_found');
  const today = businessDateOf(d.clock.now());
  if (peek.maturity_date && today >= peek.maturity_date) return fail('deposit_matured');
  const internal = await d.internal(product.currency);
  const cash = await d.ledger.openCustomerCashAccount(input.customerId, product.currency);
  return d.db.transaction().execute(async (trx): Promise<Result<Order, InvestingError>> => {
    const lot = await depositLot(trx, input.customerId, input.lotId);
    if (!lot) return fail('deposit_not_found');
    const principal: Money = { amount: lot.remaining_cost, currency: product.currency };
    const interest = depositInterest(terms, principal, lot.acquired_on, today, terms.earlyWithdrawalRate);
    const placed = await insertOrder(d, trx, {
      customerId: input.customerId,
      productId: product.id,
      ...productFields(product),
      type: 'deposit_withdraw',
      channel: input.channel,
      staffId: input.staffId ?? null,
      idempotencyKey: input.idempotencyKey,
      currency: product.currency,
      amount: principal.amount,
      shares: lot.remaining,
      status: 'submitted',
      tradeDate: today,
      detail: { lotId: lot.id, rate: terms.earlyWithdrawalRate, days: daysBetween(lot.acquired_on, today) },
    });
    if (!placed.ok) return placed;
    if (!placed.value.isNew) return ok(placed.value.order);
    const id = placed.value.order.id;
    const [results = []] = await d.ledger.transferGroupsIn(trx, [
      payout(id, internal, cash.id, principal, interest, 'deposit_withdraw'),
    ]);
    if (!results.every((r) => r.ok)) throw new Error(`early withdrawal of ${lot.id} refused by the ledger`);
    await removeSlices(
      d,
      trx,
      { customerId: input.customerId, productId: product.id },
      [{ lotId: lot.id, acquiredOn: lot.acquired_on, shares: lot.remaining, cost: lot.remaining_cost }],
      interest.amount,
      { reserved: false },
    );
    const done = await transition(d, trx, id, ['submitted'], 'confirmed', {
      confirm_date: today,
      proceeds: addMoney(principal, interest).amount,
      fee: 0n,
    });
    return ok(done ?? placed.value.order);
  });
}

/** Principal back from time deposits and interest from interest expense, to the customer's cash. */
export function payout(
  orderId: string,
  internal: Awaited<ReturnType<Context['internal']>>,
  cashId: Parameters<Context['ledger']['getAccount']>[0],
  principal: Money,
  interest: Money,
  code: 'deposit_withdraw' | 'deposit_maturity',
): LedgerCommand[] {
  const ids = transferIds(orderId);
  const commands: LedgerCommand[] = [
    {
      type: 'transfer',
      id: ids.principal,
      debitAccountId: internal.timeDeposits.id,
      creditAccountId: cashId,
      amount: principal,
      code: `${code}_principal`,
      reference: orderId,
    },
  ];
  if (interest.amount > 0n)
    commands.push({
      type: 'transfer',
      id: ids.yield,
      debitAccountId: internal.interestExpense.id,
      creditAccountId: cashId,
      amount: interest,
      code: `${code}_interest`,
      reference: orderId,
    });
  return commands;
}
