import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { toMoneyDto } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  currencyCode,
  moneyDto,
  statementLineDto,
  statementQuery,
  toStatementLineDto,
  toStatementQuery,
} from './http-schemas.ts';
import type { LedgerService } from './index.ts';

export interface PortalLedgerOptions {
  identity: IdentityService;
  ledger: LedgerService;
}

/**
 * Customers: their own cash account ("one account") and its statement. Neither route takes an
 * account id: the account is always the signed-in customer's, so nobody can ask for another's.
 */
export async function ledgerPortalRoutes(root: FastifyInstance, opts: PortalLedgerOptions): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const guard = requireCustomer(opts.identity);
  const cashAccountOf = (customerId: string) => opts.ledger.openCustomerCashAccount(customerId, 'CNY');

  app.get(
    '/api/v1/account',
    {
      preHandler: guard,
      schema: {
        tags: ['account'],
        response: {
          200: z.object({
            accountId: z.string(),
            currency: currencyCode,
            balance: moneyDto,
            available: moneyDto,
            pending: moneyDto,
          }),
        },
      },
    },
    async (request) => {
      const account = await cashAccountOf(currentCustomer(request).id);
      return {
        accountId: account.id,
        currency: account.currency,
        balance: toMoneyDto(account.balance),
        available: toMoneyDto(account.available),
        pending: toMoneyDto(account.pending),
      };
    },
  );

  app.get(
    '/api/v1/account/statement',
    {
      preHandler: guard,
      schema: {
        tags: ['account'],
        querystring: statementQuery,
        response: { 200: z.object({ items: z.array(statementLineDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const account = await cashAccountOf(currentCustomer(request).id);
      const page = await opts.ledger.statement(account.id, toStatementQuery(request.query));
      return {
        items: page.lines.map(toStatementLineDto),
        ...(page.next === undefined ? {} : { next: page.next.toString() }),
      };
    },
  );
}
