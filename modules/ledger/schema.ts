import type { Selectable } from 'kysely';

/** The ledger's own tables; no other module reads or writes them. */
export type LedgerTables = {
  ledger_accounts: {
    id: string;
    /** Chart-of-accounts code (chart.ts). */
    code: string;
    name_zh: string;
    name_en: string;
    class: string;
    owner_type: string;
    /** The customer's id for customer accounts (a plain column: customers are another module's). */
    owner_id: string | null;
    currency: string;
    allow_negative: boolean;
    frozen: boolean;
    closed: boolean;
    posted_debits: bigint;
    posted_credits: bigint;
    /** Reserved by open holds: not yet posted, no longer available. */
    pending_debits: bigint;
    pending_credits: bigint;
    /** Number of entries posted to the account so far; each entry records the version it produced. */
    version: bigint;
    created_at: Date;
  };
  ledger_transfers: {
    /** The client's idempotency key. */
    id: string;
    debit_account_id: string;
    credit_account_id: string;
    amount: bigint;
    currency: string;
    code: string;
    reference: string | null;
    metadata: unknown;
    kind: string;
    /** The hold a post/void/expiry resolves, or the transfer a reversal undoes. */
    related_id: string | null;
    /** When an open hold lapses (holds only). */
    expires_at: Date | null;
    created_at: Date;
  };
  /** Holds not yet posted, voided or expired (their facts are in ledger_transfers). */
  ledger_holds: {
    id: string;
    debit_account_id: string;
    credit_account_id: string;
    amount: bigint;
    currency: string;
    expires_at: Date;
  };
  /** End-of-day balances, one row per account and business date (the warehouse's feed). */
  ledger_daily_balances: {
    business_date: string;
    account_id: string;
    code: string;
    class: string;
    owner_id: string | null;
    currency: string;
    balance: bigint;
    account_version: bigint;
    written_at: Date;
  };
  ledger_entries: {
    transfer_id: string;
    account_id: string;
    side: string;
    amount: bigint;
    currency: string;
    /** The account's balance on its normal side right after this entry. */
    balance_after: bigint;
    account_version: bigint;
    created_at: Date;
  };
};

export type AccountRow = Selectable<LedgerTables['ledger_accounts']>;
export type TransferRow = Selectable<LedgerTables['ledger_transfers']>;
