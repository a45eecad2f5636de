import type { Database } from '@onefin/db';
import { createTestDatabase } from '@onefin/db/testing';
import { createManualClock } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuditService, createAuditService } from './index.ts';

let db: Database;
let audit: AuditService;

beforeAll(async () => {
  db = await createTestDatabase();
  audit = createAuditService({
    db: db.primary,
    reads: db.replica,
    clock: createManualClock('2026-11-25T08:00:00Z'),
  });
});

// every test starts from the same five-event chain
beforeEach(async () => {
  await sql`DELETE FROM audit_events`.execute(db.primary);
  await sql`UPDATE audit_chain_head SET last_seq = 0, last_hash = ${'0'.repeat(64)}`.execute(db.primary);
  for (let i = 1; i <= 5; i += 1) {
    await audit.record({
      actorType: 'staff',
      actorId: `stf_${i}`,
      action: 'staff.login',
      outcome: 'success',
      detail: { n: i, nested: { b: 2, a: 1 } },
    });
  }
});
afterAll(() => db.close());

describe('the audit log is a hash chain', () => {
  it('verifies when untouched', async () => {
    expect(await audit.verify()).toEqual({ ok: true, checked: 5 });
  });

  it('hashes in the database exactly as verification does, whatever the text holds', async () => {
    const recorded = await audit.record({
      actorType: 'customer',
      actorId: 'cus_"quoted"\\back',
      action: 'portal.profile.update',
      targetType: 'customer',
      outcome: 'failure',
      detail: { 姓名: '张伟', note: 'line\nbreak, tab\t, emoji 🏦, quote "', empty: null },
      ip: '::1',
    });
    const sixth = await audit.record({
      actorType: 'system',
      actorId: 'eod',
      action: 'eod.run',
      outcome: 'success',
    });
    expect(recorded.seq).toBe(6n);
    expect(sixth.seq).toBe(7n);
    const listed = await audit.list({ limit: 2 });
    expect(listed.items.map((e) => e.hash)).toEqual([sixth.hash, recorded.hash]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 7 });
  });

  it('names the row whose content was changed', async () => {
    await sql`UPDATE audit_events SET actor_id = 'stf_evil' WHERE seq = 3`.execute(db.primary);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 3n, problem: 'hash_mismatch' });
  });

  it('names the gap where a row was deleted', async () => {
    await sql`DELETE FROM audit_events WHERE seq = 2`.execute(db.primary);
    expect(await audit.verify()).toMatchObject({ ok: false, seq: 2n, problem: 'missing_row' });
  });

  it('catches a rewritten row whose hash was recomputed, at the next link', async () => {
    // an attacker who edits row 2 and fixes its own hash still breaks row 3's link
    await sql`UPDATE audit_events SET hash = 'f00d' WHERE seq = 2`.execute(db.primary);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, seq: 2n });
  });

  it('catches the newest rows being deleted (the head no longer matches)', async () => {
    await sql`DELETE FROM audit_events WHERE seq = 5`.execute(db.primary);
    expect(await audit.verify()).toMatchObject({ ok: false, problem: 'head_mismatch' });
  });

  it('lists newest first with a cursor', async () => {
    const first = await audit.list({ limit: 2 });
    expect(first.items.map((e) => e.seq)).toEqual([5n, 4n]);
    const second = await audit.list({ limit: 2, before: first.next });
    expect(second.items.map((e) => e.seq)).toEqual([3n, 2n]);
    expect(second.items[0]?.detail).toEqual({ n: 3, nested: { a: 1, b: 2 } });
  });

  it('keeps one unbroken line under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.record({
          actorType: 'system',
          actorId: 'worker',
          action: 'job.run',
          outcome: 'success',
          detail: { i },
        }),
      ),
    );
    expect(await audit.verify()).toEqual({ ok: true, checked: 25 });
  });

  it('an event recorded inside a rolled-back transaction never existed', async () => {
    await expect(
      db.primary.transaction().execute(async (trx) => {
        await audit.record(
          { actorType: 'staff', actorId: 'stf_x', action: 'approval.approve', outcome: 'success' },
          trx,
        );
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await audit.verify()).toEqual({ ok: true, checked: 5 });
  });
});
