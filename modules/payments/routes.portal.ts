import { type IdempotencyKeys, pageQuery, positiveMoney, strictBody } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { fromMoneyDto, notFound, problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BANKS, bankByCode, CARD_NUMBER } from './banks.ts';
import { PAYMENTS_PROBLEMS } from './errors.ts';
import { cardDto, paymentDetailDto, paymentDto, toPaymentDetailDto, toPaymentDto } from './http-schemas.ts';
import type { PaymentCard } from './model.ts';
import type { PaymentsService } from './service.ts';

export interface PortalPaymentsOptions {
  identity: IdentityService;
  payments: PaymentsService;
  idempotency: IdempotencyKeys;
}

function toCardDto(c: PaymentCard) {
  const bank = bankByCode(c.bankCode);
  return {
    id: c.id,
    bankCode: c.bankCode,
    bankNameZh: bank?.nameZh ?? c.bankCode,
    bankNameEn: bank?.nameEn ?? c.bankCode,
    maskedNumber: c.maskedNumber,
    last4: c.last4,
    createdAt: c.createdAt.toISOString(),
  };
}

const id = z.string().min(1).max(64);
const paymentBody = strictBody({ cardId: id, amount: positiveMoney });
const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().describe('required: a unique key per payment'),
});

/** Customers: bound bank cards, top-ups and withdrawals of their cash account, payment history. */
export async function paymentsPortalRoutes(
  root: FastifyInstance,
  opts: PortalPaymentsOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { payments, idempotency } = opts;
  const auth = requireCustomer(opts.identity);

  app.get(
    '/api/v1/banks',
    {
      schema: {
        tags: ['payments'],
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
          }),
        },
      },
    },
    async () => ({ items: BANKS.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })) }),
  );

  app.get(
    '/api/v1/payment-cards',
    {
      preHandler: auth,
      schema: { tags: ['payments'], response: { 200: z.object({ items: z.array(cardDto) }) } },
    },
    async (request) => ({ items: (await payments.listCards(currentCustomer(request).id)).map(toCardDto) }),
  );

  app.post(
    '/api/v1/payment-cards',
    {
      preHandler: auth,
      schema: {
        tags: ['payments'],
        body: strictBody({
          cardNumber: z.string().regex(CARD_NUMBER, 'must be the 16–19 digits of a debit card, no spaces'),
        }),
        response: { 201: z.object({ card: cardDto }) },
      },
    },
    async (request, reply) => {
      const bound = await payments.bindCard(currentCustomer(request).id, request.body.cardNumber);
      if (!bound.ok) throw problemFor(PAYMENTS_PROBLEMS, bound.error, bound.detail);
      return reply.code(201).send({ card: toCardDto(bound.value) });
    },
  );

  app.delete(
    '/api/v1/payment-cards/:id',
    { preHandler: auth, schema: { tags: ['payments'], params: z.strictObject({ id }) } },
    async (request, reply) => {
      const removed = await payments.unbindCard(currentCustomer(request).id, request.params.id);
      if (!removed.ok) throw problemFor(PAYMENTS_PROBLEMS, removed.error, removed.detail);
      return reply.code(204).send();
    },
  );

  const moneyRoute = (path: string, status: 201 | 202, run: PaymentsService['topUp']) =>
    app.post(
      path,
      {
        preHandler: auth,
        schema: {
          tags: ['payments'],
          headers: idempotencyHeader,
          body: paymentBody,
          response: { [status]: paymentDto },
        },
      },
      async (request, reply) => {
        const customer = currentCustomer(request);
        return idempotency.run(request, reply, `portal:${customer.id}`, async () => {
          const key = String(request.headers['idempotency-key']);
          const done = await run(customer.id, {
            cardId: request.body.cardId,
            amount: fromMoneyDto(request.body.amount),
            idempotencyKey: key,
          });
          if (!done.ok) throw problemFor(PAYMENTS_PROBLEMS, done.error, done.detail);
          return { status, body: toPaymentDto(done.value) };
        });
      },
    );
  // A declined top-up is a 201 with status `failed` and its failureReason: the order exists and
  // stays in the history; a replay answers the same.
  moneyRoute('/api/v1/top-ups', 201, payments.topUp);
  // 202: the payout is with the bank; the order is `processing` until the worker books the answer.
  moneyRoute('/api/v1/withdrawals', 202, payments.withdraw);

  app.get(
    '/api/v1/payments',
    {
      preHandler: auth,
      schema: {
        tags: ['payments'],
        querystring: z.strictObject(pageQuery),
        response: { 200: z.object({ items: z.array(paymentDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await payments.listPayments(currentCustomer(request).id, request.query);
      return { items: page.items.map(toPaymentDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/payments/:id',
    {
      preHandler: auth,
      schema: { tags: ['payments'], params: z.strictObject({ id }), response: { 200: paymentDetailDto } },
    },
    async (request) => {
      const found = await payments.getPayment(currentCustomer(request).id, request.params.id);
      if (!found.ok) throw notFound('payment');
      return toPaymentDetailDto(found.value);
    },
  );
}
