import type { AuditService } from '@onefin/audit';
import {
  currentStaff,
  IDENTITY_PROBLEMS,
  type IdentityError,
  type IdentityService,
  type RequestContext,
  requireStaff,
} from '@onefin/identity';
import { type Executor, HttpProblem, notFound, problemFor, toMoneyDto } from '@onefin/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adjustmentPayload, LEDGER_ACTIONS, reversalPayload } from './approvals.ts';
import { CHART, type ChartKey, normalSideOf } from './chart.ts';
import { findAccount, findTransfer, listAccounts, trialBalanceByClass } from './explorer.ts';
import {
  currencyCode,
  moneyDto,
  statementLineDto,
  statementQuery,
  toStatementLineDto,
  toStatementQuery,
} from './http-schemas.ts';
import type { LedgerService } from './index.ts';
import { statementOf } from './statement.ts';
import type { Account } from './store.ts';
import { LEDGER_PROBLEMS, type PostedTransfer, type TransferError } from './types.ts';

const accountDto = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  class: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
  normalSide: z.enum(['debit', 'credit']),
  ownerType: z.enum(['customer', 'internal']),
  ownerId: z.string().nullable(),
  currency: currencyCode,
  allowNegative: z.boolean(),
  frozen: z.boolean(),
  closed: z.boolean(),
  postedDebits: moneyDto,
  postedCredits: moneyDto,
  balance: moneyDto,
  pending: moneyDto,
  available: moneyDto,
  createdAt: z.iso.datetime(),
});

function toAccountDto(a: Account) {
  return {
    id: a.id,
    code: a.code,
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    class: a.class,
    normalSide: normalSideOf(a.class),
    ownerType: a.ownerType,
    ownerId: a.ownerId,
    currency: a.currency,
    allowNegative: a.allowNegative,
    frozen: a.frozen,
    closed: a.closed,
    postedDebits: toMoneyDto(a.postedDebits),
    postedCredits: toMoneyDto(a.postedCredits),
    balance: toMoneyDto(a.balance),
    pending: toMoneyDto(a.pending),
    available: toMoneyDto(a.available),
    createdAt: a.createdAt.toISOString(),
  };
}

const transferDto = z.object({
  id: z.string(),
  kind: z.string(),
  debitAccountId: z.string(),
  creditAccountId: z.string(),
  amount: moneyDto,
  code: z.string(),
  reference: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  relatedId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

function toTransferDto(t: PostedTransfer) {
  return {
    id: t.id,
    kind: t.kind,
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amount: toMoneyDto(t.amount),
    code: t.code,
    reference: t.reference,
    metadata: t.metadata,
    relatedId: t.relatedId,
    createdAt: t.createdAt.toISOString(),
  };
}

const totalsDto = { debits: moneyDto, credits: moneyDto, balance: moneyDto };
const trialBalanceDto = z.object({
  currency: currencyCode,
  classes: z.array(z.object({ class: z.string(), normalSide: z.enum(['debit', 'credit']), ...totalsDto })),
  codes: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      class: z.string(),
      accounts: z.number().int(),
      ...totalsDto,
    }),
  ),
  debits: moneyDto,
  credits: moneyDto,
  difference: moneyDto,
  isBalanced: z.boolean(),
});

const approvalDto = z.object({
  id: z.string(),
  action: z.string(),
  status: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});

/** A proposal refused up front: the ledger's codes by its table, identity's by its own; the rest 409. */
function proposalProblem(error: string, detail?: string): HttpProblem {
  if (error in LEDGER_PROBLEMS) return problemFor(LEDGER_PROBLEMS, error as TransferError, detail);
  if (error in IDENTITY_PROBLEMS) return problemFor(IDENTITY_PROBLEMS, error as IdentityError, detail);
  return new HttpProblem(409, error, 'The action cannot be proposed', detail);
}

function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(typeof ua === 'string' ? { userAgent: ua } : {}) };
}

export interface ConsoleLedgerOptions {
  identity: IdentityService;
  audit: AuditService;
  ledger: LedgerService;
  /** Where the explorer reads: the read replica when there is one. */
  reads: Executor;
}

/** Staff: the ledger explorer (chart, accounts, entries, transfers, trial balance) and corrections via maker–checker. */
export async function ledgerConsoleRoutes(root: FastifyInstance, opts: ConsoleLedgerOptions): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const canRead = requireStaff(opts.identity, opts.audit, 'ledger.read');
  const canAdjust = requireStaff(opts.identity, opts.audit, 'ledger.adjust');
  const tags = ['ledger'];
  const accountId = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/v1/ledger/chart',
    {
      preHandler: canRead,
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                key: z.string(),
                code: z.string(),
                nameZh: z.string(),
                nameEn: z.string(),
                class: z.string(),
                normalSide: z.enum(['debit', 'credit']),
                scope: z.enum(['customer', 'internal']),
                allowNegative: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: (Object.keys(CHART) as ChartKey[])
        .map((key) => ({ key, ...CHART[key], normalSide: normalSideOf(CHART[key].class) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    }),
  );

  app.get(
    '/api/v1/ledger/accounts',
    {
      preHandler: canRead,
      schema: {
        tags,
        querystring: z.strictObject({
          ownerType: z.enum(['customer', 'internal']).optional(),
          code: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
          currency: currencyCode.optional(),
          customerId: z.string().min(1).max(64).optional(),
          cursor: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(accountDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const { cursor, ...filter } = request.query;
      const page = await listAccounts(opts.reads, { ...filter, after: cursor });
      return { items: page.items.map(toAccountDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/ledger/accounts/:id',
    { preHandler: canRead, schema: { tags, params: accountId, response: { 200: accountDto } } },
    async (request) => {
      const account = await findAccount(opts.reads, request.params.id);
      if (!account) throw notFound('account');
      return toAccountDto(account);
    },
  );

  app.get(
    '/api/v1/ledger/accounts/:id/entries',
    {
      preHandler: canRead,
      schema: {
        tags,
        params: accountId,
        querystring: statementQuery,
        response: {
          200: z.object({
            items: z.array(statementLineDto.extend({ counterpartyAccountId: z.string() })),
            next: z.string().optional(),
          }),
        },
      },
    },
    async (request) => {
      const account = await findAccount(opts.reads, request.params.id);
      if (!account) throw notFound('account');
      const page = await statementOf(opts.reads, account.id, toStatementQuery(request.query));
      return {
        items: page.lines.map((line) => ({
          ...toStatementLineDto(line),
          counterpartyAccountId: line.counterpartyAccountId,
        })),
        ...(page.next === undefined ? {} : { next: page.next.toString() }),
      };
    },
  );

  app.get(
    '/api/v1/ledger/transfers/:id',
    {
      preHandler: canRead,
      schema: {
        tags,
        params: z.strictObject({ id: z.string().min(1).max(128) }),
        response: {
          200: transferDto.extend({
            entries: z.array(
              z.object({
                accountId: z.string(),
                accountCode: z.string(),
                accountNameZh: z.string(),
                accountNameEn: z.string(),
                ownerType: z.string(),
                ownerId: z.string().nullable(),
                side: z.enum(['debit', 'credit']),
                amount: moneyDto,
                balanceAfter: moneyDto,
              }),
            ),
            resolutions: z.array(transferDto),
          }),
        },
      },
    },
    async (request) => {
      const found = await findTransfer(opts.reads, request.params.id);
      if (!found) throw notFound('transfer');
      return {
        ...toTransferDto(found.transfer),
        entries: found.entries.map((e) => ({
          ...e,
          amount: toMoneyDto(e.amount),
          balanceAfter: toMoneyDto(e.balanceAfter),
        })),
        resolutions: found.resolutions.map(toTransferDto),
      };
    },
  );

  app.get(
    '/api/v1/ledger/trial-balance',
    {
      preHandler: canRead,
      schema: { tags, response: { 200: z.object({ items: z.array(trialBalanceDto) }) } },
    },
    async () => {
      const items = await trialBalanceByClass(opts.reads);
      const dto = (m: {
        debits: Parameters<typeof toMoneyDto>[0];
        credits: Parameters<typeof toMoneyDto>[0];
        balance: Parameters<typeof toMoneyDto>[0];
      }) => ({
        debits: toMoneyDto(m.debits),
        credits: toMoneyDto(m.credits),
        balance: toMoneyDto(m.balance),
      });
      return {
        items: items.map((tb) => ({
          currency: tb.currency,
          classes: tb.classes.map((c) => ({ class: c.class, normalSide: c.normalSide, ...dto(c) })),
          codes: tb.codes.map((c) => ({
            code: c.code,
            nameZh: c.nameZh,
            nameEn: c.nameEn,
            class: c.class,
            accounts: c.accounts,
            ...dto(c),
          })),
          debits: toMoneyDto(tb.debits),
          credits: toMoneyDto(tb.credits),
          difference: toMoneyDto(tb.difference),
          isBalanced: tb.isBalanced,
        })),
      };
    },
  );

  const propose = async (request: FastifyRequest, action: string, payload: unknown) => {
    const proposed = await opts.identity.propose(
      currentStaff(request),
      { action, payload },
      requestContext(request),
    );
    if (!proposed.ok) throw proposalProblem(proposed.error, proposed.detail);
    const { id, status, summary, details, createdAt } = proposed.value;
    return { approval: { id, action, status, summary, details, createdAt: createdAt.toISOString() } };
  };
  const accepted = { 202: z.object({ approval: approvalDto }) };

  app.post(
    '/api/v1/ledger/adjustments',
    {
      preHandler: canAdjust,
      schema: {
        tags,
        body: adjustmentPayload.omit({ account: true, suspenseAccountId: true }),
        response: accepted,
      },
    },
    async (request, reply) =>
      reply.code(202).send(await propose(request, LEDGER_ACTIONS.adjust, request.body)),
  );

  app.post(
    '/api/v1/ledger/reversals',
    {
      preHandler: canAdjust,
      schema: { tags, body: reversalPayload.omit({ transfer: true }), response: accepted },
    },
    async (request, reply) =>
      reply.code(202).send(await propose(request, LEDGER_ACTIONS.reverse, request.body)),
  );
}
