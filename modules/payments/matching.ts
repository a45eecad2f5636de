import { type CurrencyCode, type Money, parseMoney } from '@onefin/kernel';
import { type ChannelTransactionStatus, RECONCILIATION_HEADER } from './channel.ts';
import type { PaymentStatus } from './model.ts';

/** One line of the bank's reconciliation file. */
export interface ChannelLine {
  channelRef: string;
  requestId: string;
  type: 'charge' | 'payout';
  amount: Money;
  status: ChannelTransactionStatus;
  completedAt: Date;
}

/** One movement of the channel clearing account that day, money in positive. */
export interface LedgerLine {
  transferId: string;
  reference: string | null;
  signedAmount: bigint;
}

export type BreakKind = 'missing_in_ledger' | 'missing_in_channel' | 'amount_mismatch' | 'status_mismatch';

export interface Break {
  kind: BreakKind;
  orderId: string | null;
  channelRef: string | null;
  ledgerTransferId: string | null;
  /** Signed, money into clearing positive; null when that side has nothing. */
  channelAmount: bigint | null;
  ledgerAmount: bigint | null;
  detail: string;
}

/** Parses the bank's file; a malformed file is the bank's fault and stops the run (it throws). */
export function parseReconciliationFile(text: string): ChannelLine[] {
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header !== RECONCILIATION_HEADER) throw new Error(`unexpected reconciliation file header: ${header}`);
  return rows.map((row, i) => {
    const [channelRef, requestId, type, amount, currency, status, completedAt, ...rest] = row.split(',');
    const isValid =
      rest.length === 0 &&
      channelRef &&
      requestId &&
      (type === 'charge' || type === 'payout') &&
      amount &&
      currency &&
      (status === 'succeeded' || status === 'failed' || status === 'submitted') &&
      completedAt &&
      !Number.isNaN(Date.parse(completedAt));
    if (!isValid) throw new Error(`reconciliation file line ${i + 2} is malformed: ${row}`);
    return {
      channelRef,
      requestId,
      type,
      amount: parseMoney(amount, currency as CurrencyCode),
      status,
      completedAt: new Date(completedAt),
    };
  });
}

/** What the line did to OneFin's clearing account: a charge brings money in, a payout sends it out. */
export function signedChannelAmount(line: ChannelLine): bigint {
  if (line.status !== 'succeeded') return 0n;
  return line.type === 'charge' ? line.amount.amount : -line.amount.amount;
}

/**
 * Matches one day's bank lines against the clearing account's movements by order id (the bank's
 * request id, the ledger's reference) and against the orders' own status. Pure: same input, same
 * breaks, in the same order.
 */
export function matchDay(
  channel: readonly ChannelLine[],
  ledger: readonly LedgerLine[],
  orderStatus: ReadonlyMap<string, PaymentStatus>,
): { matched: number; breaks: Break[] } {
  const bank = new Map(channel.map((l) => [l.requestId, l]));
  const books = new Map<string, LedgerLine[]>();
  for (const l of ledger) {
    const key = l.reference ?? l.transferId;
    books.set(key, [...(books.get(key) ?? []), l]);
  }
  const keys = [...new Set([...bank.keys(), ...books.keys()])].sort();
  let matched = 0;
  const breaks: Break[] = [];
  for (const key of keys) {
    const b = bank.get(key);
    const lines = books.get(key) ?? [];
    const status = orderStatus.get(key);
    const net = lines.reduce((sum, l) => sum + l.signedAmount, 0n);
    const base = {
      orderId: b || status ? key : (lines[0]?.reference ?? null),
      channelRef: b?.channelRef ?? null,
      ledgerTransferId: lines.map((l) => l.transferId).join(' ') || null,
      channelAmount: b ? signedChannelAmount(b) : null,
      ledgerAmount: lines.length > 0 ? net : null,
    };
    if (!b) {
      breaks.push({ ...base, kind: 'missing_in_channel', detail: 'posted to clearing, unknown to the bank' });
    } else if (lines.length === 0) {
      if (b.status === 'failed') {
        if (status === 'succeeded')
          breaks.push({ ...base, kind: 'status_mismatch', detail: 'bank: failed, OneFin: succeeded' });
        else matched++;
      } else if (status && status !== 'succeeded') {
        breaks.push({ ...base, kind: 'status_mismatch', detail: `bank: ${b.status}, OneFin: ${status}` });
      } else {
        breaks.push({ ...base, kind: 'missing_in_ledger', detail: `bank ${b.type} not booked by OneFin` });
      }
    } else if (b.status === 'failed') {
      breaks.push({ ...base, kind: 'status_mismatch', detail: 'bank: failed, OneFin posted it' });
    } else if (net !== signedChannelAmount(b)) {
      breaks.push({ ...base, kind: 'amount_mismatch', detail: 'bank and ledger amounts differ' });
    } else if (status && status !== 'succeeded') {
      breaks.push({ ...base, kind: 'status_mismatch', detail: `bank: ${b.status}, OneFin: ${status}` });
    } else {
      matched++;
    }
  }
  return { matched, breaks };
}
