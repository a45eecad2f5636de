import { useSyncExternalStore } from 'react';

/** At most this many products side by side (more does not fit a phone, nor a reader). */
export const MAX_COMPARE = 4;

/** What the compare bar needs to show a pick without fetching it again. */
export interface ComparePick {
  id: string;
  nameZh: string;
  nameEn: string;
}

const STORAGE_KEY = 'onefin.compare';
let picks: readonly ComparePick[] = readStored();
const listeners = new Set<() => void>();

function readStored(): ComparePick[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (p): p is ComparePick =>
          typeof p === 'object' &&
          p !== null &&
          typeof p.id === 'string' &&
          typeof p.nameZh === 'string' &&
          typeof p.nameEn === 'string',
      )
      .slice(0, MAX_COMPARE);
  } catch {
    return [];
  }
}

function publish(next: readonly ComparePick[]): void {
  picks = next;
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage disabled: the picks last for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds a product to the comparison, or removes it when `isPicked` is false.
 * @returns `'full'` when four are already picked (the fifth is refused), else `'ok'`.
 */
export function setPicked(pick: ComparePick, isPicked: boolean): 'ok' | 'full' {
  const without = picks.filter((p) => p.id !== pick.id);
  if (!isPicked) {
    publish(without);
    return 'ok';
  }
  if (without.length !== picks.length) return 'ok';
  if (picks.length >= MAX_COMPARE) return 'full';
  publish([...picks, pick]);
  return 'ok';
}

export function clearPicks(): void {
  publish([]);
}

/** The products picked for comparison, in the order they were picked; kept for the browser tab. */
export function useComparePicks(): readonly ComparePick[] {
  return useSyncExternalStore(subscribe, () => picks);
}
