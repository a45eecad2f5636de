import { numberColumn, type Table, textColumn } from '../csv.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The contact's calendar month as a number (year·12 + month), for time-ordered validation only, never
 * as a feature. `row_id` is a shuffled id, so the date is recovered from the monthly indicators: the
 * contacts run May 2008 – Nov 2010, and the quarterly employment figure (`nr.employed`) places each
 * month in its year: ≥ 5176 in 2008, 5017–5100 in 2009, ≤ 5009 in 2010 (every (month, CPI) pair in
 * train.csv falls in exactly one of these).
 */
export function contactPeriods(table: Table): Float64Array {
  const months = textColumn(table, 'month');
  const employed = numberColumn(table, 'nr.employed');
  return Float64Array.from(months, (m, i) => {
    const e = employed[i] as number;
    const year = e >= 5176 ? 2008 : e > 5010 ? 2009 : 2010;
    return year * 12 + MONTHS.indexOf(m);
  });
}
