import type { ProblemTable } from '@onefin/kernel';
import type { SuitabilityRefusal } from '@onefin/products';

/** Every refusal of an order; the suitability check's own reasons pass through as they are. */
export type InvestingError =
  | SuitabilityRefusal
  | 'product_not_found'
  | 'wrong_product_kind'
  | 'currency_mismatch'
  | 'below_minimum'
  | 'off_increment'
  | 'insufficient_funds'
  | 'insufficient_shares'
  | 'account_frozen'
  | 'ledger_refused'
  | 'quota_exhausted'
  | 'idempotency_key_reused'
  | 'order_not_found'
  | 'not_cancellable'
  | 'customer_not_found'
  | 'deposit_not_found'
  | 'deposit_matured'
  | 'not_awaiting_confirmation'
  | 'confirmation_invalid'
  | 'confirmation_expired'
  | 'plan_not_found'
  | 'plan_stopped'
  | 'fast_redemption_limit'
  | 'not_convertible';

const refused = (title: string) => ({ status: 403, title });

export const INVESTING_PROBLEMS: ProblemTable<InvestingError> = {
  customer_unknown: refused('No customer record: open an account first'),
  customer_closed: refused('The customer account is closed'),
  not_on_sale: { status: 409, title: 'This product is not on sale' },
  sales_window_closed: { status: 409, title: "This product's sales window is closed" },
  channel_not_allowed: refused('This product is not sold through this channel'),
  customer_type_not_allowed: refused('This product is not sold to this type of customer'),
  kyc_incomplete: refused('Complete identity verification (KYC) first'),
  assessment_missing: refused('Take the risk tolerance questionnaire first'),
  assessment_expired: refused('The risk assessment has expired; renew it before buying'),
  risk_too_high: refused("The product's risk level is above the customer's risk tolerance"),
  product_not_found: { status: 404, title: 'Product not found' },
  wrong_product_kind: { status: 422, title: 'This order type does not apply to this product' },
  currency_mismatch: { status: 422, title: "The amount's currency differs from the product's" },
  below_minimum: { status: 422, title: 'The amount is below the minimum' },
  off_increment: { status: 422, title: 'The amount is not a multiple of the increment' },
  insufficient_funds: { status: 409, title: 'Insufficient available balance' },
  insufficient_shares: { status: 409, title: 'More shares than are held and not already being redeemed' },
  account_frozen: { status: 409, title: 'The cash account is frozen' },
  ledger_refused: { status: 409, title: 'The ledger refused to reserve the amount' },
  quota_exhausted: { status: 409, title: "The product's remaining quota is smaller than the amount" },
  idempotency_key_reused: { status: 422, title: 'This idempotency key was used for a different order' },
  order_not_found: { status: 404, title: 'Order not found' },
  not_cancellable: { status: 409, title: 'The order can no longer be cancelled' },
  customer_not_found: { status: 404, title: 'Customer not found' },
  deposit_not_found: { status: 404, title: 'No such open deposit' },
  not_awaiting_confirmation: {
    status: 409,
    title: 'The order is not waiting for the customer’s confirmation',
  },
  confirmation_invalid: { status: 422, title: 'The confirmation code is wrong' },
  confirmation_expired: { status: 409, title: 'The order lapsed before the customer confirmed it' },
  plan_not_found: { status: 404, title: 'Regular investment plan not found' },
  plan_stopped: { status: 409, title: 'The plan was stopped; set up a new one instead' },
  fast_redemption_limit: {
    status: 409,
    title: 'Above what may be redeemed instantly from this money-market fund today',
  },
  not_convertible: {
    status: 422,
    title: 'Funds convert only into another fund of the same manager, in the same currency',
  },
  deposit_matured: { status: 409, title: 'The deposit has matured: it is paid out at the full rate' },
};
