import type { MoneyDto } from '../ledger/api.ts';
import type { SalesLine } from './api.ts';

/** `"1234.5"` → `123450n`, `"-0.07"` → `-7n`: a decimal-string amount as minor units (fen), exact. */
export function toFen(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new RangeError(`not an amount with at most 2 decimals: ${amount}`);
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** `123450n` → `"1234.50"`: minor units back to the API's decimal string. */
export function fromFen(fen: bigint): string {
  const isNegative = fen < 0n;
  const digits = (isNegative ? -fen : fen).toString().padStart(3, '0');
  return `${isNegative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The figures of the ledger's totals row; customers are not summed (one customer may buy through several lines). */
export interface SalesTotal {
  currency: string;
  orders: number;
  confirmed: number;
  refused: number;
  volume: MoneyDto;
  pendingVolume: MoneyDto;
  redemptions: MoneyDto;
  fees: MoneyDto;
}

const MONEY_FIELDS = ['volume', 'pendingVolume', 'redemptions', 'fees'] as const;

/**
 * One totals row per currency (currencies never mix), the amounts summed as bigint fen so that
 * 0.10 + 0.20 is 0.30 and a month of sales adds up to the fen.
 */
export function salesTotals(lines: readonly SalesLine[]): SalesTotal[] {
  const byCurrency = new Map<
    string,
    { orders: number; confirmed: number; refused: number; fen: Record<(typeof MONEY_FIELDS)[number], bigint> }
  >();
  for (const line of lines) {
    const total = byCurrency.get(line.currency) ?? {
      orders: 0,
      confirmed: 0,
      refused: 0,
      fen: { volume: 0n, pendingVolume: 0n, redemptions: 0n, fees: 0n },
    };
    total.orders += line.orders;
    total.confirmed += line.confirmed;
    total.refused += line.refused;
    for (const field of MONEY_FIELDS) total.fen[field] += toFen(line[field].amount);
    byCurrency.set(line.currency, total);
  }
  return [...byCurrency].map(([currency, t]) => {
    const money = (fen: bigint) => ({ amount: fromFen(fen), currency });
    return {
      currency,
      orders: t.orders,
      confirmed: t.confirmed,
      refused: t.refused,
      volume: money(t.fen.volume),
      pendingVolume: money(t.fen.pendingVolume),
      redemptions: money(t.fen.redemptions),
      fees: money(t.fen.fees),
    };
  });
}

/** Confirmed volume per channel and currency, in fen, for the chart: `channel → currency → fen`. */
export function volumeByChannel(lines: readonly SalesLine[]): Map<string, Map<string, bigint>> {
  const result = new Map<string, Map<string, bigint>>();
  for (const line of lines) {
    const perCurrency = result.get(line.channel) ?? new Map<string, bigint>();
    perCurrency.set(line.currency, (perCurrency.get(line.currency) ?? 0n) + toFen(line.volume.amount));
    result.set(line.channel, perCurrency);
  }
  return result;
}
