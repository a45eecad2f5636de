import { createHash } from 'node:crypto';
import { formatMoney, type Money } from '@onefin/kernel';
import { cancellableUntil } from './cancellation.ts';
import type { Order, OrderEvent } from './model.ts';
import { formatShares } from './money-rules.ts';
import type { OrderType } from './schema.ts';

/**
 * The electronic confirmation of an order (交易确认书): a self-contained, printable HTML page in
 * Chinese or English with everything the order recorded and its status history, and a digest of
 * those facts, so a printed copy can be checked against the platform's record.
 */

export type ReceiptLanguage = 'zh-CN' | 'en';

const TYPE: Record<OrderType, [string, string]> = {
  subscribe: ['基金申购', 'Fund subscription'],
  redeem: ['基金赎回', 'Fund redemption'],
  convert_out: ['基金转换（转出）', 'Fund conversion (out)'],
  convert_in: ['基金转换（转入）', 'Fund conversion (in)'],
  wealth_buy: ['理财产品认购', 'Wealth product purchase'],
  wealth_maturity: ['理财产品到期兑付', 'Wealth product maturity'],
  deposit_open: ['定期存款开户', 'Time deposit'],
  deposit_withdraw: ['定期存款提前支取', 'Early withdrawal of a time deposit'],
  deposit_maturity: ['定期存款到期', 'Time deposit maturity'],
};
const STATUS: Record<string, [string, string]> = {
  submitted: ['已提交', 'Submitted'],
  awaiting_customer: ['待客户确认', 'Awaiting the customer'],
  pending: ['待确认', 'Pending confirmation'],
  confirmed: ['已确认', 'Confirmed'],
  failed: ['失败', 'Failed'],
  cancelled: ['已撤销', 'Cancelled'],
  refused: ['已拒绝', 'Refused'],
};
const CHANNEL: Record<string, [string, string]> = {
  web: ['网上银行', 'Web'],
  app: ['手机银行', 'App'],
  phone: ['电话销售', 'Phone'],
  agent: ['代理人', 'Agent'],
  corporate: ['对公销售', 'Corporate'],
  branch: ['网点柜台', 'Branch'],
  system: ['系统', 'System'],
};
const LABELS = {
  title: ['交易确认书', 'Transaction confirmation'],
  order: ['订单号', 'Order number'],
  customer: ['客户', 'Customer'],
  type: ['交易类型', 'Type'],
  product: ['产品', 'Product'],
  status: ['状态', 'Status'],
  channel: ['渠道', 'Channel'],
  staff: ['服务人员', 'Staff member'],
  amount: ['金额', 'Amount'],
  shares: ['份额', 'Shares'],
  nav: ['确认净值', 'NAV'],
  fee: ['手续费', 'Fee'],
  refund: ['退款', 'Refund'],
  proceeds: ['到账金额', 'Paid out'],
  tradeDate: ['交易日', 'Trade date'],
  confirmDate: ['确认日', 'Confirmation date'],
  placedAt: ['下单时间', 'Placed at'],
  coolingOff: ['冷静期至', 'Cooling-off until'],
  cancellable: ['可撤单至', 'Cancellable until'],
  reason: ['原因', 'Reason'],
  history: ['状态记录', 'Status history'],
  digest: ['校验码', 'Verification digest'],
  note: [
    '本确认书由 OneFin 电子生成，与纸质确认书具有同等效力。校验码可在平台核验。',
    'Issued electronically by OneFin; it has the force of a paper confirmation. The digest can be verified on the platform.',
  ],
} as const;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Shanghai wall-clock time of an instant, "2026-03-02 10:00:00". */
const shanghai = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

const shown = (m: Money | null) => (m ? `${formatMoney(m)} ${m.currency}` : null);

/** The facts the digest covers, in a fixed order. */
export function receiptDigest(o: Order, history: readonly OrderEvent[]): string {
  const facts = [
    o.id,
    o.customerId,
    o.type,
    o.productCode,
    o.status,
    o.channel,
    o.staffId ?? '',
    o.amount ? formatMoney(o.amount) : '',
    o.shares === null ? '' : formatShares(o.shares),
    o.nav ?? '',
    o.fee ? formatMoney(o.fee) : '',
    o.refund ? formatMoney(o.refund) : '',
    o.proceeds ? formatMoney(o.proceeds) : '',
    o.tradeDate ?? '',
    o.confirmDate ?? '',
    o.createdAt.toISOString(),
    ...history.map((h) => `${h.status}@${h.at.toISOString()}`),
  ];
  return createHash('sha256').update(facts.join('|')).digest('hex');
}

export function renderReceipt(
  o: Order,
  history: readonly OrderEvent[],
  opts: { lang: ReceiptLanguage; customerName: string; staffName?: string | null },
): string {
  const i = opts.lang === 'en' ? 1 : 0;
  const label = (k: keyof typeof LABELS) => LABELS[k][i];
  const until = cancellableUntil(o);
  const rows: [string, string | null][] = [
    [label('order'), o.id],
    [label('customer'), opts.customerName],
    [label('type'), TYPE[o.type][i]],
    [label('product'), `${o.productCode} ${i === 0 ? o.productNameZh : o.productNameEn}`],
    [label('status'), STATUS[o.status]?.[i] ?? o.status],
    [label('channel'), CHANNEL[o.channel]?.[i] ?? o.channel],
    [label('staff'), o.staffId ? (opts.staffName ?? o.staffId) : null],
    [label('amount'), shown(o.amount)],
    [label('shares'), o.shares === null ? null : formatShares(o.shares)],
    [label('nav'), o.nav],
    [label('fee'), shown(o.fee)],
    [label('refund'), shown(o.refund)],
    [label('proceeds'), shown(o.proceeds)],
    [label('tradeDate'), o.tradeDate],
    [label('confirmDate'), o.confirmDate],
    [label('placedAt'), `${shanghai(o.createdAt)} (UTC+8)`],
    [label('coolingOff'), o.coolingOffUntil ? shanghai(o.coolingOffUntil) : null],
    [label('cancellable'), until ? shanghai(until) : null],
    [label('reason'), o.failureReason],
  ];
  const table = rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const events = history
    .map(
      (h) =>
        `<li><span>${escapeHtml(shanghai(h.at))}</span> ${escapeHtml(STATUS[h.status]?.[i] ?? h.status)}${h.detail ? ` — ${escapeHtml(h.detail)}` : ''}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${opts.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(label('title'))} ${escapeHtml(o.id)}</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;padding:24px;color:#1f1f1f;background:#f5f5f5}
main{max-width:640px;margin:0 auto;background:#fff;padding:24px;border-radius:8px}
h1{font-size:20px;margin:0 0 16px;border-bottom:2px solid #c8102e;padding-bottom:8px}
table{width:100%;border-collapse:collapse;font-size:14px}th,td{padding:6px 4px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{width:36%;color:#595959;font-weight:normal}h2{font-size:15px;margin:20px 0 8px}ul{padding-left:18px;font-size:13px}
.digest{font-family:monospace;font-size:11px;word-break:break-all;color:#595959}.note{font-size:12px;color:#8c8c8c}
@media print{body{background:#fff;padding:0}main{padding:0}}
</style></head>
<body><main>
<h1>OneFin · ${escapeHtml(label('title'))}</h1>
<table>${table}</table>
<h2>${escapeHtml(label('history'))}</h2><ul>${events}</ul>
<p>${escapeHtml(label('digest'))}: <span class="digest" data-testid="receipt-digest">${receiptDigest(o, history)}</span></p>
<p class="note">${escapeHtml(label('note'))}</p>
</main></body></html>`;
}
