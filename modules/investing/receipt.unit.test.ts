import { describe, expect, it } from 'vitest';
import type { Order, OrderId } from './model.ts';
import { receiptDigest, renderReceipt } from './receipt.ts';

const order: Order = {
  id: 'ord_01' as OrderId,
  customerId: 'cus_1',
  productId: 'prd_1',
  productCode: 'F110011',
  productNameZh: '易方达<script>alert(1)</script>',
  productNameEn: 'E Fund "Blue Chip"',
  productKind: 'fund',
  type: 'subscribe',
  status: 'confirmed',
  channel: 'phone',
  staffId: 'stf_1',
  currency: 'CNY',
  amount: { amount: 1_000_000n, currency: 'CNY' },
  shares: 798_073n,
  tradeDate: '2026-03-02',
  confirmDate: '2026-03-03',
  nav: '1.2345',
  fee: { amount: 14_778n, currency: 'CNY' },
  refund: { amount: 0n, currency: 'CNY' },
  proceeds: null,
  failureReason: null,
  coolingOffUntil: null,
  detail: {},
  createdAt: new Date('2026-03-02T02:00:00Z'),
  updatedAt: new Date('2026-03-03T01:00:00Z'),
  completedAt: new Date('2026-03-03T01:00:00Z'),
};
const history = [
  { status: 'submitted' as const, at: new Date('2026-03-02T02:00:00Z'), detail: null },
  { status: 'confirmed' as const, at: new Date('2026-03-03T01:00:00Z'), detail: null },
];

describe('the electronic confirmation', () => {
  it('shows the order’s facts in Shanghai time, in Chinese by default and in English', () => {
    const zh = renderReceipt(order, history, { lang: 'zh-CN', customerName: '张伟', staffName: '李经理' });
    for (const text of [
      '交易确认书',
      '基金申购',
      '10000.00 CNY',
      '147.78 CNY',
      '7980.73',
      '1.2345',
      '电话销售',
      '李经理',
      '2026-03-02 10:00:00',
    ])
      expect(zh).toContain(text);
    const en = renderReceipt(order, history, { lang: 'en', customerName: 'Zhang Wei' });
    expect(en).toContain('Fund subscription');
    expect(en).toContain('<html lang="en">');
  });

  it('escapes what it prints, so a product name cannot inject markup', () => {
    const html = renderReceipt(order, history, { lang: 'zh-CN', customerName: '<b>x</b>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(renderReceipt(order, history, { lang: 'en', customerName: 'x' })).toContain(
      'E Fund &quot;Blue Chip&quot;',
    );
  });

  it('carries a digest of the facts that changes with any of them', () => {
    const digest = receiptDigest(order, history);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptDigest({ ...order, fee: { amount: 14_779n, currency: 'CNY' } }, history)).not.toBe(digest);
    expect(receiptDigest(order, history.slice(0, 1))).not.toBe(digest);
    expect(renderReceipt(order, history, { lang: 'en', customerName: 'x' })).toContain(digest);
  });
});
