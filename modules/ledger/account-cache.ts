import { LRUCache } from 'lru-cache';
import type { AccountState } from './types.ts';

/**
 * Account states as the batched engine last wrote or read them. Never trusted on its own: every
 * write re-checks each account it changes against the database (decision 0011), so an entry made
 * stale by another process or an in-transaction posting costs one conflict and a fresh read.
 */
export interface AccountCache {
  get(id: string): AccountState | undefined;
  set(account: AccountState): void;
  delete(id: string): void;
}

export function createAccountCache(max = 100_000): AccountCache {
  const lru = new LRUCache<string, AccountState>({ max });
  return {
    get: (id) => lru.get(id),
    set: (account) => void lru.set(account.id, { ...account }),
    delete: (id) => void lru.delete(id),
  };
}
