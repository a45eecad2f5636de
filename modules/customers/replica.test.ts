import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { openIndividual } from './testing.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ replica: true });
});
afterAll(() => p.close());

describe('console search with a read replica', () => {
  it('searches the replica, while the profile (which carries the version to edit) reads the primary', async () => {
    const staff = (await p.staff('branch', ['branch'])).client;
    const opened = await openIndividual(staff, { name: '韩梅梅' });
    // primary and replica are independent copies here: the new customer exists only on the primary
    const search = await staff.get('/api/v1/customers?q=韩梅梅');
    expect(search.statusCode).toBe(200);
    expect(search.json<{ items: unknown[] }>().items).toEqual([]);
    const profile = await staff.get(`/api/v1/customers/${opened.id}`);
    expect(profile.json()).toMatchObject({ customer: { id: opened.id, name: '韩梅梅' } });
  });
});
