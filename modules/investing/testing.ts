import { answersForLevel, INDIVIDUAL_QUESTIONNAIRE_V1 } from '@onefin/customers';
import type { TestClient } from '../../test/client.ts';
import { CUSTOMER_PASSWORD, type TestPlatform } from '../../test/platform.ts';
import { freshResidentId } from '../customers/testing.ts';
import { bindCard, cny, pay } from '../payments/testing.ts';

/** Test helpers: an investor as the portal makes one, and products with NAVs in the catalogue. */

export interface Investor {
  id: string;
  client: TestClient;
}

/**
 * A customer who registered, passed real-name verification, took the questionnaire at `level` and
 * topped up `cash` from a bound card: everything a purchase needs, through the portal's own API.
 */
export async function investor(
  p: TestPlatform,
  mobile: string,
  opts: { level?: 'C1' | 'C2' | 'C3' | 'C4' | 'C5'; cash?: string; name?: string } = {},
): Promise<Investor> {
  const c = await p.customer(mobile, opts.name ?? '投资人');
  const must = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.body}`);
  };
  must(
    await c.client.request('PATCH', '/api/v1/profile', { body: { idNumber: freshResidentId() } }),
    'profile',
  );
  must(await c.client.post('/api/v1/profile/real-name-verification'), 'verification');
  must(
    await c.client.post('/api/v1/risk-assessments', {
      questionnaireId: INDIVIDUAL_QUESTIONNAIRE_V1.id,
      answers: answersForLevel(INDIVIDUAL_QUESTIONNAIRE_V1, opts.level ?? 'C4', () => 0),
    }),
    'assessment',
  );
  if (opts.cash) {
    // The simulated bank takes at most 50,000.00 per payment.
    const card = await bindCard(c.client);
    let left = BigInt(opts.cash.replace('.', ''));
    for (let i = 0; left > 0n; i++) {
      const part = left > 5_000_000n ? 5_000_000n : left;
      const amount = `${part / 100n}.${String(part % 100n).padStart(2, '0')}`;
      must(
        await pay(
          c.client,
          '/api/v1/top-ups',
          { cardId: card.id, amount: cny(amount) },
          `top-${mobile}-${i}`,
        ),
        'top-up',
      );
      left -= part;
    }
  }
  return c;
}

/**
 * Logs the investor in again on a fresh client: a session lapses when a test moves the clock on by
 * days, as it would for a customer away that long.
 */
export async function logInAgain(p: TestPlatform, who: Investor, mobile: string): Promise<void> {
  const client = p.portalClient();
  const res = await client.post('/api/v1/auth/login', { mobile, password: CUSTOMER_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`log-in: ${res.body}`);
  who.client = client;
}

/** Loads products (on sale) and NAVs straight into the catalogue; returns ids by code. */
export async function loadCatalogue(
  p: TestPlatform,
  products: Record<string, unknown>[],
  navs: { fundCode: string; date: string; nav: string; per10kIncome?: string; yield7d?: string }[] = [],
): Promise<Record<string, string>> {
  const loaded = await p.services.products.bulkLoadProducts(products.map((input) => ({ input })));
  if (!loaded.ok) throw new Error(`catalogue: ${loaded.error} ${loaded.detail ?? ''}`);
  const withNavs = await p.services.products.bulkLoadNavs(
    navs.map((n) => ({
      fundCode: n.fundCode,
      date: n.date,
      nav: n.nav,
      accNav: n.nav,
      per10kIncome: n.per10kIncome ?? null,
      yield7d: n.yield7d ?? null,
    })),
  );
  if (!withNavs.ok) throw new Error(`navs: ${withNavs.error} ${withNavs.detail ?? ''}`);
  const ids: Record<string, string> = {};
  for (const [i, id] of loaded.value.ids.entries()) ids[String(products[i]?.code)] = id;
  return ids;
}

const yuanText = (fen: bigint) => {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** The customer's cash account as "my account" shows it, read from the ledger (no session needed). */
export async function cashOf(
  p: TestPlatform,
  customerId: string,
): Promise<{ balance: string; available: string }> {
  const a = await p.services.ledger.openCustomerCashAccount(customerId, 'CNY');
  return { balance: yuanText(a.balance.amount), available: yuanText(a.available.amount) };
}

let bulkSerial = 0;

/**
 * Many verified customers assessed at `level`, each with `cash` in their cash account, through the
 * customers module's bulk path and the ledger (what the seed does): for tests of hundreds of buyers.
 */
export async function bulkInvestors(
  p: TestPlatform,
  count: number,
  level: 'C1' | 'C2' | 'C3' | 'C4' | 'C5',
  cash: (i: number) => bigint,
): Promise<string[]> {
  const records = Array.from({ length: count }, () => {
    bulkSerial += 1;
    return {
      name: `批量客户${bulkSerial}`,
      idNumber: freshResidentId('19800101'),
      mobile: `139${String(process.pid % 10_000).padStart(4, '0')}${String(bulkSerial).padStart(4, '0')}`,
      isRealNameVerified: true,
    };
  });
  const created = await p.services.customers.createIndividualsBulk(records);
  const questionnaire = await p.services.customers.currentQuestionnaire('individual');
  await p.services.customers.recordAssessmentsBulk(
    created.map((c) => ({ customerId: c.id, answers: answersForLevel(questionnaire, level, () => 0) })),
  );
  const internal = await p.services.ledger.ensureInternalAccounts('CNY');
  await Promise.all(
    created.map(async (c, i) => {
      const amount = cash(i);
      if (amount === 0n) return;
      const account = await p.services.ledger.openCustomerCashAccount(c.id, 'CNY');
      const funded = await p.services.ledger.transfer({
        id: `test-cash:${c.id}`,
        debitAccountId: internal.channelClearing.id,
        creditAccountId: account.id,
        amount: { amount, currency: 'CNY' },
        code: 'topup',
      });
      if (!funded.ok) throw new Error(`funding ${c.id}: ${funded.error}`);
    }),
  );
  return created.map((c) => c.id);
}
