import { LRUCache } from 'lru-cache';
import { DEFAULT_PRODUCTS_SETTINGS, type ProductsDeps, type ProductsSettings } from './model.ts';
import { productsDb } from './schema.ts';
import { createTradingCalendar, type TradingCalendar } from './trading-calendar.ts';

/**
 * The portal's catalogue answers, remembered for `catalogueCacheMs`: the supermarket list is the
 * hottest read and changes rarely. Any write in this process clears it at once; another process's
 * writes show within the TTL (as identity's session cache, decision 0008).
 */
export interface CatalogueCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  clear(): void;
}

function createCatalogueCache(ttlMs: number, max = 1000): CatalogueCache {
  if (ttlMs <= 0) return { get: () => undefined, set: () => undefined, clear: () => undefined };
  const cache = new LRUCache<string, { value: unknown }>({ max, ttl: ttlMs });
  return {
    get: <T>(key: string) => cache.get(key)?.value as T | undefined,
    set: (key, value) => void cache.set(key, { value }),
    clear: () => cache.clear(),
  };
}

/** The deps as the operations use them. */
export interface Deps extends Omit<ProductsDeps, 'settings'> {
  settings: ProductsSettings;
  cache: CatalogueCache;
  /** Customer facts for list markers only (see `markerProfileCacheMs`). */
  markerProfiles: CatalogueCache;
  /** The exchanges' calendar from `products_trading_holidays`, read once per process. */
  calendar(): Promise<TradingCalendar>;
}

export function createDeps(deps: ProductsDeps): Deps {
  const settings = { ...DEFAULT_PRODUCTS_SETTINGS, ...deps.settings };
  let calendar: Promise<TradingCalendar> | undefined;
  return {
    ...deps,
    settings,
    cache: createCatalogueCache(settings.catalogueCacheMs),
    markerProfiles: createCatalogueCache(settings.markerProfileCacheMs, 50_000),
    calendar() {
      calendar ??= productsDb(deps.db)
        .selectFrom('products_trading_holidays')
        .selectAll()
        .execute()
        .then((rows) =>
          createTradingCalendar(
            rows.map((r) => ({
              date: r.holiday_date,
              nameZh: r.name_zh,
              nameEn: r.name_en,
              provisional: r.provisional,
            })),
          ),
        );
      calendar.catch(() => {
        calendar = undefined;
      });
      return calendar;
    },
  };
}
