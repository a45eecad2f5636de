import { CURRENCIES, type CurrencyCode, type Money, toMoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import type { PaymentEvent, PaymentOrder } from './model.ts';
import type { ReconciliationBreak, ReconciliationRun } from './reconciliation.ts';

export const moneyDto = z.object({
  amount: z.string(),
  currency: z.enum(CURRENCIES as [CurrencyCode, ...CurrencyCode[]]),
});

export const cardDto = z.object({
  id: z.string(),
  bankCode: z.string(),
  bankNameZh: z.string(),
  bankNameEn: z.string(),
  maskedNumber: z.string(),
  last4: z.string(),
  createdAt: z.iso.datetime(),
});

export const paymentDto = z.object({
  id: z.string(),
  kind: z.enum(['topup', 'withdrawal']),
  status: z.enum(['created', 'processing', 'succeeded', 'failed']),
  amount: moneyDto,
  cardId: z.string(),
  maskedNumber: z.string(),
  bankCode: z.string(),
  failureReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
});

export const paymentDetailDto = paymentDto.extend({
  history: z.array(z.object({ status: z.string(), at: z.iso.datetime(), detail: z.string().optional() })),
});

export function toPaymentDto(o: PaymentOrder) {
  return {
    id: o.id,
    kind: o.kind,
    status: o.status,
    amount: toMoneyDto(o.amount),
    cardId: o.cardId,
    maskedNumber: o.maskedNumber,
    bankCode: o.bankCode,
    ...(o.failureReason ? { failureReason: o.failureReason } : {}),
    createdAt: o.createdAt.toISOString(),
    ...(o.completedAt ? { completedAt: o.completedAt.toISOString() } : {}),
  };
}

export function toPaymentDetailDto(o: PaymentOrder & { history: PaymentEvent[] }) {
  return {
    ...toPaymentDto(o),
    history: o.history.map((e) => ({
      status: e.status,
      at: e.at.toISOString(),
      ...(e.detail ? { detail: e.detail } : {}),
    })),
  };
}

export const runDto = z.object({
  id: z.string(),
  businessDate: z.string(),
  channel: z.string(),
  requestedBy: z.string().nullable(),
  channelLines: z.number().int(),
  ledgerLines: z.number().int(),
  matched: z.number().int(),
  breakCount: z.number().int(),
  channelNet: moneyDto,
  ledgerNet: moneyDto,
  createdAt: z.iso.datetime(),
});

export const breakDto = z.object({
  seq: z.number().int(),
  kind: z.enum(['missing_in_ledger', 'missing_in_channel', 'amount_mismatch', 'status_mismatch']),
  orderId: z.string().nullable(),
  channelRef: z.string().nullable(),
  ledgerTransferId: z.string().nullable(),
  channelAmount: moneyDto.nullable(),
  ledgerAmount: moneyDto.nullable(),
  detail: z.string(),
});

const maybeMoney = (m: Money | null) => (m ? toMoneyDto(m) : null);

export function toRunDto(r: ReconciliationRun) {
  return {
    ...r,
    channelNet: toMoneyDto(r.channelNet),
    ledgerNet: toMoneyDto(r.ledgerNet),
    createdAt: r.createdAt.toISOString(),
  };
}

export function toBreakDto(b: ReconciliationBreak) {
  return { ...b, channelAmount: maybeMoney(b.channelAmount), ledgerAmount: maybeMoney(b.ledgerAmount) };
}
