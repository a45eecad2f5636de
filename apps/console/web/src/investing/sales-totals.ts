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
