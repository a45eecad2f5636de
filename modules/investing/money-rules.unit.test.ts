import { money } from '@onefin/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confirmConversion,
  confirmRedemption,
  confirmSubscription,
  daysBetween,
  formatShares,
  marketValue,
  moneyMarketIncome,
  type OpenLot,
  simpleInterest,
  takeFifo,
} from './money-rules.ts';

const cny = (text: string) => {
  const [yuan = '0', fen = ''] = text.split('.');
  return money(BigInt(yuan) * 100n + BigInt(fen.padEnd(2, '0')));
};
const tiers = {
  subscriptionFees: [
    { fromAmount: { amount: '0.00', currency: 'CNY' as const }, rate: '0.015' },
    { fromAmount: { amount: '1000000.00', currency: 'CNY' as const }, rate: '0.012' },
    { fromAmount: { amount: '5000000.00', currency: 'CNY' as const }, rate: '0.008' },
    {
      fromAmount: { amount: '10000000.00', currency: 'CNY' as const },
      fixedFee: { amount: '1000.00', currency: 'CNY' as const },
    },
  ],
  redemptionFees: [
    { minHoldingDays: 0, rate: '0.015' },
    { minHoldingDays: 7, rate: '0.005' },
    { minHoldingDays: 365, rate: '0.0025' },
  ],
};

describe('a subscription at its trade date NAV', () => {
  it('charges the tier fee by the net-amount method and rounds the shares down', () => {
    const c = confirmSubscription(tiers, cny('10000.00'), '1.2345');
    expect(c.fee).toEqual(cny('147.78'));
    expect(formatShares(c.shares)).toBe('7980.73');
    // 7980.73 × 1.2345 = 9852.211185: less than a fen left over, so it stays with the fund.
    expect(c.refund).toEqual(cny('0.00'));
    expect(c.invested).toEqual(cny('9852.22'));
  });

  it('refunds the whole fen the rounded-down shares did not buy', () => {
    const c = confirmSubscription(tiers, cny('10000.00'), '3.8765');
    expect(formatShares(c.shares)).toBe('2541.52');
    // 9852.22 − 2541.52 × 3.8765 = 0.017720 → one fen back, 0.007720 to the fund.
    expect(c.refund).toEqual(cny('0.01'));
    expect(c.invested).toEqual(cny('9852.21'));
  });

  it('takes the tier the amount falls in, and the fixed fee at the top', () => {
    expect(confirmSubscription(tiers, cny('2000000.00'), '1.0000').fee).toEqual(cny('23715.42'));
    expect(confirmSubscription(tiers, cny('12000000.00'), '1.0000').fee).toEqual(cny('1000.00'));
  });

  it('never gives shares worth more than was paid, nor keeps a whole fen', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100n, max: 2_000_000_000n }),
        fc.integer({ min: 1000, max: 99_999 }),
        (fen, navTenThousandths) => {
          const nav = (navTenThousandths / 10_000).toFixed(4);
          const c = confirmSubscription(tiers, money(fen), nav);
          expect(c.fee.amount + c.invested.amount + c.refund.amount).toBe(fen);
          const value = marketValue(c.shares, nav, 'CNY').amount;
          // The shares are worth the invested amount to within the rounding of their value.
          expect(value <= c.invested.amount + 1n).toBe(true);
          expect(c.invested.amount - value < 1n + 1n).toBe(true);
        },
      ),
    );
  });
});

describe('a redemption on FIFO lots', () => {
  const lots: OpenLot[] = [
    { id: 'lot_b', acquiredOn: '2026-03-20', remaining: 50_000n, remainingCost: 65_000n },
    { id: 'lot_a', acquiredOn: '2026-03-03', remaining: 100_000n, remainingCost: 120_000n },
  ];

  it('sells the oldest lot first and charges each slice its holding-period fee', () => {
    const slices = takeFifo(lots, 120_000n);
    expect(slices).toEqual([
      { lotId: 'lot_a', acquiredOn: '2026-03-03', shares: 100_000n, cost: 120_000n },
      { lotId: 'lot_b', acquiredOn: '2026-03-20', shares: 20_000n, cost: 26_000n },
    ]);
    const r = confirmRedemption(tiers, slices ?? [], '1.3000', '2026-03-25', 'CNY');
    expect(r.slices.map((s) => [s.holdingDays, s.rate, s.fee.amount])).toEqual([
      [22, '0.005', 650n],
      [5, '0.015', 390n],
    ]);
    expect(r.gross).toEqual(cny('1560.00'));
    expect(r.fee).toEqual(cny('10.40'));
    expect(r.net).toEqual(cny('1549.60'));
    expect(r.cost).toEqual(cny('1460.00'));
    expect(r.realisedGain).toEqual(cny('89.60'));
  });

  it('moves a part of a lot cost half-up and refuses more shares than are held', () => {
    const one: OpenLot[] = [
      { id: 'l', acquiredOn: '2026-01-05', remaining: 30_000n, remainingCost: 10_000n },
    ];
    expect(takeFifo(one, 10_000n)).toEqual([
      { lotId: 'l', acquiredOn: '2026-01-05', shares: 10_000n, cost: 3_333n },
    ]);
    expect(takeFifo(one, 30_001n)).toBeUndefined();
  });

  it('charges the long-holding rate after a year', () => {
    const slices = takeFifo(
      [{ id: 'old', acquiredOn: '2025-03-01', remaining: 1_000_000n, remainingCost: 1_000_000n }],
      1_000_000n,
    );
    const r = confirmRedemption(tiers, slices ?? [], '1.1111', '2026-03-02', 'CNY');
    expect(r.slices[0]?.holdingDays).toBe(366);
    expect(r.gross).toEqual(cny('11111.00'));
    expect(r.fee).toEqual(cny('27.78'));
    expect(r.net).toEqual(cny('11083.22'));
  });
});

describe('income and interest', () => {
  it('credits a money-market fund its per-10,000 income, half-up to the fen', () => {
    expect(moneyMarketIncome(1_000_000n, '0.6523')).toBe(65n);
    // 12,345.67 × 0.4321 / 10,000 = 0.53345…
    expect(moneyMarketIncome(1_234_567n, '0.4321')).toBe(53n);
  });

  it('computes interest on actual/365 and actual/360', () => {
    expect(simpleInterest(cny('100000.00'), '0.0385', 90, 365)).toEqual(cny('949.32'));
    expect(simpleInterest(cny('50000.00'), '0.0175', 181, 360)).toEqual(cny('439.93'));
  });

  it('counts calendar days between business dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('a fund conversion', () => {
  const cheaper = {
    subscriptionFees: [{ fromAmount: { amount: '0.00', currency: 'CNY' as const }, rate: '0.006' }],
    redemptionFees: tiers.redemptionFees,
  };
  const lot = (acquiredOn: string, shares: bigint, cost: bigint) => [
    { lotId: 'l1', acquiredOn, shares, cost },
  ];

  it('sells FIFO with the holding-period fee and pays only the difference of the subscription fees', () => {
    // 1,000.00 shares held 400 days at 1.2000 → 1,200.00 less 0.25% (3.00); into a fund at 2.0000.
    const c = confirmConversion(
      cheaper,
      tiers,
      lot('2025-01-26', 100_000n, 100_000n),
      { from: '1.2000', to: '2.0000' },
      '2026-03-02',
      'CNY',
    );
    expect(c.out.fee).toEqual(cny('3.00'));
    expect(c.out.net).toEqual(cny('1197.00'));
    // On 1,197.00 the target's 1.5% is 17.69 and the source's 0.6% is 7.14: the top-up fee is 10.55.
    expect(c.fee).toEqual(cny('10.55'));
    // 1,186.45 / 2.0000 = 593.225 → 593.22 shares; the 0.01 left over is refunded.
    expect(c.into).toEqual({ shares: 59_322n, invested: cny('1186.44'), refund: cny('0.01') });
    expect(c.out.realisedGain).toEqual(cny('197.00'));
  });

  it('into a fund with a lower subscription fee costs no top-up fee; a short holding still pays its redemption fee', () => {
    const c = confirmConversion(
      tiers,
      cheaper,
      lot('2026-02-27', 100_000n, 100_000n),
      { from: '1.0000', to: '1.0000' },
      '2026-03-02',
      'CNY',
    );
    // Held 3 days: 1.5% of 1,000.00.
    expect(c.out.fee).toEqual(cny('15.00'));
    expect(c.fee).toEqual(cny('0.00'));
    expect(c.into).toEqual({ shares: 98_500n, invested: cny('985.00'), refund: cny('0.00') });
  });
});
