import type { CurrencyCode } from '@onefin/kernel';
import type { Account, AccountId, InternalKey } from '@onefin/ledger';
import { LRUCache } from 'lru-cache';
import { DEFAULT_INVESTING_SETTINGS, type Deps, type InvestingDeps } from './model.ts';

export interface Context extends Deps {
  /** The group's internal accounts in a currency, looked up once per process. */
  internal(currency: CurrencyCode): Promise<Record<InternalKey, Account>>;
  /** The customer's cash account id (it never changes once opened), opened on first use. */
  cashAccountId(customerId: string, currency: CurrencyCode): Promise<AccountId>;
}

export function createContext(deps: InvestingDeps): Context {
  const internal = new Map<CurrencyCode, Promise<Record<InternalKey, Account>>>();
  const cashIds = new LRUCache<string, AccountId>({ max: 200_000 });
  return {
    ...deps,
    settings: { ...DEFAULT_INVESTING_SETTINGS, ...deps.settings },
    internal(currency) {
      let found = internal.get(currency);
      if (!found) {
        found = deps.ledger.ensureInternalAccounts(currency);
        found.catch(() => internal.delete(currency));
        internal.set(currency, found);
      }
      return found;
    },
    async cashAccountId(customerId, currency) {
      const key = `${customerId}:${currency}`;
      const known = cashIds.get(key);
      if (known) return known;
      const opened = (await deps.ledger.openCustomerCashAccount(customerId, currency)).id;
      cashIds.set(key, opened);
      return opened;
    },
  };
}
