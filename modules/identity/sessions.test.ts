import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform({ loginRateLimitPerMinute: 8 });
});
afterAll(() => p.close());

const MINUTE = 60_000;

describe('session expiry', () => {
  it('a portal session ends after 30 idle minutes, but activity keeps it alive up to 12 hours', async () => {
    const { client } = await p.customer('13611110001');
    p.clock.advance(29 * MINUTE);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    p.clock.advance(29 * MINUTE); // 58 minutes after log-in, 29 after the last request
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    p.clock.advance(31 * MINUTE);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('no amount of activity stretches a session past its absolute lifetime', async () => {
    const { client } = await p.customer('13611110002');
    for (let i = 0; i < 12 * 3; i += 1) {
      p.clock.advance(20 * MINUTE);
      const res = await client.get('/api/v1/me');
      if (res.statusCode === 401) {
        expect(i * 20 + 20).toBeGreaterThanOrEqual(12 * 60);
        return;
      }
    }
    throw new Error('session outlived 12 hours');
  });
});

describe('login rate limit', () => {
  it('answers 429 problem+json once a client exceeds the per-minute limit', async () => {
    const client = p.portalClient();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      statuses.push(
        (await client.post('/api/v1/auth/login', { mobile: '13611110009', password: CUSTOMER_PASSWORD }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await client.post('/api/v1/auth/login', {
      mobile: '13611110009',
      password: CUSTOMER_PASSWORD,
    });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
  });
});
