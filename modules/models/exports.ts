import { binWords, CREDIT_VARIABLES } from '@onefin/ml';
import ExcelJS from 'exceljs';
import type { CampaignTarget } from './campaign.ts';
import type { ModelVersion } from './model.ts';

export type Lang = 'zh-CN' | 'en';

type Column<T> = { zh: string; en: string; width: number; value: (row: T) => string | number };

async function workbook<T>(
  sheet: { zh: string; en: string },
  columns: readonly Column<T>[],
  rows: readonly T[],
  lang: Lang,
  notes: readonly string[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'OneFin';
  const ws = book.addWorksheet(lang === 'en' ? sheet.en : sheet.zh, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c, i) => ({ header: lang === 'en' ? c.en : c.zh, key: `c${i}`, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  // Where the list came from, under the table: which version ranked it and with which filters.
  ws.addRow([]);
  for (const note of notes) ws.addRow([note]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const CAMPAIGN_COLUMNS: readonly Column<CampaignTarget>[] = [
  { zh: '排名', en: 'Rank', width: 8, value: (r) => r.rank },
  { zh: '客户号', en: 'Customer no.', width: 16, value: (r) => r.customerNo },
  { zh: '姓名', en: 'Name', width: 12, value: (r) => r.name },
  { zh: '手机', en: 'Mobile', width: 14, value: (r) => r.mobileMasked ?? '' },
  { zh: '年龄', en: 'Age', width: 8, value: (r) => r.age },
  { zh: '职业', en: 'Job', width: 14, value: (r) => r.job },
  { zh: '本次已联系次数', en: 'Contacts so far', width: 14, value: (r) => r.contacts },
  { zh: '上次活动结果', en: 'Previous outcome', width: 14, value: (r) => r.previousOutcome },
  { zh: '倾向分', en: 'Propensity score', width: 12, value: (r) => r.score },
  { zh: '认购概率', en: 'Probability', width: 12, value: (r) => Math.round(r.probability * 10_000) / 10_000 },
];

export function campaignWorkbook(
  rows: readonly CampaignTarget[],
  about: { version: number; filters: string },
  lang: Lang,
): Promise<Buffer> {
  const notes =
    lang === 'en'
      ? [
          `Ranked by marketing propensity model version ${about.version}`,
          `Filters: ${about.filters || 'none'}`,
        ]
      : [`按营销倾向模型第 ${about.version} 版排序`, `筛选条件：${about.filters || '无'}`];
  return workbook({ zh: '定期存款营销名单', en: 'Deposit campaign' }, CAMPAIGN_COLUMNS, rows, lang, notes);
}

const wordsOf = new Map(CREDIT_VARIABLES.map((v) => [v.name, v.words]));

type CardRow = {
  variable: string;
  zh: string;
  en: string;
  bin: string;
  binZh: string;
  binEn: string;
  woe: number;
  points: number;
};

/** The scorecard table: every variable's bins with their WoE and points. */
export function scorecardRows(version: ModelVersion): CardRow[] {
  if (version.artifact.set !== 'credit') return [];
  return version.artifact.model.card.features.flatMap((f) => {
    const words = wordsOf.get(f.column) ?? { zh: f.column, en: f.column };
    return f.bins.map((b, i) => {
      const counts = f.woe.bins[i];
      const readable = counts ? binWords(f.column, counts) : { zh: b.label, en: b.label };
      return {
        variable: f.column,
        ...words,
        bin: b.label,
        binZh: readable.zh,
        binEn: readable.en,
        woe: b.woe,
        points: b.points,
      };
    });
  });
}

export function scorecardWorkbook(
  version: ModelVersion,
  rows: readonly CardRow[],
  lang: Lang,
): Promise<Buffer> {
  const columns: Column<CardRow>[] = [
    { zh: '变量', en: 'Variable', width: 22, value: (r) => r.variable },
    { zh: '说明', en: 'Meaning', width: 40, value: (r) => (lang === 'en' ? r.en : r.zh) },
    { zh: '分箱', en: 'Bin', width: 34, value: (r) => (lang === 'en' ? r.binEn : r.binZh) },
    { zh: '分箱（精确）', en: 'Bin (exact)', width: 22, value: (r) => r.bin },
    { zh: 'WoE', en: 'WoE', width: 10, value: (r) => Math.round(r.woe * 10_000) / 10_000 },
    { zh: '分值', en: 'Points', width: 10, value: (r) => r.points },
  ];
  const scaling =
    version.artifact.set === 'credit'
      ? version.artifact.model.card.scaling
      : { baseScore: 0, baseOdds: 0, pdo: 0 };
  const notes =
    lang === 'en'
      ? [
          `Credit scorecard version ${version.version}, trained on ${version.trainingRows} rows (sha256 ${version.trainingSha256})`,
          `Scaling: ${scaling.baseScore} points at odds ${scaling.baseOdds}:1, ${scaling.pdo} points to double the odds`,
        ]
      : [
          `信用评分卡第 ${version.version} 版，训练样本 ${version.trainingRows} 行（sha256 ${version.trainingSha256}）`,
          `刻度：好坏比 ${scaling.baseOdds}:1 时 ${scaling.baseScore} 分，每 ${scaling.pdo} 分好坏比翻倍`,
        ];
  return workbook({ zh: '评分卡', en: 'Scorecard' }, columns, rows, lang, notes);
}
