import { describe, expect, it } from 'vitest';
import { type Channel, RISK_LEVELS, type SuitabilityProfile } from './model.ts';
import {
  checkSuitability,
  SUITABILITY_REFUSALS,
  type SuitabilityProduct,
  type SuitabilityRefusal,
} from './suitability.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;

const customer = (over: Partial<SuitabilityProfile> = {}): SuitabilityProfile => ({
  customerId: 'cus_1',
  customerType: 'individual',
  status: 'active',
  kycStatus: 'verified',
  riskLevel: 'C3',
  assessedAt: new Date(NOW.getTime() - 30 * DAY),
  expiresAt: new Date(NOW.getTime() + 300 * DAY),
  ...over,
});

const product = (over: Partial<SuitabilityProduct> = {}): SuitabilityProduct => ({
  kind: 'fund',
  riskLevel: 'R3',
  status: 'on_sale',
  channels: ['web', 'app'],
  customerTypes: ['individual'],
  salesStart: null,
  salesEnd: null,
  ...over,
});

describe('the risk match: R_n is allowed to C_m iff n ≤ m', () => {
  const matrix = (['fund', 'wealth'] as const).flatMap((kind) =>
    LEVELS.flatMap((c, ci) => RISK_LEVELS.map((r, ri) => ({ kind, c, r, allowed: ri <= ci }))),
  );
  it.each(matrix)('$kind $r to a $c investor: allowed=$allowed', ({ kind, c, r, allowed }) => {
    const d = checkSuitability(customer({ riskLevel: c }), product({ kind, riskLevel: r }), 'web', NOW);
    expect(d.allowed).toBe(allowed);
    if (!d.allowed) {
      expect(d.reason).toBe('risk_too_high');
      expect(d.messageEn).toContain(`rated ${r}, above your risk tolerance ${c}`);
      expect(d.messageZh).toContain(r);
    }
  });

  it('refuses an R4 product to a C2 investor, saying why in both languages', () => {
    const d = checkSuitability(customer({ riskLevel: 'C2' }), product({ riskLevel: 'R4' }), 'app', NOW);
    expect(d).toMatchObject({
      allowed: false,
      reason: 'risk_too_high',
      productRisk: 'R4',
      customerRisk: 'C2',
    });
    if (!d.allowed) expect(d.messageZh).toBe('该产品风险等级为R4，高于您的风险承受能力C2，不能购买。');
  });

  it('does not match deposits, loans or protection insurance against risk tolerance, nor need an assessment', () => {
    for (const kind of [
      'deposit',
      'loan',
      'insurance',
      'group_insurance',
      'enterprise_annuity',
      'corporate_loan',
    ] as const) {
      const types =
        kind === 'deposit' || kind === 'loan' || kind === 'insurance'
          ? ['individual' as const]
          : ['corporate' as const];
      const who = customer({ riskLevel: null, assessedAt: null, expiresAt: null, customerType: types[0] });
      const d = checkSuitability(who, product({ kind, riskLevel: 'R3', customerTypes: types }), 'web', NOW);
      expect(d.allowed, kind).toBe(true);
    }
  });
});

type Case = {
  customer: SuitabilityProfile | undefined;
  product: SuitabilityProduct;
  channel: Channel;
  now: Date;
};
const edit = (c: Case, f: (p: SuitabilityProfile) => Partial<SuitabilityProfile>): Case =>
  c.customer ? { ...c, customer: { ...c.customer, ...f(c.customer) } } : c;

/** A change to an allowed case that makes exactly one reason apply. */
const BREAK: Record<SuitabilityRefusal, (c: Case) => Case> = {
  customer_unknown: (c) => ({ ...c, customer: undefined }),
  customer_closed: (c) => edit(c, () => ({ status: 'closed' })),
  not_on_sale: (c) => ({ ...c, product: { ...c.product, status: 'suspended' } }),
  sales_window_closed: (c) => ({ ...c, product: { ...c.product, salesEnd: new Date(NOW.getTime() - DAY) } }),
  channel_not_allowed: (c) => ({ ...c, channel: 'phone' }),
  customer_type_not_allowed: (c) => edit(c, () => ({ customerType: 'corporate' })),
  kyc_incomplete: (c) => edit(c, () => ({ kycStatus: 'pending' })),
  assessment_missing: (c) => edit(c, () => ({ riskLevel: null, assessedAt: null, expiresAt: null })),
  assessment_expired: (c) => edit(c, () => ({ expiresAt: new Date(NOW.getTime() - 1) })),
  risk_too_high: (c) => ({ ...c, product: { ...c.product, riskLevel: 'R5' } }),
};

const allowedCase = (): Case => ({ customer: customer(), product: product(), channel: 'web', now: NOW });
const run = (c: Case) => checkSuitability(c.customer, c.product, c.channel, c.now);

describe('each refusal reason', () => {
  it('the allowed case is allowed', () => {
    expect(run(allowedCase()).allowed).toBe(true);
  });

  it.each([...SUITABILITY_REFUSALS])('%s on its own', (reason) => {
    const d = run(BREAK[reason](allowedCase()));
    expect(d).toMatchObject({ allowed: false, reason });
    if (!d.allowed) {
      expect(d.messageZh.length).toBeGreaterThan(4);
      expect(d.messageEn.length).toBeGreaterThan(10);
    }
  });

  it('a sales window not yet open is closed too, and one that is open is fine', () => {
    const later = {
      ...product(),
      salesStart: new Date(NOW.getTime() + DAY),
      salesEnd: new Date(NOW.getTime() + 9 * DAY),
    };
    expect(run({ ...allowedCase(), product: later })).toMatchObject({ reason: 'sales_window_closed' });
    const open = {
      ...product(),
      salesStart: new Date(NOW.getTime() - DAY),
      salesEnd: new Date(NOW.getTime() + DAY),
    };
    expect(run({ ...allowedCase(), product: open }).allowed).toBe(true);
    // the end is exclusive: at salesEnd the window has closed
    expect(run({ ...allowedCase(), product: { ...open, salesEnd: NOW } })).toMatchObject({
      reason: 'sales_window_closed',
    });
  });

  it('an assessment expiring exactly now has expired; a dormant or prospect customer is not refused here', () => {
    expect(run(edit(allowedCase(), () => ({ expiresAt: NOW })))).toMatchObject({
      reason: 'assessment_expired',
    });
    expect(run(edit(allowedCase(), () => ({ status: 'dormant' }))).allowed).toBe(true);
    expect(run(edit(allowedCase(), () => ({ status: 'prospect' }))).allowed).toBe(true);
  });
});

describe('precedence: when several reasons apply, the earliest in SUITABILITY_REFUSALS answers', () => {
  const pairs = SUITABILITY_REFUSALS.flatMap((first, i) =>
    SUITABILITY_REFUSALS.slice(i + 1).map((second) => [first, second] as const),
  );
  it.each(pairs)('%s before %s', (first, second) => {
    expect(run(BREAK[second](BREAK[first](allowedCase())))).toMatchObject({ allowed: false, reason: first });
    expect(run(BREAK[first](BREAK[second](allowedCase())))).toMatchObject({ allowed: false, reason: first });
  });
});
