import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { recordChanges } from './changes.ts';
import type { CustomersError } from './errors.ts';
import { refreshKyc } from './kyc.ts';
import type { Actor, Customer, CustomerStatus, Deps } from './model.ts';
import { loadCustomer, loadRows } from './records.ts';
import { canMoveTo } from './rules.ts';
import { customersDb } from './schema.ts';
import type { VerificationOutcome } from './verification.ts';

export interface Verification {
  id: string;
  provider: string;
  outcome: VerificationOutcome;
  reference: string;
  requestedByType: Actor['type'];
  requestedBy: string | null;
  channel: string;
  at: Date;
}

export type KycDocumentKind =
  | 'id_card_front'
  | 'id_card_back'
  | 'passport'
  | 'residence_permit'
  | 'business_licence'
  | 'authorisation_letter'
  | 'proof_of_address'
  | 'other';

/** A document seen for KYC: what it was and its fingerprint; the file itself lives elsewhere. */
export interface KycDocument {
  id: string;
  customerId: string;
  kind: KycDocumentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  recordedByType: Actor['type'];
  recordedBy: string | null;
  recordedAt: Date;
}

const actorId = (actor: Actor) => (actor.type === 'system' ? null : actor.id);

/**
 * Checks the customer's legal name and ID number (or USCC) with the registry and records the answer.
 * The provider is called outside any transaction (no lock held over a network call); if the identity
 * changed meanwhile, the answer is about stale data and the caller is told to retry.
 */
export async function verifyRealName(
  d: Deps,
  customerId: string,
  actor: Actor,
): Promise<Result<{ verification: Verification; customer: Customer }, CustomersError>> {
  const read = await loadRows(d.db, customerId);
  if (!read) return fail('customer_not_found');
  if (read.customer.status === 'closed') return fail('customer_closed');
  if (read.customer.real_name_status === 'verified') return fail('already_verified');
  const encrypted = read.individual?.id_number_enc;
  if (read.individual && !encrypted) return fail('identity_incomplete');
  const answer = read.corporate
    ? await d.verifier.verifyCorporate({
        name: read.customer.name,
        uscc: read.corporate.uscc,
        legalRepresentative: read.corporate.legal_representative,
      })
    : await d.verifier.verifyIndividual({
        name: read.customer.name,
        idNumber: d.pii.decrypt(encrypted ?? ''),
      });
  return d.db.transaction().execute(async (trx) => {
    const rows = await loadRows(trx, customerId, { forUpdate: true });
    if (!rows) return fail('customer_not_found');
    const same =
      rows.customer.name === read.customer.name &&
      rows.individual?.id_number_hash === read.individual?.id_number_hash &&
      rows.corporate?.uscc === read.corporate?.uscc;
    if (!same) return fail('version_conflict', 'the name or number changed while it was being verified');
    const now = d.clock.now();
    const verification: Verification = {
      id: newId('rnv'),
      provider: d.verifier.provider,
      outcome: answer.outcome,
      reference: answer.reference,
      requestedByType: actor.type,
      requestedBy: actorId(actor),
      channel: actor.channel ?? 'branch',
      at: now,
    };
    await customersDb(trx)
      .insertInto('customers_verifications')
      .values({
        id: verification.id,
        customer_id: customerId,
        provider: verification.provider,
        outcome: verification.outcome,
        reference: verification.reference,
        requested_by_type: verification.requestedByType,
        requested_by: verification.requestedBy,
        channel: verification.channel,
        at: now,
      })
      .execute();
    await refreshKyc(trx, rows, { realName: answer.outcome === 'match' ? 'verified' : 'failed' }, actor, now);
    return ok({ verification, customer: (await loadCustomer(trx, customerId)) as Customer });
  });
}

export async function addKycDocument(
  d: Deps,
  customerId: string,
  doc: Pick<KycDocument, 'kind' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256'>,
  actor: Actor,
): Promise<Result<KycDocument, CustomersError>> {
  const found = await loadRows(d.db, customerId);
  if (!found) return fail('customer_not_found');
  if (found.customer.status === 'closed') return fail('customer_closed');
  const document: KycDocument = {
    id: newId('doc'),
    customerId,
    ...doc,
    recordedByType: actor.type,
    recordedBy: actorId(actor),
    recordedAt: d.clock.now(),
  };
  await customersDb(d.db)
    .insertInto('customers_kyc_documents')
    .values({
      id: document.id,
      customer_id: customerId,
      kind: doc.kind,
      file_name: doc.fileName,
      content_type: doc.contentType,
      size_bytes: doc.sizeBytes,
      sha256: doc.sha256,
      recorded_by_type: actor.type,
      recorded_by: document.recordedBy,
      recorded_at: document.recordedAt,
    })
    .execute();
  return ok(document);
}

export async function listKyc(db: Executor, customerId: string) {
  const q = customersDb(db);
  const [documents, verifications] = await Promise.all([
    q
      .selectFrom('customers_kyc_documents')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute(),
    q
      .selectFrom('customers_verifications')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('at', 'desc')
      .execute(),
  ]);
  return {
    documents: documents.map(
      (r): KycDocument => ({
        id: r.id,
        customerId: r.customer_id,
        kind: r.kind as KycDocumentKind,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        recordedByType: r.recorded_by_type as Actor['type'],
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at,
      }),
    ),
    verifications: verifications.map(
      (r): Verification => ({
        id: r.id,
        provider: r.provider,
        outcome: r.outcome,
        reference: r.reference,
        requestedByType: r.requested_by_type as Actor['type'],
        requestedBy: r.requested_by,
        channel: r.channel,
        at: r.at,
      }),
    ),
  };
}

/** Staff move the lifecycle: dormant and back, or close; the reason goes into the change history. */
export async function changeStatus(
  d: Deps,
  customerId: string,
  input: { status: CustomerStatus; reason: string },
  actor: Actor,
  expectedVersion: number,
): Promise<Result<Customer, CustomersError>> {
  return d.db.transaction().execute(async (trx) => {
    const rows = await loadRows(trx, customerId, { forUpdate: true });
    if (!rows) return fail('customer_not_found');
    if (rows.customer.version !== expectedVersion) return fail('version_conflict');
    if (!canMoveTo(rows.customer.status, input.status))
      return fail('invalid_status_transition', `${rows.customer.status} → ${input.status}`);
    const now = d.clock.now();
    await customersDb(trx)
      .updateTable('customers_customers')
      .set({ status: input.status, updated_at: now, version: rows.customer.version + 1 })
      .where('id', '=', customerId)
      .execute();
    await recordChanges(
      trx,
      customerId,
      [
        { field: 'status', oldValue: rows.customer.status, newValue: input.status },
        { field: 'statusReason', oldValue: null, newValue: input.reason },
      ],
      actor,
      now,
    );
    return ok((await loadCustomer(trx, customerId)) as Customer);
  });
}
