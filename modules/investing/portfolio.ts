import type { CurrencyCode, Money } from '@onefin/kernel';
import type { Product, ProductKind, RiskLevel } from '@onefin/products';
import type { Context } from './context.ts';
import { marketValue } from './money-rules.ts';
import { investingDb } from './schema.ts';

/** One holding as "my assets" shows it. */
export interface Holding {
  productId: string;
  productCode: string;
  nameZh: string;
  nameEn: string;
  kind: ProductKind;
  category: string;
  riskLevel: RiskLevel;
  /** Hundredths of a share (wealth: fen of principal). */
  shares: bigint;
  /** Reserved by pending redemptions. */
  frozen: bigint;
  /** The latest NAV and its date (funds); wealth products are valued at principal. */
  nav: string | null;
  navDate: string | null;
  marketValue: Money;
  cost: Money;
  unrealisedGain: Money;
  realisedGain: Money;
  /** Money-market funds: income reinvested so far. */
  income: Money;
  /** Wealth products: the next maturity among its lots. */
  maturityDate: string | null;
}

/** The customer's holdings with shares left, valued at each fund's latest NAV. */
export async function holdingsOf(d: Context, customerId: string): Promise<Holding[]> {
  const rows = await investingDb(d.db)
    .selectFrom('investing_positions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('shares', '>', 0n)
    .orderBy('product_id')
    .execute();
  const maturities = await investingDb(d.db)
    .selectFrom('investing_lots')
    .select(['product_id'])
    .select((eb) => eb.fn.min('maturity_date').as('next'))
    .where('customer_id', '=', customerId)
    .where('remaining', '>', 0n)
    .where('maturity_date', 'is not', null)
    .groupBy('product_id')
    .execute();
  const nextMaturity = new Map(maturities.map((m) => [m.product_id, m.next as string | null]));
  const holdings: Holding[] = [];
  for (const r of rows) {
    const product: Product | undefined = await d.products.getProduct(r.product_id);
    if (!product) continue;
    const currency = r.currency as CurrencyCode;
    const nav = product.kind === 'fund' ? (product.latestNav?.nav ?? null) : null;
    const value = nav ? marketValue(r.shares, nav, currency) : { amount: r.cost, currency };
    holdings.push({
      productId: product.id,
      productCode: product.code,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      kind: product.kind,
      category: product.category,
      riskLevel: product.riskLevel,
      shares: r.shares,
      frozen: r.frozen,
      nav,
      navDate: product.kind === 'fund' ? (product.latestNav?.date ?? null) : null,
      marketValue: value,
      cost: { amount: r.cost, currency },
      unrealisedGain: { amount: value.amount - r.cost, currency },
      realisedGain: { amount: r.realised_gain, currency },
      income: { amount: r.income, currency },
      maturityDate: nextMaturity.get(r.product_id) ?? null,
    });
  }
  return holdings;
}

export interface AssetSummary {
  currency: CurrencyCode;
  /** Cash, holdings and money on its way into products (pending purchases). */
  total: Money;
  cash: Money;
  /** Reserved by pending purchases: still the customer's until confirmed or released. */
  inTransit: Money;
  byKind: { kind: ProductKind; value: Money }[];
  byRisk: { riskLevel: RiskLevel; value: Money }[];
  holdings: Holding[];
}

/** "My assets": total across cash and every kind of holding, with its allocation. */
export async function assetsOf(
  d: Context,
  customerId: string,
  currency: CurrencyCode,
): Promise<AssetSummary> {
  const holdings = (await holdingsOf(d, customerId)).filter((h) => h.marketValue.currency === currency);
  const account = await d.ledger.openCustomerCashAccount(customerId, currency);
  const cash = account.available.amount;
  const inTransit = account.pending.amount;
  const byKind = new Map<ProductKind, bigint>();
  const byRisk = new Map<RiskLevel, bigint>();
  for (const h of holdings) {
    byKind.set(h.kind, (byKind.get(h.kind) ?? 0n) + h.marketValue.amount);
    byRisk.set(h.riskLevel, (byRisk.get(h.riskLevel) ?? 0n) + h.marketValue.amount);
  }
  const invested = holdings.reduce((s, h) => s + h.marketValue.amount, 0n);
  const m = (amount: bigint): Money => ({ amount, currency });
  return {
    currency,
    total: m(cash + inTransit + invested),
    cash: m(cash),
    inTransit: m(inTransit),
    byKind: [...byKind].map(([kind, v]) => ({ kind, value: m(v) })),
    byRisk: [...byRisk]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([riskLevel, v]) => ({ riskLevel, value: m(v) })),
    holdings,
  };
}

/** One lot of a holding: a deposit, a purchase, or a money-market fund's reinvested income. */
export interface HoldingLot {
  id: string;
  orderId: string | null;
  acquiredOn: string;
  shares: bigint;
  remaining: bigint;
  cost: bigint;
  remainingCost: bigint;
  maturityDate: string | null;
  renew: boolean;
}

export async function lotsOf(d: Context, customerId: string, productId: string): Promise<HoldingLot[]> {
  const rows = await investingDb(d.db)
    .selectFrom('investing_lots')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('product_id', '=', productId)
    .where('remaining', '>', 0n)
    .orderBy('acquired_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    acquiredOn: r.acquired_on,
    shares: r.shares,
    remaining: r.remaining,
    cost: r.cost,
    remainingCost: r.remaining_cost,
    maturityDate: r.maturity_date,
    renew: r.renew,
  }));
}
