import type { ProblemTable } from '@onefin/kernel';

/** Everything a customer or a staff member can make payments refuse. */
export type PaymentsError =
  | 'invalid_card_number'
  | 'unsupported_bank'
  | 'card_already_bound'
  | 'card_not_found'
  | 'payment_not_found'
  | 'currency_not_supported'
  | 'over_single_limit'
  | 'insufficient_funds'
  | 'account_frozen'
  | 'idempotency_key_reused'
  | 'business_date_in_future'
  | 'run_not_found';

export const PAYMENTS_PROBLEMS: ProblemTable<PaymentsError> = {
  invalid_card_number: { status: 400, title: 'This is not a valid bank card number' },
  unsupported_bank: { status: 400, title: "Cards of this card's bank are not supported" },
  card_already_bound: { status: 409, title: 'This card is already bound' },
  card_not_found: { status: 404, title: 'Card not found' },
  payment_not_found: { status: 404, title: 'Payment not found' },
  currency_not_supported: { status: 422, title: 'The payment channel does not take this currency' },
  over_single_limit: { status: 422, title: 'The amount is above the single-payment limit' },
  insufficient_funds: { status: 409, title: 'Insufficient available balance' },
  account_frozen: { status: 409, title: 'The cash account is frozen' },
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was used for a different payment' },
  business_date_in_future: { status: 422, title: 'That business date has not happened yet' },
  run_not_found: { status: 404, title: 'Reconciliation run not found' },
};
