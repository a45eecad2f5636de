import type { Language } from './i18n.ts';

/** `2025-03-01T08:30:00Z` → `2025/03/01 16:30` (zh-CN) or `Mar 1, 2025, 4:30 PM` (en), in the viewer's zone. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A decimal-string amount as money, e.g. `"1234.5"` CNY → `¥1,234.50`; never rounds through a float. */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const isNegative = amount.startsWith('-');
  const grouped = new Intl.NumberFormat(language).format(BigInt(whole));
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${isNegative ? '-' : ''}${symbol}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/**
 * A `data-testid` attribute for props objects that do not declare data attributes (antd's okButtonProps, onRow).
 * @example okButtonProps={{ ...testId('submit') }}
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}

/** `2025-03-01 16:30:05` in the viewer's zone: the compact, sortable form back-office tables use. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
