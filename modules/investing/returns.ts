/**
 * Portfolio returns from daily values (pure). A day's point is the portfolio's value at the day's
 * close and the net money put in up to then (purchases less what came back to cash); the money
 * moved on a day counts as moved at its start.
 */
export interface ValuePoint {
  date: string;
  /** Market value at the close, in minor units. */
  value: bigint;
  /** Net money invested up to and including the day, in minor units. */
  netInvested: bigint;
}

const DAY_MS = 86_400_000;

/**
 * Time-weighted return: the daily returns chained, so what the customer put in or took out does
 * not count as performance — how the investments did. A day with nothing invested is skipped.
 * @example values 1000 → 1100 (no flow), then 500 more in and 1650 at the close → 1.1 × 1.03125 − 1 = 13.44%
 */
export function timeWeightedReturn(points: readonly ValuePoint[]): number | null {
  let growth = 1;
  let days = 0;
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as ValuePoint;
    const cur = points[i] as ValuePoint;
    const flow = cur.netInvested - prev.netInvested;
    const start = Number(prev.value + flow);
    if (start <= 0) continue;
    growth *= Number(cur.value) / start;
    days++;
  }
  return days === 0 ? null : growth - 1;
}

/**
 * Money-weighted return over the period by the Modified Dietz method: the gain (final value less
 * opening value less the money put in) over the average capital at work, each day's money weighted
 * by the share of the period it was invested — how the customer's own money did, timing included.
 * Not annualised. Null without a span of time or without capital at work.
 * @example 1,000 for two years, 10,000 more at the midpoint, 9,990 at the end → −1,010 / 6,006.84 = −16.8%
 */
export function moneyWeightedReturn(points: readonly ValuePoint[]): number | null {
  if (points.length < 2) return null;
  const first = points[0] as ValuePoint;
  const last = points.at(-1) as ValuePoint;
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  const span = dayOf(last.date) - dayOf(first.date);
  if (span <= 0) return null;
  let weighted = Number(first.value);
  for (let i = 1; i < points.length; i++) {
    const cur = points[i] as ValuePoint;
    const flow = Number(cur.netInvested - (points[i - 1] as ValuePoint).netInvested);
    // Money moved on a day is at work from that day's start.
    weighted += (flow * (dayOf(last.date) - dayOf(cur.date) + 1)) / span;
  }
  if (weighted <= 0) return null;
  const flows = Number(last.netInvested - first.netInvested);
  return (Number(last.value) - Number(first.value) - flows) / weighted;
}
