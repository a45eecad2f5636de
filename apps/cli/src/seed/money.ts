import type { Database } from '@onefin/db';
import { parseMoney } from '@onefin/kernel';
import { type BankCode, cardNumberFor, createSimulatedChannel, type PaymentCard } from '@onefin/payments';
import type { Services } from '@onefin/platform';

/** What the seed works on: the services, and the database under them (for the bank's later view). */
export interface SeedTarget {
  services: Services;
  db: Database;
}

/** A withdrawal the seed makes; `isSettled` ones get the bank's answer during the seed. */
interface SeedWithdrawal {
  amount: string;
  isSettled: boolean;
}

/** One demo customer's money: their one card, top-ups in the order made, then withdrawals. */
export interface MoneyStory {
  mobile: string;
  card: { bank: BankCode; last4: string; serial: number };
  topUps: readonly string[];
  withdrawals: readonly SeedWithdrawal[];
}

/**
 * Each demo customer's money, one story per customer, so every payments and ledger screen has
 * something real to show (docs/operations.md "Payment channel simulator" lists the card rules):
 * 张伟 has a withdrawal still with the bank (处理中, until the worker's pass half a minute later),
 * 李娜's card ends 0002 so her top-up is declined, 刘洋's ends 0003 so his withdrawal fails at the
 * bank and the money comes back.
 */
export const MONEY_STORIES: readonly MoneyStory[] = [
  {
    mobile: '13800138001',
    card: { bank: 'ICBC', last4: '6688', serial: 31_415_926 },
    topUps: ['20000.00', '3500.00', '888.88'],
    withdrawals: [
      { amount: '2000.00', isSettled: true },
      { amount: '1200.00', isSettled: false },
    ],
  },
  {
    mobile: '13800138002',
    card: { bank: 'CCB', last4: '4521', serial: 27_182_818 },
    topUps: ['8000.00', '2560.00'],
    withdrawals: [{ amount: '1500.00', isSettled: true }],
  },
  {
    mobile: '13900139003',
    card: { bank: 'ABC', last4: '0002', serial: 14_142_135 },
    topUps: ['10000.00'],
    withdrawals: [],
  },
  {
    mobile: '13700137004',
    card: { bank: 'BOC', last4: '0003', serial: 17_320_508 },
    topUps: ['6000.00', '1800.00'],
    withdrawals: [{ amount: '2000.00', isSettled: true }],
  },
  {
    mobile: '13600136005',
    card: { bank: 'CMB', last4: '9527', serial: 22_360_679 },
    topUps: ['50000.00', '12345.67'],
    withdrawals: [{ amount: '5000.00', isSettled: true }],
  },
];

/** The simulated bank keeps a payout `submitted` this long (its default; docs/operations.md). */
const PAYOUT_DELAY_MS = 30_000;

/** Deterministic per customer: a rerun (or a retry after a crash) finds the same order. */
const topUpKey = (i: number) => `seed-topup-${i + 1}`;
const withdrawalKey = (i: number) => `seed-withdrawal-${i + 1}`;

function expectOk<T>(what: string, r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`seed: ${what} was refused: ${r.error}`);
  return r.value;
}

/** The story's card, bound once: a second run finds it among the customer's cards. */
async function bindStoryCard(
  services: Services,
  customerId: string,
  story: MoneyStory,
): Promise<PaymentCard> {
  const { bank, last4, serial } = story.card;
  const cards = await services.payments.listCards(customerId);
  const bound = cards.find((c) => c.bankCode === bank && c.last4 === last4);
  if (bound) return bound;
  return expectOk(
    `binding ${bank} *${last4}`,
    await services.payments.bindCard(customerId, cardNumberFor(bank, last4, serial)),
  );
}

/**
 * Binds the card, tops up (a declined card's top-up stays in the history as `failed`) and places the
 * withdrawals meant to settle; those left with the bank are placed by `placeOpenWithdrawals`, after
 * `settleSeedPayouts`. Returns how many orders it placed.
 */
export async function seedCustomerMoney(
  services: Services,
  customerId: string,
  story: MoneyStory,
): Promise<{ card: PaymentCard; orders: number }> {
  const card = await bindStoryCard(services, customerId, story);
  let orders = 0;
  for (const [i, amount] of story.topUps.entries()) {
    const input = { cardId: card.id, amount: parseMoney(amount, 'CNY'), idempotencyKey: topUpKey(i) };
    expectOk(`top-up ${amount}`, await services.payments.topUp(customerId, input));
    orders += 1;
  }
  orders += await placeWithdrawals(services, customerId, card, story, true);
  return { card, orders };
}

async function placeWithdrawals(
  services: Services,
  customerId: string,
  card: PaymentCard,
  story: MoneyStory,
  isSettled: boolean,
): Promise<number> {
  let placed = 0;
  for (const [i, w] of story.withdrawals.entries()) {
    if (w.isSettled !== isSettled) continue;
    const input = { cardId: card.id, amount: parseMoney(w.amount, 'CNY'), idempotencyKey: withdrawalKey(i) };
    expectOk(`withdrawal ${w.amount}`, await services.payments.withdraw(customerId, input));
    placed += 1;
  }
  return placed;
}

/** The withdrawals the seed leaves with the bank: the portal shows them 处理中. */
export const placeOpenWithdrawals = (
  services: Services,
  customerId: string,
  card: PaymentCard,
  story: MoneyStory,
) => placeWithdrawals(services, customerId, card, story, false);

/**
 * Lets the bank answer the payouts placed so far, then books the answers, as the worker's
 * `payments.settle` job does. The simulator completes a payout only once its delay has passed on
 * its clock, and the seed must not wait half a minute: so the bank is looked at as it will be
 * then (the same simulator over the same tables, its clock that much ahead); payments books the
 * answers on the services' own clock.
 */
export async function settleSeedPayouts(target: SeedTarget): Promise<void> {
  const { services } = target;
  const later = { now: () => new Date(services.clock.now().getTime() + PAYOUT_DELAY_MS) };
  await createSimulatedChannel({ db: target.db.primary, clock: later }).settle();
  await services.payments.settleWithdrawals();
}
