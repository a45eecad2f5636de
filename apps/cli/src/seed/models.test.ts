import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../../test/platform.ts';
import { DEMO_MODEL_STAFF, seedModelVersions } from './models.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
  await p.staff(DEMO_MODEL_STAFF.maker, ['analyst']);
  await p.staff(DEMO_MODEL_STAFF.checker, ['risk_officer']);
}, 60_000);
afterAll(() => p.close());

describe('the demo models', () => {
  it('are activated through maker–checker, once', async () => {
    const seeded = await seedModelVersions(p.services, { rows: 1500 });
    expect(seeded.map((s) => [s.model, s.version])).toEqual([
      ['credit', 1],
      ['marketing', 1],
    ]);
    for (const model of ['credit', 'marketing'] as const) {
      const active = await p.services.models.activeVersion(model);
      expect(active).toMatchObject({ version: 1, status: 'active' });
      const approval = await p.services.identity.getApproval(active?.activationApprovalId as string);
      expect(approval).toMatchObject({ action: 'model.activate', status: 'approved' });
      expect(approval?.makerId).not.toBe(approval?.checkerId);
    }
    expect(await seedModelVersions(p.services, { rows: 1500 })).toEqual([]);
  }, 120_000);
});
