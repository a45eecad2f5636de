import { calendarDate } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { toMoneyDto } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { moneyDto } from './http-schemas.ts';
import type { InvestingService } from './service.ts';

const historyDto = z.object({
  currency: z.string(),
  points: z.array(z.object({ date: z.string(), value: moneyDto, netInvested: moneyDto })),
  /** Over the closes shown, not annualised: fractions (0.0512 = 5.12%); null until there are two. */
  timeWeightedReturn: z.number().nullable(),
  moneyWeightedReturn: z.number().nullable(),
});

const maturityDto = z.object({
  date: z.string(),
  lotId: z.string(),
  productId: z.string(),
  productCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['wealth', 'deposit']),
  principal: moneyDto,
  earnings: z.object({ min: moneyDto, max: moneyDto }),
  renew: z.boolean(),
});

/** Customers: the value history with its returns, and the maturity calendar. */
export async function portfolioPortalRoutes(
  root: FastifyInstance,
  opts: { identity: IdentityService; investing: InvestingService },
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const auth = requireCustomer(opts.identity);
  const tags = ['investing'];

  app.get(
    '/api/v1/assets/history',
    {
      preHandler: auth,
      schema: {
        tags,
        querystring: z.strictObject({
          from: calendarDate.optional().describe('first close; default a year back'),
        }),
        response: { 200: historyDto },
      },
    },
    async (request) => {
      const h = await opts.investing.valueHistory(currentCustomer(request).id, 'CNY', request.query.from);
      return {
        ...h,
        points: h.points.map((p) => ({
          date: p.date,
          value: toMoneyDto({ amount: p.value, currency: h.currency }),
          netInvested: toMoneyDto({ amount: p.netInvested, currency: h.currency }),
        })),
      };
    },
  );

  app.get(
    '/api/v1/assets/maturities',
    { preHandler: auth, schema: { tags, response: { 200: z.object({ items: z.array(maturityDto) }) } } },
    async (request) => ({
      items: (await opts.investing.maturities(currentCustomer(request).id)).map((m) => ({
        ...m,
        principal: toMoneyDto(m.principal),
        earnings: { min: toMoneyDto(m.earnings.min), max: toMoneyDto(m.earnings.max) },
      })),
    }),
  );
}
