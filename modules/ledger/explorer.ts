import type { CurrencyCode, Executor, Money } from '@onefin/kernel';
import { type AccountClass, normalSideOf, type Side } from './chart.ts';
import { type Account, ledgerDb, toAccount, toPostedTransfer } from './store.ts';
import type { PostedTransfer } from './types.ts';

/** The balance on the class's normal side. */
function normalBalance(a: { class: AccountClass; debits: bigint; credits: bigint }): bigint {
  return normalSideOf(a.class) === 'debit' ? a.debits - a.credits : a.credits - a.debits;
}

/**
 * Read queries behind the console's ledger explorer. Each takes the executor to read from: the
 * console passes the read replica, so browsing the books never loads the primary.
 */

export interface AccountFilter {
  ownerType?: 'customer' | 'internal' | undefined;
  code?: string | undefined;
  currency?: CurrencyCode | undefined;
  /** The customer owning the account (customer accounts only). */
  customerId?: string | undefined;
  /** Accounts after this id (the cursor from the previous page). */
  after?: string | undefined;
  limit: number;
}

/** Accounts matching the filter with their posted totals and balances, in id (opening) order. */
export async function listAccounts(
  db: Executor,
  f: AccountFilter,
): Promise<{ items: Account[]; next?: string }> {
  let query = ledgerDb(db)
    .selectFrom('ledger_accounts')
    .selectAll()
    .orderBy('id')
    .limit(f.limit + 1);
  if (f.ownerType) query = query.where('owner_type', '=', f.ownerType);
  if (f.code) query = query.where('code', '=', f.code);
  if (f.currency) query = query.where('currency', '=', f.currency);
  if (f.customerId) query = query.where('owner_id', '=', f.customerId);
  if (f.after) query = query.where('id', '>', f.after);
  const rows = await query.execute();
  const items = rows.slice(0, f.limit).map(toAccount);
  const last = items.at(-1);
  return rows.length > f.limit && last ? { items, next: last.id } : { items };
}

export async function findAccount(db: Executor, id: string): Promise<Account | undefined> {
  const row = await ledgerDb(db)
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/** One side of a transfer as the explorer shows it: which account, which side, the balance after. */
export interface TransferEntryView {
  accountId: string;
  accountCode: string;
  accountNameZh: string;
  accountNameEn: string;
  ownerType: string;
  ownerId: string | null;
  side: Side;
  amount: Money;
  balanceAfter: Money;
}

export interface TransferView {
  transfer: PostedTransfer;
  /** Empty for a transfer that posted nothing (a hold, a void). */
  entries: TransferEntryView[];
  /** Transfers that refer to this one: its reversal, or what posted, voided or expired a hold. */
  resolutions: PostedTransfer[];
}

/** A transfer by id with its entries and their accounts; undefined when no such transfer. */
export async function findTransfer(db: Executor, id: string): Promise<TransferView | undefined> {
  const t = ledgerDb(db);
  const row = await t.selectFrom('ledger_transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const entries = await t
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
    .select([
      'e.account_id',
      'e.side',
      'e.amount',
      'e.currency',
      'e.balance_after',
      'a.code',
      'a.name_zh',
      'a.name_en',
      'a.owner_type',
      'a.owner_id',
    ])
    .where('e.transfer_id', '=', id)
    .orderBy('e.side', 'desc') // debit before credit
    .execute();
  const resolutions = await t
    .selectFrom('ledger_transfers')
    .selectAll()
    .where('related_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    transfer: toPostedTransfer(row),
    resolutions: resolutions.map(toPostedTransfer),
    entries: entries.map((e) => {
      const currency = e.currency as CurrencyCode;
      return {
        accountId: e.account_id,
        accountCode: e.code,
        accountNameZh: e.name_zh,
        accountNameEn: e.name_en,
        ownerType: e.owner_type,
        ownerId: e.owner_id,
        side: e.side as Side,
        amount: { amount: e.amount, currency },
        balanceAfter: { amount: e.balance_after, currency },
      };
    }),
  };
}

/** Posted totals of a group of accounts: debits, credits and the balance on the group's normal side. */
export interface TrialBalanceTotals {
  debits: Money;
  credits: Money;
  balance: Money;
}

export interface TrialBalanceCode extends TrialBalanceTotals {
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  accounts: number;
}

export interface TrialBalanceClass extends TrialBalanceTotals {
  class: AccountClass;
  normalSide: Side;
}

/** One currency's trial balance: per class and per chart code; total debits equal total credits. */
export interface CurrencyTrialBalance {
  currency: CurrencyCode;
  classes: TrialBalanceClass[];
  codes: TrialBalanceCode[];
  debits: Money;
  credits: Money;
  /** Debits − credits over every account: zero when the books balance. */
  difference: Money;
  isBalanced: boolean;
}

const CLASS_ORDER: readonly AccountClass[] = ['asset', 'liability', 'equity', 'income', 'expense'];

/** The trial balance by currency, account class and chart code, summed exactly (bigint). */
export async function trialBalanceByClass(db: Executor): Promise<CurrencyTrialBalance[]> {
  const rows = await ledgerDb(db)
    .selectFrom('ledger_accounts')
    .select(['currency', 'class', 'code', 'name_zh', 'name_en', 'posted_debits', 'posted_credits'])
    .orderBy('currency')
    .orderBy('code')
    .execute();
  const byCurrency = new Map<CurrencyCode, typeof rows>();
  for (const r of rows) {
    const currency = r.currency as CurrencyCode;
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), r]);
  }
  return [...byCurrency].map(([currency, accounts]) => {
    const m = (amount: bigint): Money => ({ amount, currency });
    const codes = new Map<string, TrialBalanceCode & { d: bigint; c: bigint }>();
    for (const a of accounts) {
      const cls = a.class as AccountClass;
      const prior = codes.get(a.code);
      const d = (prior?.d ?? 0n) + a.posted_debits;
      const c = (prior?.c ?? 0n) + a.posted_credits;
      codes.set(a.code, {
        code: a.code,
        nameZh: a.name_zh,
        nameEn: a.name_en,
        class: cls,
        accounts: (prior?.accounts ?? 0) + 1,
        d,
        c,
        debits: m(d),
        credits: m(c),
        balance: m(normalBalance({ class: cls, debits: d, credits: c })),
      });
    }
    const classes = CLASS_ORDER.flatMap((cls): TrialBalanceClass[] => {
      const members = [...codes.values()].filter((x) => x.class === cls);
      if (members.length === 0) return [];
      const d = members.reduce((s, x) => s + x.d, 0n);
      const c = members.reduce((s, x) => s + x.c, 0n);
      return [
        {
          class: cls,
          normalSide: normalSideOf(cls),
          debits: m(d),
          credits: m(c),
          balance: m(normalBalance({ class: cls, debits: d, credits: c })),
        },
      ];
    });
    const debits = accounts.reduce((s, a) => s + a.posted_debits, 0n);
    const credits = accounts.reduce((s, a) => s + a.posted_credits, 0n);
    return {
      currency,
      classes,
      codes: [...codes.values()].map(({ d: _d, c: _c, ...rest }) => rest),
      debits: m(debits),
      credits: m(credits),
      difference: m(debits - credits),
      isBalanced: debits === credits,
    };
  });
}
