import type { Order } from './model.ts';

/**
 * Until when a pending order may be cancelled: a fund order until its trade date's 15:00 cut-off;
 * a wealth purchase until its cooling-off ends, or with none, like a fund order. Null once it is
 * no longer pending (or for a maturity, which the platform itself placed).
 */
export function cancellableUntil(order: Order): Date | null {
  if (order.status !== 'pending' || order.type === 'wealth_maturity') return null;
  if (order.type === 'wealth_buy' && order.coolingOffUntil) return order.coolingOffUntil;
  return order.tradeDate ? new Date(`${order.tradeDate}T15:00:00+08:00`) : null;
}
