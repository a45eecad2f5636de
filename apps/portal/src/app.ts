import { fileURLToPath } from 'node:url';
import { customersPortalRoutes } from '@onefin/customers';
import type { Database } from '@onefin/db';
import { type App, createHttpApp, createIdempotencyKeys } from '@onefin/http';
import { identityPortalRoutes } from '@onefin/identity';
import { investingPortalRoutes } from '@onefin/investing';
import { ledgerPortalRoutes } from '@onefin/ledger';
import { paymentsPortalRoutes } from '@onefin/payments';
import type { Services } from '@onefin/platform';
import { productsPortalRoutes } from '@onefin/products';

export interface PortalOptions {
  services: Services;
  db: Database;
  csrfSecret: Buffer;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  logLevel: string;
  webDist?: string | undefined;
}

export const PORTAL_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** The customer portal: its own realm, writes and reads on the primary. */
export async function createPortalApp(opts: PortalOptions): Promise<App> {
  const app = await createHttpApp({
    name: 'portal',
    title: 'OneFin portal API',
    logLevel: opts.logLevel,
    readiness: [opts.db.primary],
    csrfSecret: opts.csrfSecret,
    secureCookies: opts.secureCookies,
    webDist: opts.webDist,
  });
  await app.register(identityPortalRoutes, {
    identity: opts.services.identity,
    secureCookies: opts.secureCookies,
    loginRateLimitPerMinute: opts.loginRateLimitPerMinute,
  });
  await app.register(customersPortalRoutes, {
    identity: opts.services.identity,
    customers: opts.services.customers,
    clock: opts.services.clock,
  });
  await app.register(ledgerPortalRoutes, { identity: opts.services.identity, ledger: opts.services.ledger });
  const idempotency = createIdempotencyKeys({ db: opts.db.primary, clock: opts.services.clock });
  await app.register(paymentsPortalRoutes, {
    identity: opts.services.identity,
    payments: opts.services.payments,
    idempotency,
  });
  await app.register(investingPortalRoutes, {
    identity: opts.services.identity,
    investing: opts.services.investing,
    idempotency,
  });
  await app.register(productsPortalRoutes, {
    identity: opts.services.identity,
    products: opts.services.products,
    clock: opts.services.clock,
  });
  return app;
}
