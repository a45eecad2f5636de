import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const SECRETS = {
  ONEFIN_PII_KEY: Buffer.alloc(32, 1).toString('base64'),
  ONEFIN_PII_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
  ONEFIN_CSRF_SECRET: Buffer.alloc(32, 3).toString('base64'),
};

describe('the demo clock setting', () => {
  it('takes an ISO 8601 instant with its offset', () => {
    const config = loadConfig({ ...SECRETS, ONEFIN_DEMO_CLOCK: '2026-11-10T09:30:00+08:00' });
    expect(config.ONEFIN_DEMO_CLOCK).toBe('2026-11-10T09:30:00+08:00');
    expect(loadConfig(SECRETS).ONEFIN_DEMO_CLOCK).toBeUndefined();
  });

  it('refuses a date without a time or an offset, naming the variable', () => {
    for (const value of ['2026-11-10', '2026-11-10T09:30:00', 'tomorrow'])
      expect(() => loadConfig({ ...SECRETS, ONEFIN_DEMO_CLOCK: value }), value).toThrow(
        /ONEFIN_DEMO_CLOCK=.*must be an ISO 8601 instant with an offset/,
      );
  });

  it('is never allowed in production', () => {
    expect(() =>
      loadConfig({ ...SECRETS, NODE_ENV: 'production', ONEFIN_DEMO_CLOCK: '2026-11-10T09:30:00+08:00' }),
    ).toThrow(/ONEFIN_DEMO_CLOCK: a movable demo clock is never allowed in production/);
  });
});
