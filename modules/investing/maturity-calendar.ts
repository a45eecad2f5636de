import type { CurrencyCode, Money } from '@onefin/kernel';
import type { Context } from './context.ts';
import { depositInterest } from './deposits.ts';
import { daysBetween, simpleInterest } from './money-rules.ts';
import { investingDb } from './schema.ts';

/** One lot coming to maturity: what is paid back and when. */
export interface Maturity {
  date: string;
  lotId: string;
  productId: string;
  productCode: string;
  nameZh: string;
  nameEn: string;
  kind: 'wealth' | 'deposit';
  principal: Money;
  /** Deposits: the interest at the contract rate; wealth: the yield at the benchmark's low and high ends. */
  earnings: { min: Money; max: Money };
  /** Deposits rolled over at maturity. */
  renew: boolean;
}

/** The customer's wealth products and deposits still to mature, soonest first. */
export async function maturityCalendar(d: Context, customerId: string): Promise<Maturity[]> {
  const lots = await investingDb(d.db)
    .selectFrom('investing_lots')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('remaining', '>', 0n)
    .where('maturity_date', 'is not', null)
    .orderBy('maturity_date')
    .orderBy('id')
    .execute();
  const out: Maturity[] = [];
  // Several lots of one product (each deposit is one) read the product once.
  const products = new Map<string, ReturnType<typeof d.products.getProduct>>();
  for (const lot of lots) {
    if (!products.has(lot.product_id)) products.set(lot.product_id, d.products.getProduct(lot.product_id));
    const product = await products.get(lot.product_id);
    const a = product?.attributes;
    if (!product || !a || !lot.maturity_date || (a.kind !== 'wealth' && a.kind !== 'deposit')) continue;
    const principal = { amount: lot.remaining_cost, currency: product.currency as CurrencyCode };
    const days = daysBetween(lot.acquired_on, lot.maturity_date);
    const interest =
      a.kind === 'deposit'
        ? depositInterest(a, principal, lot.acquired_on, lot.maturity_date, a.annualRate)
        : undefined;
    const earnings =
      a.kind === 'wealth'
        ? {
            min: simpleInterest(principal, a.expectedYieldMin, days, 365),
            max: simpleInterest(principal, a.expectedYieldMax, days, 365),
          }
        : { min: interest as Money, max: interest as Money };
    out.push({
      date: lot.maturity_date,
      lotId: lot.id,
      productId: product.id,
      productCode: product.code,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      kind: a.kind,
      principal,
      earnings,
      renew: lot.renew,
    });
  }
  return out;
}
