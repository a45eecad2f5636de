import type { CurrencyCode } from '@onefin/kernel';
import type { Account, AccountId, InternalKey } from '@onefin/ledger';
import type { Product } from '@onefin/products';
import { LRUCache } from 'lru-cache';
import { DEFAULT_INVESTING_SETTINGS, type Deps, type InvestingDeps } from './model.ts';
import { createOrderWriter, type OrderWriter } from './orders.ts';

export interface Context extends Deps {
  /** The group's internal accounts in a currency, looked up once per process. */
  internal(currency: CurrencyCode): Promise<Record<InternalKey, Account>>;
  /** The customer's cash account id (it never changes once opened), opened on first use. */
  cashAccountId(customerId: string, currency: CurrencyCode): Promise<AccountId>;
  /**
   * A product as the portal sells it. Concurrent reads of one product share a single query (a read
   * that started no earlier than the caller's request), so a burst of orders reads it once.
   */
  catalogueProduct(idOrCode: string): Promise<Product | undefined>;
  /** Submitted orders and their move to pending, many per statement under load. */
  orders: OrderWriter;
}

export function createContext(deps: InvestingDeps): Context {
  const internal = new Map<CurrencyCode, Promise<Record<InternalKey, Account>>>();
  const cashIds = new LRUCache<string, AccountId>({ max: 200_000 });
  const reading = new Map<string, Promise<Product | undefined>>();
  const base: Deps = { ...deps, settings: { ...DEFAULT_INVESTING_SETTINGS, ...deps.settings } };
  return {
    ...base,
    orders: createOrderWriter(base),
    internal(currency) {
      let found = internal.get(currency);
      if (!found) {
        found = deps.ledger.ensureInternalAccounts(currency);
        found.catch(() => internal.delete(currency));
        internal.set(currency, found);
      }
      return found;
    },
    catalogueProduct(idOrCode) {
      const inFlight = reading.get(idOrCode);
      if (inFlight) return inFlight;
      const read = deps.products.catalogueProduct(idOrCode).finally(() => reading.delete(idOrCode));
      reading.set(idOrCode, read);
      return read;
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
