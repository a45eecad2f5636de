import { money, toMoneyDto } from '@onefin/kernel';
import type { Services } from '@onefin/platform';

/** The seeded manual adjustment: proposed by `operations`, approved by `ops2`. */
export const SEED_ADJUSTMENT = {
  maker: 'operations',
  checker: 'ops2',
  amount: money(5_000n, 'CNY'),
  reason: '充值到账延迟补偿：服务台工单 SD-20260001 核定，补偿 50 元',
  note: '已核对工单与补偿标准，同意',
} as const;

/** The seeded bank-side credit OneFin never booked: today's reconciliation shows it as a break. */
export const SEED_UNMATCHED_CHARGE = money(268_000n, 'CNY');

export async function staffNamed(services: Services, username: string) {
  const listed = (await services.identity.listStaff()).find((s) => s.username === username);
  // Read again from the primary: maker–checker checks the permissions the user holds now.
  const staff = listed && (await services.identity.getStaff(listed.id));
  if (!staff) throw new Error(`seed: no staff user ${username}`);
  return staff;
}

/**
 * A credit to the customer's cash account through maker–checker, so the approvals inbox has a
 * decided ledger proposal and the customer's statement an 调账 line.
 */
export async function seedAdjustment(services: Services, customerId: string): Promise<void> {
  const account = await services.ledger.openCustomerCashAccount(customerId, 'CNY');
  const ctx = { requestId: 'seed' };
  const proposed = await services.identity.propose(
    await staffNamed(services, SEED_ADJUSTMENT.maker),
    {
      action: 'ledger.adjust',
      payload: {
        accountId: account.id,
        direction: 'credit',
        amount: toMoneyDto(SEED_ADJUSTMENT.amount),
        reason: SEED_ADJUSTMENT.reason,
      },
    },
    ctx,
  );
  if (!proposed.ok) throw new Error(`seed: the adjustment was refused: ${proposed.error} ${proposed.detail}`);
  const decided = await services.identity.decide(
    await staffNamed(services, SEED_ADJUSTMENT.checker),
    { approvalId: proposed.value.id, decision: 'approve', note: SEED_ADJUSTMENT.note },
    ctx,
  );
  if (!decided.ok || decided.value.status !== 'approved')
    throw new Error(
      `seed: the adjustment was not approved: ${decided.ok ? decided.value.status : decided.error}`,
    );
}

/** A credit the bank reports and OneFin never saw: reconciling today shows `missing_in_ledger`. */
export async function seedReconciliationBreak(services: Services): Promise<void> {
  await services.paymentChannel.injectUnmatched({ kind: 'charge', amount: SEED_UNMATCHED_CHARGE });
}
