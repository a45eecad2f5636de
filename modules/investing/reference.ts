/**
 * The investing vocabulary the web apps share with the server: order types and statuses, plan
 * frequencies and statuses. Imports nothing, so a browser bundle can take it as it is.
 */

export const ORDER_TYPES = [
  'subscribe',
  'redeem',
  /** A fund conversion: shares out of one fund… */
  'convert_out',
  /** …and the money into another fund of the same company, confirmed together at T+1. */
  'convert_in',
  'wealth_buy',
  'wealth_maturity',
  'deposit_open',
  'deposit_withdraw',
  'deposit_maturity',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/**
 * submitted → pending (money or shares reserved, awaiting confirmation) → confirmed | failed |
 * cancelled; `refused` when the suitability check said no (recorded with its reason). An order staff
 * place by phone or through an agent waits in `awaiting_customer` until the customer confirms it.
 */
export const ORDER_STATUSES = [
  'submitted',
  'awaiting_customer',
  'pending',
  'confirmed',
  'failed',
  'cancelled',
  'refused',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PLAN_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];
export const PLAN_STATUSES = ['active', 'paused', 'stopped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
