import { businessDateOf, type CurrencyCode, fail, type Money, newId, ok, type Result } from '@onefin/kernel';
import type { PaymentsError } from './errors.ts';
import {
  type Break,
  type BreakKind,
  type LedgerLine,
  matchDay,
  parseReconciliationFile,
} from './matching.ts';
import type { Deps, PaymentStatus } from './model.ts';
import { type BreakRow, paymentsDb, type RunRow } from './schema.ts';

export interface ReconciliationRun {
  id: string;
  businessDate: string;
  channel: string;
  requestedBy: string | null;
  channelLines: number;
  ledgerLines: number;
  matched: number;
  breakCount: number;
  /** Net movement that day, money into clearing positive, by the bank and by the ledger. */
  channelNet: Money;
  ledgerNet: Money;
  createdAt: Date;
}

export interface ReconciliationBreak {
  seq: number;
  kind: BreakKind;
  orderId: string | null;
  channelRef: string | null;
  ledgerTransferId: string | null;
  channelAmount: Money | null;
  ledgerAmount: Money | null;
  detail: string;
}

export type RunWithBreaks = ReconciliationRun & { breaks: ReconciliationBreak[] };

function toRun(r: RunRow): ReconciliationRun {
  const currency = r.currency as CurrencyCode;
  return {
    id: r.id,
    businessDate: r.business_date,
    channel: r.channel,
    requestedBy: r.requested_by,
    channelLines: r.channel_lines,
    ledgerLines: r.ledger_lines,
    matched: r.matched,
    breakCount: r.breaks,
    channelNet: { amount: r.channel_net, currency },
    ledgerNet: { amount: r.ledger_net, currency },
    createdAt: r.created_at,
  };
}

function toBreak(r: BreakRow): ReconciliationBreak {
  const currency = r.currency as CurrencyCode;
  const m = (v: bigint | null) => (v === null ? null : { amount: v, currency });
  return {
    seq: r.seq,
    kind: r.kind as BreakKind,
    orderId: r.order_id,
    channelRef: r.channel_ref,
    ledgerTransferId: r.ledger_transfer_id,
    channelAmount: m(r.channel_amount),
    ledgerAmount: m(r.ledger_amount),
    detail: r.detail,
  };
}

/** Every movement of the channel clearing account on the date, all pages of its statement. */
async function clearingLines(d: Deps, currency: CurrencyCode, date: string): Promise<LedgerLine[]> {
  const clearing = await d.clearingAccount(currency);
  const lines: LedgerLine[] = [];
  let before: bigint | undefined;
  do {
    const page = await d.ledger.statement(clearing.id, { from: date, to: date, before, limit: 500 });
    for (const l of page.lines) {
      lines.push({
        transferId: l.transferId,
        reference: l.reference,
        signedAmount: l.side === 'debit' ? l.amount.amount : -l.amount.amount,
      });
    }
    before = page.next;
  } while (before !== undefined);
  return lines;
}

/**
 * Reconciles one business date: the bank's file against the clearing account's movements and the
 * payment orders. Each call is a new run; the same books give the same breaks.
 */
export async function reconcile(
  d: Deps,
  businessDate: string,
  requestedBy: string | null,
): Promise<Result<RunWithBreaks, PaymentsError>> {
  if (businessDate > businessDateOf(d.clock.now())) return fail('business_date_in_future');
  const currency = d.channel.maxCharge.currency;
  const channel = parseReconciliationFile(await d.channel.reconciliationFile(businessDate)).filter(
    (l) => l.amount.currency === currency,
  );
  const ledger = await clearingLines(d, currency, businessDate);
  const ids = [...new Set([...channel.map((l) => l.requestId), ...ledger.flatMap((l) => l.reference ?? [])])];
  const orders =
    ids.length === 0
      ? []
      : await paymentsDb(d.db)
          .selectFrom('payments_orders')
          .select(['id', 'status'])
          .where('id', 'in', ids)
          .execute();
  const status = new Map(orders.map((o) => [o.id, o.status as PaymentStatus]));
  const { matched, breaks } = matchDay(channel, ledger, status);
  const channelNet = channel.reduce(
    (s, l) => s + (l.status === 'succeeded' ? (l.type === 'charge' ? 1n : -1n) * l.amount.amount : 0n),
    0n,
  );
  const ledgerNet = ledger.reduce((s, l) => s + l.signedAmount, 0n);

  const id = newId('rec');
  await d.db.transaction().execute(async (trx) => {
    const db = paymentsDb(trx);
    await db
      .insertInto('payments_reconciliation_runs')
      .values({
        id,
        business_date: businessDate,
        channel: d.channel.name,
        currency,
        requested_by: requestedBy,
        channel_lines: channel.length,
        ledger_lines: ledger.length,
        matched,
        breaks: breaks.length,
        channel_net: channelNet,
        ledger_net: ledgerNet,
        created_at: d.clock.now(),
      })
      .execute();
    if (breaks.length > 0) {
      await db
        .insertInto('payments_reconciliation_breaks')
        .values(breaks.map((b: Break, i) => ({ run_id: id, seq: i + 1, currency, ...toBreakRow(b) })))
        .execute();
    }
  });
  const run = await getRun(d, id);
  if (!run.ok) throw new Error(`reconciliation run ${id} vanished`);
  return run;
}

function toBreakRow(b: Break) {
  return {
    kind: b.kind,
    order_id: b.orderId,
    channel_ref: b.channelRef,
    ledger_transfer_id: b.ledgerTransferId,
    channel_amount: b.channelAmount,
    ledger_amount: b.ledgerAmount,
    detail: b.detail,
  };
}

/** Runs, newest first; `before` is the id of the last run already seen. Read from the replica. */
export async function listRuns(
  d: Deps,
  q: { before?: string | undefined; limit: number },
): Promise<{ items: ReconciliationRun[]; next?: string }> {
  let query = paymentsDb(d.reads)
    .selectFrom('payments_reconciliation_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toRun);
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}

export async function getRun(d: Deps, id: string): Promise<Result<RunWithBreaks, PaymentsError>> {
  const db = paymentsDb(d.db);
  const run = await db
    .selectFrom('payments_reconciliation_runs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!run) return fail('run_not_found');
  const breaks = await db
    .selectFrom('payments_reconciliation_breaks')
    .selectAll()
    .where('run_id', '=', id)
    .orderBy('seq')
    .execute();
  return ok({ ...toRun(run), breaks: breaks.map(toBreak) });
}
