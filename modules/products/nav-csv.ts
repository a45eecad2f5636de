/**
 * The NAV file: UTF-8 CSV (an Excel BOM is fine), a header line naming the columns in any order,
 * then one fund-day per line. `per_10k_income` and `yield_7d` are for money-market funds only.
 *
 * ```
 * fund_code,date,nav,acc_nav,per_10k_income,yield_7d
 * 000198,2024-03-01,1.0000,1.0000,0.6512,0.023450
 * 110011,2024-03-01,2.3456,3.1234,,
 * ```
 */
export const NAV_COLUMNS = ['fund_code', 'date', 'nav', 'acc_nav', 'per_10k_income', 'yield_7d'] as const;
const REQUIRED: readonly string[] = ['fund_code', 'date', 'nav', 'acc_nav'];

/** Larger feeds go in several files: one file is validated and written in one transaction. */
export const MAX_NAV_ROWS = 200_000;

export type NavIssueCode =
  | 'empty_file'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'wrong_field_count'
  | 'too_many_rows'
  | 'unknown_fund'
  | 'not_a_fund'
  | 'invalid_date'
  | 'outside_calendar'
  | 'future_date'
  | 'not_trading_day'
  | 'unparsable_number'
  | 'not_positive'
  | 'too_many_decimals'
  | 'yield_out_of_range'
  | 'money_market_fields_missing'
  | 'money_market_fields_unexpected'
  | 'duplicate_in_file'
  | 'duplicate_stored'
  | 'concurrent_import'
  | 'gap'
  | 'outlier'
  | 'acc_nav_below_nav';

/** One line of the report. `line` is the CSV line (the header is line 1) or the JSON row (from 1). */
export interface NavIssue {
  line: number;
  code: NavIssueCode;
  message: string;
  field?: string;
  fundCode?: string;
  date?: string;
}

/** A NAV as given, before any check. */
export interface NavInputRow {
  line: number;
  fundCode: string;
  date: string;
  nav: string;
  accNav: string;
  per10kIncome: string | null;
  yield7d: string | null;
}

/** Excel and most exporters quote some fields; values here never contain commas or quotes. */
const unquote = (v: string) =>
  v
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

export function parseNavCsv(text: string): { rows: NavInputRow[]; errors: NavIssue[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const [header, ...body] = lines;
  if (header === undefined || header.trim() === '')
    return {
      rows: [],
      errors: [{ line: 1, code: 'empty_file', message: 'the file is empty; expected a header line' }],
    };
  const columns = header.split(',').map((c) => unquote(c).toLowerCase());
  const errors: NavIssue[] = [];
  for (const c of REQUIRED)
    if (!columns.includes(c))
      errors.push({ line: 1, code: 'missing_column', field: c, message: `missing column ${c}` });
  columns.forEach((c, i) => {
    if (!(NAV_COLUMNS as readonly string[]).includes(c))
      errors.push({
        line: 1,
        code: 'unknown_column',
        field: c,
        message: `unknown column "${c}"; the columns are ${NAV_COLUMNS.join(', ')}`,
      });
    else if (columns.indexOf(c) !== i)
      errors.push({ line: 1, code: 'duplicate_column', field: c, message: `column ${c} appears twice` });
  });
  if (body.length > MAX_NAV_ROWS)
    errors.push({
      line: 1,
      code: 'too_many_rows',
      message: `more than ${MAX_NAV_ROWS} rows; split the file`,
    });
  if (errors.length > 0) return { rows: [], errors };
  const at = (name: string) => columns.indexOf(name);
  const rows: NavInputRow[] = [];
  body.forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') return;
    const fields = text.split(',').map(unquote);
    if (fields.length !== columns.length) {
      errors.push({
        line,
        code: 'wrong_field_count',
        message: `${fields.length} fields; the header has ${columns.length}`,
      });
      return;
    }
    const get = (name: string) => (at(name) < 0 ? '' : (fields[at(name)] ?? ''));
    const optional = (name: string) => (get(name) === '' ? null : get(name));
    rows.push({
      line,
      fundCode: get('fund_code'),
      date: get('date'),
      nav: get('nav'),
      accNav: get('acc_nav'),
      per10kIncome: optional('per_10k_income'),
      yield7d: optional('yield_7d'),
    });
  });
  return { rows, errors };
}
