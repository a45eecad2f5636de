import type { OrderStatus, OrderType } from '@onefin/investing/reference';
import { CASH_ACCOUNT_KEY, type MoneyDto, STATEMENT_KEY } from '../account/api.ts';
import { api, queryClient } from '../api.ts';
import type { ProductRiskLevel } from '../products/risk.tsx';
import type { Suitability } from '../products/types.ts';

export type { OrderStatus, OrderType } from '@onefin/investing/reference';

/** An order as the API shows it; shares are decimal strings with 2 dp. */
export interface Order {
  id: string;
  type: OrderType;
  status: OrderStatus;
  productId: string;
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  productKind: string;
  channel: string;
  staffId: string | null;
  amount: MoneyDto | null;
  shares: string | null;
  tradeDate: string | null;
  confirmDate: string | null;
  nav: string | null;
  fee: MoneyDto | null;
  refund: MoneyDto | null;
  proceeds: MoneyDto | null;
  failureReason: string | null;
  coolingOffUntil: string | null;
  cancellableUntil: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface OrderDetail extends Order {
  history: { status: OrderStatus; at: string; detail: string | null }[];
}

export interface Holding {
  productId: string;
  productCode: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  category: string;
  riskLevel: ProductRiskLevel;
  shares: string;
  frozen: string;
  nav: string | null;
  navDate: string | null;
  marketValue: MoneyDto;
  cost: MoneyDto;
  unrealisedGain: MoneyDto;
  realisedGain: MoneyDto;
  income: MoneyDto;
  maturityDate: string | null;
}

export interface Assets {
  currency: string;
  total: MoneyDto;
  cash: MoneyDto;
  inTransit: MoneyDto;
  byKind: { kind: string; value: MoneyDto }[];
  byRisk: { riskLevel: string; value: MoneyDto }[];
  holdings: Holding[];
}

export interface OrderPreview {
  suitability: Suitability | null;
  tradeDate: string;
  cutoffAt: string;
  confirmDate: string;
  minimum: MoneyDto | null;
  fee: MoneyDto | null;
  estimatedShares: string | null;
  estimatedProceeds: MoneyDto | null;
  navDate: string | null;
  coolingOffHours: number;
  remainingQuota: MoneyDto | null;
  expectedYield: { min: MoneyDto; max: MoneyDto } | null;
  /** Money-market redemptions: what may still be redeemed instantly (T+0) from this fund today. */
  instantLimitLeft: MoneyDto | null;
}

export type OrderRequest =
  | { type: 'subscribe' | 'wealth_buy'; productId: string; amount: MoneyDto }
  | { type: 'deposit_open'; productId: string; amount: MoneyDto; renew?: boolean }
  | { type: 'redeem'; productId: string; shares: string; fast?: boolean }
  | { type: 'convert'; productId: string; targetProductId: string; shares: string };

/** One lot of a holding; a time deposit is one lot per deposit, with its maturity date. */
export interface HoldingLot {
  id: string;
  orderId: string | null;
  acquiredOn: string;
  shares: string;
  remaining: string;
  cost: string;
  remainingCost: string;
  maturityDate: string | null;
  renew: boolean;
}

export const ASSETS_KEY = ['assets'] as const;
export const ORDERS_KEY = ['orders'] as const;
export const ORDER_KEY = ['order'] as const;
export const LOTS_KEY = ['lots'] as const;

export const fetchAssets = () => api.get<Assets>('/assets');
export const fetchOrders = (before?: string) =>
  api.get<{ items: Order[]; next?: string }>('/orders', { before, limit: 20 });
export const fetchOrder = (id: string) => api.get<OrderDetail>(`/orders/${encodeURIComponent(id)}`);
export const previewOrder = (request: OrderRequest) => api.post<OrderPreview>('/orders/preview', request);
export const placeOrder = (request: OrderRequest, idempotencyKey: string) =>
  api.postIdempotent<Order>('/orders', request, idempotencyKey);
export const fetchLots = async (productId: string) =>
  (await api.get<{ items: HoldingLot[] }>(`/holdings/${encodeURIComponent(productId)}/lots`)).items;
/** Early withdrawal of a time deposit lot: paid at once, interest at the demand rate. */
export const withdrawDeposit = (lotId: string, idempotencyKey: string) =>
  api.postIdempotent<Order>(
    `/deposits/${encodeURIComponent(lotId)}/withdraw`,
    { channel: 'web' },
    idempotencyKey,
  );
export const cancelOrder = (id: string) => api.post<Order>(`/orders/${encodeURIComponent(id)}/cancel`);
/** An order staff placed for the customer by phone or through an agent: go ahead, or not. */
export const confirmOrder = (id: string) => api.post<Order>(`/orders/${encodeURIComponent(id)}/confirm`);
export const declineOrder = (id: string) => api.post<Order>(`/orders/${encodeURIComponent(id)}/decline`);

/** After an order moved money or shares: assets, orders, the cash account and its statement are stale. */
export function refreshAfterOrder(): void {
  const previews = [['order-preview'], ['instant-limit']];
  for (const key of [
    ASSETS_KEY,
    ORDERS_KEY,
    ORDER_KEY,
    LOTS_KEY,
    CASH_ACCOUNT_KEY,
    STATEMENT_KEY,
    ...previews,
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
