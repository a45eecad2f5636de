import {
  Dec,
  decimalToMoney,
  type Money,
  moneyToDecimal,
  parseDecimal,
  Rounding,
  roundShares,
} from '@onefin/kernel';
import type { FundAttributes } from '@onefin/products';
import { redemptionFeeRate, subscriptionFee } from '@onefin/products';

/**
 * The money rules of investment orders, pure, with every rounding explicit. Fund shares are kept as
 * bigint hundredths ("1234.56" shares is 123456n); money is bigint fen.
 */

const DAY_MS = 86_400_000;

/** Hundredths of a share from a decimal share count (already rounded to 2 dp). */
export function sharesToMinor(shares: Dec): bigint {
  return BigInt(shares.mul(100).toFixed(0));
}

/** The decimal share count of bigint hundredths. */
export function sharesOf(minor: bigint): Dec {
  return new Dec(minor.toString()).div(100);
}

/** "1234.56" from 123456n. */
export function formatShares(minor: bigint): string {
  return sharesOf(minor).toFixed(2);
}

/** Calendar days from one business date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface SubscriptionConfirmation {
  /** The front-end fee by amount tier. */
  fee: Money;
  /** Shares bought: (amount − fee) / NAV, rounded down to 2 dp. */
  shares: bigint;
  /** What goes to the fund: the net amount less the refund (the part below a fen stays with the fund). */
  invested: Money;
  /** Whole fen of the net amount the rounded-down shares did not buy, given back to the customer. */
  refund: Money;
}

/**
 * A subscription at its trade date's NAV. Shares are rounded down so no one gets shares not paid
 * for; the whole fen that rounding left over are refunded, the fraction of a fen below them stays
 * with the fund (the CSRC rule: rounding residue belongs to the fund's assets).
 * @example confirmSubscription(terms, 10,000.00, "1.2345") // fee 147.78, shares 7980.73, refund 0.00
 */
export function confirmSubscription(
  terms: Pick<FundAttributes, 'subscriptionFees'>,
  amount: Money,
  nav: string,
): SubscriptionConfirmation {
  const fee = subscriptionFee(terms.subscriptionFees, amount);
  return { fee, ...buyShares({ amount: amount.amount - fee.amount, currency: amount.currency }, nav) };
}

/** Shares a net amount buys at a NAV, rounded down, and the whole fen left over to refund. */
function buyShares(net: Money, nav: string): Omit<SubscriptionConfirmation, 'fee'> {
  const price = parseDecimal(nav);
  const shares = roundShares(moneyToDecimal(net).div(price));
  const leftover = moneyToDecimal(net).sub(shares.mul(price));
  const refund = decimalToMoney(leftover, net.currency, Rounding.down);
  return {
    shares: sharesToMinor(shares),
    invested: { amount: net.amount - refund.amount, currency: net.currency },
    refund,
  };
}

/** A lot of a holding as redemption sees it: when it was confirmed, what is left of it and its cost. */
export interface OpenLot {
  id: string;
  acquiredOn: string;
  remaining: bigint;
  remainingCost: bigint;
}

/** The part of a lot a redemption takes, with the cost that leaves with it. */
export interface LotSlice {
  lotId: string;
  acquiredOn: string;
  shares: bigint;
  cost: bigint;
}

/**
 * Takes `shares` from the lots oldest first (FIFO). A lot taken whole gives up all its remaining
 * cost; a part takes its share of the cost rounded half-up, so the rest stays with the lot.
 * Undefined when the lots hold fewer shares.
 */
export function takeFifo(lots: readonly OpenLot[], shares: bigint): LotSlice[] | undefined {
  const ordered = [...lots].sort((a, b) =>
    a.acquiredOn === b.acquiredOn ? (a.id < b.id ? -1 : 1) : a.acquiredOn < b.acquiredOn ? -1 : 1,
  );
  const slices: LotSlice[] = [];
  let left = shares;
  for (const lot of ordered) {
    if (left === 0n) break;
    if (lot.remaining <= 0n) continue;
    const take = lot.remaining < left ? lot.remaining : left;
    const cost =
      take === lot.remaining
        ? lot.remainingCost
        : BigInt(
            new Dec(lot.remainingCost.toString())
              .mul(take.toString())
              .div(lot.remaining.toString())
              .toDecimalPlaces(0, Rounding.halfUp)
              .toFixed(0),
          );
    slices.push({ lotId: lot.id, acquiredOn: lot.acquiredOn, shares: take, cost });
    left -= take;
  }
  return left === 0n ? slices : undefined;
}

export interface RedemptionSliceFee extends LotSlice {
  holdingDays: number;
  rate: string;
  fee: Money;
}

export interface RedemptionConfirmation {
  /** Shares × NAV, half-up to the fen. */
  gross: Money;
  /** The sum of each lot's holding-period fee. */
  fee: Money;
  /** What the customer's cash account receives. */
  net: Money;
  /** The cost of the shares sold, and net − cost. */
  cost: Money;
  realisedGain: Money;
  slices: RedemptionSliceFee[];
}

/**
 * A redemption at its trade date's NAV: each FIFO slice pays the fee of its holding period (calendar
 * days from the lot's confirmation to the redemption's trade date), half-up to the fen per slice.
 * @example 100 shares bought 3 days ago at NAV 1.5000 under "< 7 days: 1.5%" → gross 150.00, fee 2.25
 */
export function confirmRedemption(
  terms: Pick<FundAttributes, 'redemptionFees'>,
  slices: readonly LotSlice[],
  nav: string,
  tradeDate: string,
  currency: Money['currency'],
): RedemptionConfirmation {
  const price = parseDecimal(nav);
  const worth = (shares: bigint) => sharesOf(shares).mul(price);
  const withFees = slices.map((s) => {
    const holdingDays = daysBetween(s.acquiredOn, tradeDate);
    const rate = redemptionFeeRate(terms.redemptionFees, holdingDays);
    const fee = decimalToMoney(worth(s.shares).mul(rate), currency);
    return { ...s, holdingDays, rate, fee };
  });
  const total = slices.reduce((sum, s) => sum + s.shares, 0n);
  const gross = decimalToMoney(worth(total), currency);
  const fee = withFees.reduce((sum, s) => sum + s.fee.amount, 0n);
  const cost = slices.reduce((sum, s) => sum + s.cost, 0n);
  const net = gross.amount - fee;
  return {
    gross,
    fee: { amount: fee, currency },
    net: { amount: net, currency },
    cost: { amount: cost, currency },
    realisedGain: { amount: net - cost, currency },
    slices: withFees,
  };
}

/**
 * A money-market fund's income for a day: shares × per-10,000 income / 10,000, half-up to the fen,
 * reinvested as shares at NAV 1.0000 (so a fen of income is a hundredth of a share).
 * @example moneyMarketIncome(1_000_000n, "0.6523") // 10,000.00 shares earn 65n (0.65)
 */
export function moneyMarketIncome(shares: bigint, per10kIncome: string): bigint {
  const income = sharesOf(shares).mul(parseDecimal(per10kIncome)).div(10_000);
  return BigInt(income.mul(100).toDecimalPlaces(0, Rounding.halfUp).toFixed(0));
}

/** Market value of a holding at a NAV, half-up to the fen. */
export function marketValue(shares: bigint, nav: string, currency: Money['currency']): Money {
  return decimalToMoney(sharesOf(shares).mul(parseDecimal(nav)), currency);
}

/**
 * Interest (or a wealth product's yield) on a principal: principal × annual rate × days / basis, in
 * full precision, half-up to the fen. Basis 360 (actual/360) or 365.
 * @example simpleInterest(100,000.00, "0.0385", 90, 365) // 949.32
 */
export function simpleInterest(principal: Money, annualRate: string, days: number, basis: 360 | 365): Money {
  const interest = moneyToDecimal(principal).mul(parseDecimal(annualRate)).mul(days).div(basis);
  return decimalToMoney(interest, principal.currency);
}

export interface ConversionConfirmation {
  /** The sale of the source fund's shares, with its holding-period fees. */
  out: RedemptionConfirmation;
  /**
   * The top-up fee (申购补差费): what the target fund's subscription fee on the proceeds exceeds
   * the source fund's, never below zero.
   */
  fee: Money;
  /** Shares of the target fund the proceeds less the fee buy, and the whole fen refunded. */
  into: Omit<SubscriptionConfirmation, 'fee'>;
}

/**
 * A conversion between two funds of one company at their trade date's NAVs: the source shares are
 * sold FIFO as a redemption, and the proceeds buy the target fund paying only the difference of
 * the two subscription fees.
 * @example 1,000 shares at 1.2000 held 400 days (0.25%: 3.00) from a 0.6% fund into a 1.5% one at
 *   2.0000 → proceeds 1,197.00, top-up fee 10.55, 593.22 shares, refund 0.01
 */
export function confirmConversion(
  from: Pick<FundAttributes, 'redemptionFees' | 'subscriptionFees'>,
  to: Pick<FundAttributes, 'subscriptionFees'>,
  slices: readonly LotSlice[],
  navs: { from: string; to: string },
  tradeDate: string,
  currency: Money['currency'],
): ConversionConfirmation {
  const out = confirmRedemption(from, slices, navs.from, tradeDate, currency);
  const difference =
    subscriptionFee(to.subscriptionFees, out.net).amount -
    subscriptionFee(from.subscriptionFees, out.net).amount;
  const fee = { amount: difference > 0n ? difference : 0n, currency };
  return { out, fee, into: buyShares({ amount: out.net.amount - fee.amount, currency }, navs.to) };
}
