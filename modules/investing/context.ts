import type { CurrencyCode } from '@onefin/kernel';
import type { Account, InternalKey } from '@onefin/ledger';
import { DEFAULT_INVESTING_SETTINGS, type Deps, type InvestingDeps } from './model.ts';

export interface Context extends Deps {
  /** The group's internal accounts in a currency, looked up once per process. */
  internal(currency: CurrencyCode): Promise<Record<InternalKey, Account>>;
}

export function createContext(deps: InvestingDeps): Context {
  const internal = new Map<CurrencyCode, Promise<Record<InternalKey, Account>>>();
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
  };
}
