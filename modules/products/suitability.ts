import type { Channel, Product, ProductKind, RiskLevel, SuitabilityProfile } from './model.ts';
import { riskNumber } from './product-input.ts';

/**
 * Why an order is refused, in order of precedence: the first that applies is the answer.
 *
 * 1–2. Who: an unknown or closed customer can buy nothing, whatever the product.
 * 3–4. The product: not on sale or outside its sales window, for anyone.
 * 5–6. Where and to whom it is sold: the channel, the customer type.
 * 7–9. What the customer must do first, in the order they would do it: complete KYC, take the risk
 *      questionnaire, renew an expired assessment.
 * 10.  The match itself: R_n is allowed to C_m iff n ≤ m.
 */
export const SUITABILITY_REFUSALS = [
  'customer_unknown',
  'customer_closed',
  'not_on_sale',
  'sales_window_closed',
  'channel_not_allowed',
  'customer_type_not_allowed',
  'kyc_incomplete',
  'assessment_missing',
  'assessment_expired',
  'risk_too_high',
] as const;
export type SuitabilityRefusal = (typeof SUITABILITY_REFUSALS)[number];

export type SuitabilityDecision =
  | { allowed: true; productRisk: RiskLevel; customerRisk: SuitabilityProfile['riskLevel'] }
  | {
      allowed: false;
      reason: SuitabilityRefusal;
      messageZh: string;
      messageEn: string;
      productRisk: RiskLevel;
      customerRisk: SuitabilityProfile['riskLevel'];
    };

/** What of a product the check reads. */
export type SuitabilityProduct = Pick<
  Product,
  'kind' | 'riskLevel' | 'status' | 'channels' | 'customerTypes' | 'salesStart' | 'salesEnd'
>;

/**
 * Investment products are matched against the customer's assessed risk tolerance (the suitability
 * rules for funds and wealth products); deposits, loans and protection insurance are not.
 */
export function needsRiskAssessment(kind: ProductKind): boolean {
  return kind === 'fund' || kind === 'wealth';
}

const CHANNEL_ZH: Record<Channel, string> = {
  web: '网上银行',
  app: '手机银行',
  phone: '电话销售',
  agent: '代理人',
  corporate: '对公团队',
  branch: '网点',
};

function refuse(
  reason: SuitabilityRefusal,
  zh: string,
  en: string,
  product: SuitabilityProduct,
  customer: SuitabilityProfile | undefined,
): SuitabilityDecision {
  return {
    allowed: false,
    reason,
    messageZh: zh,
    messageEn: en,
    productRisk: product.riskLevel,
    customerRisk: customer?.riskLevel ?? null,
  };
}

/** May this customer buy this product through this channel now? Pure; `customer` undefined if unknown. */
export function checkSuitability(
  customer: SuitabilityProfile | undefined,
  product: SuitabilityProduct,
  channel: Channel,
  now: Date,
): SuitabilityDecision {
  const no = (reason: SuitabilityRefusal, zh: string, en: string) =>
    refuse(reason, zh, en, product, customer);
  if (!customer)
    return no(
      'customer_unknown',
      '未找到客户信息，请先开户。',
      'We have no customer record; open an account first.',
    );
  if (customer.status === 'closed')
    return no('customer_closed', '客户账户已销户，无法购买。', 'The customer account is closed.');
  if (product.status !== 'on_sale')
    return no('not_on_sale', '该产品当前不在销售中。', 'This product is not on sale.');
  const t = now.getTime();
  if (
    (product.salesStart && t < product.salesStart.getTime()) ||
    (product.salesEnd && t >= product.salesEnd.getTime())
  )
    return no('sales_window_closed', '当前不在该产品的销售期内。', "This product's sales window is closed.");
  if (!product.channels.includes(channel))
    return no(
      'channel_not_allowed',
      `该产品不通过${CHANNEL_ZH[channel]}渠道销售。`,
      `This product is not sold through the ${channel} channel.`,
    );
  if (!product.customerTypes.includes(customer.customerType))
    return no(
      'customer_type_not_allowed',
      customer.customerType === 'corporate' ? '该产品仅面向个人客户。' : '该产品仅面向机构客户。',
      `This product is not sold to ${customer.customerType} customers.`,
    );
  if (customer.kycStatus !== 'verified')
    return no('kyc_incomplete', '请先完成身份认证（KYC）。', 'Complete identity verification (KYC) first.');
  if (!needsRiskAssessment(product.kind))
    return { allowed: true, productRisk: product.riskLevel, customerRisk: customer.riskLevel };
  if (!customer.riskLevel || !customer.assessedAt)
    return no(
      'assessment_missing',
      '请先完成风险承受能力评估。',
      'Take the risk tolerance questionnaire first.',
    );
  if (customer.expiresAt && customer.expiresAt.getTime() <= t)
    return no(
      'assessment_expired',
      '您的风险评估已过期，请重新评估后再购买。',
      'Your risk assessment has expired; renew it before buying.',
    );
  const level = Number(customer.riskLevel.slice(1));
  if (riskNumber(product.riskLevel) > level)
    return no(
      'risk_too_high',
      `该产品风险等级为${product.riskLevel}，高于您的风险承受能力${customer.riskLevel}，不能购买。`,
      `This product is rated ${product.riskLevel}, above your risk tolerance ${customer.riskLevel}.`,
    );
  return { allowed: true, productRisk: product.riskLevel, customerRisk: customer.riskLevel };
}
