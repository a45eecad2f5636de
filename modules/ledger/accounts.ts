import type { CurrencyCode, Executor, Result } from '@onefin/kernel';
import { fail, newId, ok } from '@onefin/kernel';
import { type AccountClass, CHART, type ChartEntry, INTERNAL_KEYS, type InternalKey } from './chart.ts';
import { type Account, ledgerDb, toAccount } from './store.ts';
import type { AccountId } from './types.ts';

export interface AccountDeps {
  db: Executor;
  clock: { now(): Date };
}

/** What an account is opened with; the chart supplies it for every real account. */
export interface AccountSpec {
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  owner: { type: 'customer'; id: string } | { type: 'internal' };
  currency: CurrencyCode;
  allowNegative: boolean;
}

function specOf(entry: ChartEntry, owner: AccountSpec['owner'], currency: CurrencyCode): AccountSpec {
  const { code, nameZh, nameEn, allowNegative } = entry;
  return { code, nameZh, nameEn, class: entry.class, owner, currency, allowNegative };
}

/**
 * Opens an account, or returns the one already open under the same owner, currency and code: the
 * partial unique indexes make this safe when two requests race.
 */
export async function openAccount(d: AccountDeps, spec: AccountSpec): Promise<Account> {
  const db = ledgerDb(d.db);
  const ownerId = spec.owner.type === 'customer' ? spec.owner.id : null;
  await db
    .insertInto('ledger_accounts')
    .values({
      id: newId('acc'),
      code: spec.code,
      name_zh: spec.nameZh,
      name_en: spec.nameEn,
      class: spec.class,
      owner_type: spec.owner.type,
      owner_id: ownerId,
      currency: spec.currency,
      allow_negative: spec.allowNegative,
      frozen: false,
      closed: false,
      posted_debits: 0n,
      posted_credits: 0n,
      pending_debits: 0n,
      pending_credits: 0n,
      version: 0n,
      created_at: d.clock.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  let query = db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('owner_type', '=', spec.owner.type)
    .where('currency', '=', spec.currency)
    .where('code', '=', spec.code);
  query = ownerId === null ? query.where('owner_id', 'is', null) : query.where('owner_id', '=', ownerId);
  return toAccount(await query.executeTakeFirstOrThrow());
}

/** The customer's one cash account in this currency, opened on first use. */
export function openCustomerCashAccount(
  d: AccountDeps,
  customerId: string,
  currency: CurrencyCode,
): Promise<Account> {
  return openAccount(d, specOf(CHART.customerCash, { type: 'customer', id: customerId }, currency));
}

/**
 * The cash accounts already open for these customers in one read (what a burst of first orders
 * after a restart needs), keyed `customerId:currency`; opening the missing ones is the caller's.
 */
export async function findCustomerCashAccounts(
  d: AccountDeps,
  keys: readonly { customerId: string; currency: CurrencyCode }[],
): Promise<Map<string, Account>> {
  const rows = await ledgerDb(d.db)
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('owner_type', '=', 'customer')
    .where('code', '=', CHART.customerCash.code)
    .where('owner_id', '=', (eb) => eb.fn.any(eb.val([...new Set(keys.map((k) => k.customerId))])))
    .where('currency', 'in', [...new Set(keys.map((k) => k.currency))])
    .execute();
  return new Map(rows.map((r) => [`${r.owner_id}:${r.currency}`, toAccount(r)]));
}

/** The group's internal accounts in this currency, by chart key; creates any that are missing. */
export async function ensureInternalAccounts(
  d: AccountDeps,
  currency: CurrencyCode,
): Promise<Record<InternalKey, Account>> {
  const accounts: Partial<Record<InternalKey, Account>> = {};
  for (const key of INTERNAL_KEYS) {
    accounts[key] = await openAccount(d, specOf(CHART[key], { type: 'internal' }, currency));
  }
  return accounts as Record<InternalKey, Account>;
}

export async function getAccount(d: AccountDeps, id: string): Promise<Account | undefined> {
  const row = await ledgerDb(d.db)
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/**
 * Freezes or unfreezes an account: a frozen account takes part in no new transfer. Takes the row
 * lock a batch takes, so it lands between batches, never inside one.
 */
export async function setAccountFrozen(
  d: AccountDeps,
  id: AccountId,
  frozen: boolean,
): Promise<Result<Account, 'account_not_found'>> {
  const row = await ledgerDb(d.db)
    .updateTable('ledger_accounts')
    .set({ frozen })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? ok(toAccount(row)) : fail('account_not_found');
}
