import { describe, expect, it } from 'vitest';
import type { NavPoint } from './model.ts';
import { checkNavRows, type FundRef, type NavCheckContext } from './nav-checks.ts';
import { parseNavCsv } from './nav-csv.ts';
import { CN_EXCHANGE_CALENDAR } from './trading-calendar.ts';

const EQUITY: FundRef = { productId: 'prd_eq', fundCode: '110011', fundType: 'equity' };
const MMF: FundRef = { productId: 'prd_mm', fundCode: '000198', fundType: 'money_market' };

function context(stored: Record<string, NavPoint[]> = {}): NavCheckContext {
  return {
    funds: new Map([EQUITY, MMF].map((f) => [f.fundCode, f])),
    stored: new Map(Object.entries(stored)),
    calendar: CN_EXCHANGE_CALENDAR,
    today: '2024-12-31',
  };
}
const check = (csv: string, stored: Record<string, NavPoint[]> = {}) => {
  const parsed = parseNavCsv(csv);
  return { parsed, ...checkNavRows(parsed.rows, context(stored)) };
};
const codes = (issues: { line: number; code: string }[]) => issues.map((i) => `${i.line}:${i.code}`);

describe('reading the NAV file', () => {
  it('takes columns in any order, an Excel BOM, quotes, CRLF and a trailing newline', () => {
    const { rows, errors } = parseNavCsv(
      '\uFEFFdate,"fund_code",acc_nav,nav\r\n2024-03-01,"110011",3.1,2.5\r\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        fundCode: '110011',
        date: '2024-03-01',
        nav: '2.5',
        accNav: '3.1',
        per10kIncome: null,
        yield7d: null,
      },
    ]);
  });

  it('reports missing, unknown and repeated columns on line 1 and reads no rows', () => {
    const { rows, errors } = parseNavCsv('fund_code,day,nav,nav\n110011,2024-03-01,1,1\n');
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.code}:${e.field}`)).toEqual([
      'missing_column:date',
      'missing_column:acc_nav',
      'unknown_column:day',
      'duplicate_column:nav',
    ]);
  });

  it('reports a line with the wrong number of fields and an empty file', () => {
    expect(codes(parseNavCsv('fund_code,date,nav,acc_nav\n110011,2024-03-01,1\n').errors)).toEqual([
      '2:wrong_field_count',
    ]);
    expect(codes(parseNavCsv('').errors)).toEqual(['1:empty_file']);
  });
});

describe('checking each NAV', () => {
  it('accepts good rows of an equity and a money-market fund', () => {
    const r = check(
      'fund_code,date,nav,acc_nav,per_10k_income,yield_7d\n110011,2024-03-01,2.5,3.1,,\n000198,2024-03-01,1.0000,1.0000,0.6512,0.02345\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.toWrite).toEqual([
      {
        productId: 'prd_eq',
        line: 2,
        date: '2024-03-01',
        nav: '2.5000',
        accNav: '3.1000',
        per10kIncome: null,
        yield7d: null,
      },
      {
        productId: 'prd_mm',
        line: 3,
        date: '2024-03-01',
        nav: '1.0000',
        accNav: '1.0000',
        per10kIncome: '0.6512',
        yield7d: '0.023450',
      },
    ]);
  });

  it('says what is wrong on each line: numbers, signs, decimals, dates, funds', () => {
    const r = check(
      [
        'fund_code,date,nav,acc_nav',
        '110011,2024-03-01,-1.2,3.1', // 2 negative
        '110011,2024-03-04,abc,3.1', // 3 unparsable
        '110011,2024-03-05,1.23456,3.1', // 4 too many decimals
        '110011,2024-03-09,1.2,3.1', // 5 Saturday
        '110011,2024-10-01,1.2,3.1', // 6 National Day
        '110011,2024-02-30,1.2,3.1', // 7 not a date
        '999999,2024-03-06,1.2,3.1', // 8 unknown fund
        '110011,2025-01-02,1.2,3.1', // 9 after today
        '110011,2022-06-01,1.2,3.1', // 10 no calendar
        '110011,2024-03-06,0,3.1', // 11 zero
      ].join('\n'),
    );
    expect(codes(r.errors)).toEqual([
      '2:not_positive',
      '3:unparsable_number',
      '4:too_many_decimals',
      '5:not_trading_day',
      '6:not_trading_day',
      '7:invalid_date',
      '8:unknown_fund',
      '9:future_date',
      '10:outside_calendar',
      '11:not_positive',
    ]);
    expect(r.errors[3]?.message).toContain('Saturday');
    expect(r.errors[4]?.message).toContain('国庆节');
  });

  it('refuses a date twice in the file, pointing at the first', () => {
    const r = check('fund_code,date,nav,acc_nav\n110011,2024-03-01,1.2,3.1\n110011,2024-03-01,1.3,3.2\n');
    expect(codes(r.errors)).toEqual(['3:duplicate_in_file']);
    expect(r.errors[0]?.message).toContain('line 2');
  });

  it('skips a row identical to the stored one and refuses one that differs', () => {
    const stored = {
      prd_eq: [{ date: '2024-03-01', nav: '1.2000', accNav: '3.1000', per10kIncome: null, yield7d: null }],
    };
    const same = check('fund_code,date,nav,acc_nav\n110011,2024-03-01,1.2,3.10\n', stored);
    expect(same).toMatchObject({ errors: [], unchanged: 1, toWrite: [] });
    const changed = check('fund_code,date,nav,acc_nav\n110011,2024-03-01,1.25,3.1\n', stored);
    expect(codes(changed.errors)).toEqual(['2:duplicate_stored']);
  });

  it('needs per-10,000 income and 7-day yield (a fraction) for money-market funds only', () => {
    const r = check(
      'fund_code,date,nav,acc_nav,per_10k_income,yield_7d\n000198,2024-03-01,1,1,,\n000198,2024-03-04,1,1,0.6,2.345\n110011,2024-03-01,1,1,0.5,0.02\n',
    );
    expect(codes(r.errors)).toEqual([
      '2:money_market_fields_missing',
      '3:yield_out_of_range',
      '4:money_market_fields_unexpected',
    ]);
  });
});

describe('gaps and outliers are warnings', () => {
  const stored = {
    prd_eq: [{ date: '2024-03-01', nav: '1.0000', accNav: '1.0000', per10kIncome: null, yield7d: null }],
  };

  it('flags trading days missing before a new NAV, and nothing across a holiday', () => {
    const r = check('fund_code,date,nav,acc_nav\n110011,2024-03-06,1.01,1.01\n', stored);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(['2:gap']);
    expect(r.warnings[0]?.message).toContain('2024-03-04, 2024-03-05');
    const acrossHoliday = check(
      'fund_code,date,nav,acc_nav\n110011,2024-09-30,1,1\n110011,2024-10-08,1.01,1.01\n',
    );
    expect(acrossHoliday.warnings).toEqual([]);
  });

  it('flags a day-on-day move beyond the fund type threshold (equity 10%)', () => {
    const r = check(
      'fund_code,date,nav,acc_nav\n110011,2024-03-04,1.12,1.12\n110011,2024-03-05,1.13,1.13\n',
      stored,
    );
    expect(codes(r.warnings)).toEqual(['2:outlier']);
    expect(r.warnings[0]?.message).toContain('12%');
  });

  it("flags a money-market fund's 7-day yield jumping more than 0.5 points", () => {
    const r = check(
      'fund_code,date,nav,acc_nav,per_10k_income,yield_7d\n000198,2024-03-01,1,1,0.6,0.02\n000198,2024-03-04,1,1,0.6,0.031\n',
    );
    expect(codes(r.warnings)).toEqual(['3:outlier']);
  });
});
