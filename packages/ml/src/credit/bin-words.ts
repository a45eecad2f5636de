import type { WoeBin } from '../woe.ts';
import type { Words } from './variables.ts';

/**
 * A scorecard bin in words a risk officer reads: codes spelled out ("2 months late", "paid in full")
 * and ranges with rounded bounds, in both languages. The printed scorecard and the reason codes use
 * these; `binLabel` stays the exact, machine-readable form.
 */

const both = (en: string, zh: string): Words => ({ en, zh });

/** The data set's repayment status codes (data/credit/README.md). */
function payStatus(code: number): Words {
  if (code <= -2) return both('no balance to pay', '无消费');
  if (code === -1) return both('paid in full', '按时全额还款');
  if (code === 0) return both('revolving, minimum paid', '循环信用（已还最低额）');
  return both(`${code} month${code === 1 ? '' : 's'} late`, `逾期 ${code} 个月`);
}

const EDUCATION: Record<number, Words> = {
  1: both('graduate school', '研究生'),
  2: both('university', '大学'),
  3: both('high school', '高中'),
  4: both('other', '其他'),
};
const MARRIAGE: Record<number, Words> = {
  1: both('married', '已婚'),
  2: both('single', '未婚'),
  3: both('other', '其他'),
};
const SEX: Record<number, Words> = { 1: both('male', '男'), 2: both('female', '女') };

/** The September status groups the crossed variables use (`crossed` in variables.ts). */
const STATUS_GROUPS: Words[] = [
  both('no balance', '无消费'),
  both('paid in full', '全额还款'),
  both('revolving', '循环信用'),
  both('1 month late', '逾期 1 个月'),
  both('2+ months late', '逾期 2 个月以上'),
];
const UTILISATION_BANDS: Words[] = [
  both('≤ 10% of the limit used', '额度使用 ≤ 10%'),
  both('10–50% used', '额度使用 10–50%'),
  both('50–90% used', '额度使用 50–90%'),
  both('> 90% used', '额度使用 > 90%'),
];
const PAYMENT_BANDS: Words[] = [
  both('nothing repaid', '未还款'),
  both('< 10% of the bill repaid', '还款 < 账单 10%'),
  both('10–100% repaid', '还款为账单 10–100%'),
  both('all repaid (or no bill)', '全额还款（或无账单）'),
];

function crossedWords(bands: readonly Words[]) {
  return (code: number): Words => {
    const status = STATUS_GROUPS[Math.floor(code / 10)];
    const band = bands[code % 10];
    if (!status || !band) return both(String(code), String(code));
    return both(`${status.en}, ${band.en}`, `${status.zh}，${band.zh}`);
  };
}

const fromTable = (table: Record<number, Words>) => (code: number) => table[code] ?? both('unknown', '未知');

const CODE_WORDS: Record<string, (code: number) => Words> = {
  EDUCATION: fromTable(EDUCATION),
  MARRIAGE: fromTable(MARRIAGE),
  SEX: fromTable(SEX),
  SEP_STATUS_BY_UTILISATION: crossedWords(UTILISATION_BANDS),
  SEP_STATUS_BY_PAYMENT: crossedWords(PAYMENT_BANDS),
  MAX_DELAY: payStatus,
};
for (const name of ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6']) CODE_WORDS[name] = payStatus;

/** A bound as people write it: 4 significant figures, thousands separated. */
// Built once: `toLocaleString` builds a formatter per call, which was most of a single score's time.
const wholeNumber = new Intl.NumberFormat('en-US');
const fourDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

export function readableNumber(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 1000) return wholeNumber.format(Math.round(v));
  return fourDigits.format(v);
}

/** Late codes in runs read as spans: 1, 3, 4, 5 → "1 month late or 3–5 months late". */
function payStatusWords(values: readonly number[]): Words[] {
  const sorted = [...values].sort((x, y) => x - y);
  const out: Words[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[i] as number) >= 1 && sorted[j + 1] === (sorted[j] as number) + 1)
      j++;
    const first = sorted[i] as number;
    const last = sorted[j] as number;
    out.push(j > i ? both(`${first}–${last} months late`, `逾期 ${first}–${last} 个月`) : payStatus(first));
    i = j + 1;
  }
  return out;
}

export function binWords(variable: string, bin: WoeBin): Words {
  if (bin.kind === 'values') {
    const words =
      CODE_WORDS[variable] === payStatus
        ? payStatusWords(bin.values)
        : bin.values.map((code) => CODE_WORDS[variable]?.(code) ?? both(String(code), String(code)));
    return both(words.map((w) => w.en).join(' or '), words.map((w) => w.zh).join('或'));
  }
  const lower = Number.isFinite(bin.lower) ? readableNumber(bin.lower) : undefined;
  const upper = Number.isFinite(bin.upper) ? readableNumber(bin.upper) : undefined;
  if (lower === undefined && upper === undefined) return both('any', '任意');
  if (lower === undefined) return both(`≤ ${upper}`, `≤ ${upper}`);
  if (upper === undefined) return both(`> ${lower}`, `> ${lower}`);
  return both(`${lower} – ${upper}`, `${lower} – ${upper}`);
}
