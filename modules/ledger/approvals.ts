import { positiveMoney } from '@onefin/http';
import type { ApprovalHandler } from '@onefin/identity';
import { type Executor, fail, fromMoneyDto, ok, toMoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import { findAccount, findTransfer } from './explorer.ts';
import type { LedgerService } from './index.ts';
import { type AccountId, LEDGER_PROBLEMS, type TransferError, type TransferResult } from './types.ts';

/**
 * Manual corrections of the books, each run only after a second person approves it (maker–checker,
 * DESIGN.md "Security"): an adjustment between an account and suspense, and the reversal of a posted
 * transfer. The ledger transfer's id is derived from the approval's, so executing twice posts once.
 */

/** What the maker saw of the account when proposing; filled by `prepare`, never taken from the maker. */
const accountSnapshot = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  ownerType: z.string(),
  ownerId: z.string().nullable(),
});

export const adjustmentPayload = z.strictObject({
  accountId: z.string().min(1).max(64),
  /** `credit` raises a customer's cash balance (a liability), `debit` lowers it; suspense takes the other side. */
  direction: z.enum(['credit', 'debit']),
  amount: positiveMoney,
  reason: z.string().trim().min(2).max(500),
  account: accountSnapshot.optional(),
  suspenseAccountId: z.string().optional(),
});
export type AdjustmentPayload = z.infer<typeof adjustmentPayload>;

const transferSnapshot = z.object({
  code: z.string(),
  amount: z.object({ amount: z.string(), currency: z.string() }),
  debitAccountId: z.string(),
  creditAccountId: z.string(),
  postedAt: z.string(),
});

export const reversalPayload = z.strictObject({
  transferId: z.string().min(1).max(128),
  reason: z.string().trim().min(2).max(500),
  transfer: transferSnapshot.optional(),
});
export type ReversalPayload = z.infer<typeof reversalPayload>;

export const LEDGER_ACTIONS = { adjust: 'ledger.adjust', reverse: 'ledger.reverse' } as const;

/** Approval ids are `apr_<uuid>`; the transfer they post is `adj_<uuid>` / `rev_<uuid>`. */
export function transferIdFor(kind: 'adj' | 'rev', approvalId: string): string {
  return `${kind}_${approvalId.replace(/^apr_/, '')}`;
}

/** A refused transfer ends the approval as failed, with the ledger's code and its words. */
function outcome(result: TransferResult) {
  if (!result.ok)
    return fail<TransferError>(result.error, result.detail ?? LEDGER_PROBLEMS[result.error].title);
  const t = result.value.transfer;
  return ok({ transferId: t.id, amount: toMoneyDto(t.amount), status: result.value.status });
}

export interface LedgerApprovalDeps {
  ledger: LedgerService;
}

export function ledgerApprovalHandlers(
  d: LedgerApprovalDeps,
): [ApprovalHandler<AdjustmentPayload>, ApprovalHandler<ReversalPayload>] {
  return [
    {
      action: LEDGER_ACTIONS.adjust,
      proposePermission: 'ledger.adjust',
      approvePermission: 'ledger.approve',
      schema: adjustmentPayload,
      async prepare(p, db: Executor) {
        const account = await findAccount(db, p.accountId);
        if (!account) return fail<TransferError>('account_not_found', `no account ${p.accountId}`);
        if (account.currency !== p.amount.currency)
          return fail<TransferError>('currency_mismatch', `the account is in ${account.currency}`);
        // Resolved now, outside the approving transaction, so executing needs no other connection.
        const { suspense } = await d.ledger.ensureInternalAccounts(account.currency);
        if (suspense.id === account.id)
          return fail<TransferError>(
            'same_account',
            'the suspense account is the other side of every adjustment',
          );
        const { code, nameZh, nameEn, ownerType, ownerId } = account;
        return ok({
          accountId: p.accountId,
          direction: p.direction,
          amount: p.amount,
          reason: p.reason,
          account: { code, nameZh, nameEn, ownerType, ownerId },
          suspenseAccountId: suspense.id,
        });
      },
      describe: (p) => ({
        summary: `${p.direction === 'credit' ? 'Credit' : 'Debit'} ${p.amount.amount} ${p.amount.currency} ${
          p.direction === 'credit' ? 'to' : 'from'
        } account ${p.account?.code ?? ''} ${p.accountId} against suspense: ${p.reason}`,
        targetType: 'ledger_account',
        targetId: p.accountId,
      }),
      display: (p) => ({
        accountId: p.accountId,
        account: p.account ?? null,
        direction: p.direction,
        amount: p.amount,
        reason: p.reason,
      }),
      async execute(p, ctx) {
        if (!p.suspenseAccountId) return fail('invalid_payload', 'no suspense account');
        const account = p.accountId as AccountId;
        const suspense = p.suspenseAccountId as AccountId;
        const result = await d.ledger.transfer(
          {
            id: transferIdFor('adj', ctx.approvalId),
            debitAccountId: p.direction === 'credit' ? suspense : account,
            creditAccountId: p.direction === 'credit' ? account : suspense,
            amount: fromMoneyDto(p.amount),
            code: 'adjustment',
            reference: ctx.approvalId,
            metadata: { reason: p.reason, makerId: ctx.makerId },
          },
          ctx.trx,
        );
        return outcome(result);
      },
    },
    {
      action: LEDGER_ACTIONS.reverse,
      proposePermission: 'ledger.adjust',
      approvePermission: 'ledger.approve',
      schema: reversalPayload,
      async prepare(p, db: Executor) {
        const found = await findTransfer(db, p.transferId);
        if (!found) return fail<TransferError>('transfer_not_found', `no transfer ${p.transferId}`);
        const { transfer, resolutions } = found;
        if (transfer.kind !== 'transfer' && transfer.kind !== 'post_hold')
          return fail<TransferError>('not_reversible', `a ${transfer.kind} moves no money to undo`);
        const reversal = resolutions.find((r) => r.kind === 'reversal');
        if (reversal) return fail<TransferError>('already_reversed', `by ${reversal.id}`);
        return ok({
          transferId: p.transferId,
          reason: p.reason,
          transfer: {
            code: transfer.code,
            amount: toMoneyDto(transfer.amount),
            debitAccountId: transfer.debitAccountId,
            creditAccountId: transfer.creditAccountId,
            postedAt: transfer.createdAt.toISOString(),
          },
        });
      },
      describe: (p) => ({
        summary: `Reverse transfer ${p.transferId} (${p.transfer?.code ?? ''} ${p.transfer?.amount.amount ?? ''} ${
          p.transfer?.amount.currency ?? ''
        }): ${p.reason}`,
        targetType: 'ledger_transfer',
        targetId: p.transferId,
      }),
      display: (p) => ({ transferId: p.transferId, transfer: p.transfer ?? null, reason: p.reason }),
      async execute(p, ctx) {
        const result = await d.ledger.reverse(
          {
            id: transferIdFor('rev', ctx.approvalId),
            transferId: p.transferId,
            code: 'reversal',
            reference: ctx.approvalId,
            metadata: { reason: p.reason, makerId: ctx.makerId },
          },
          ctx.trx,
        );
        return outcome(result);
      },
    },
  ];
}
