import { fileURLToPath } from 'node:url';
import { auditConsoleRoutes } from '@onefin/audit';
import { customersConsoleRoutes } from '@onefin/customers';
import type { Database } from '@onefin/db';
import { type App, createHttpApp, createIdempotencyKeys } from '@onefin/http';
import { identityConsoleRoutes, requireStaff } from '@onefin/identity';
import { investingConsoleRoutes } from '@onefin/investing';
import type { MovableClock } from '@onefin/kernel';
import { ledgerConsoleRoutes } from '@onefin/ledger';
import { modelsConsoleRoutes } from '@onefin/models';
import { paymentsConsoleRoutes } from '@onefin/payments';
import type { Services } from '@onefin/platform';
import { productsConsoleRoutes } from '@onefin/products';
import { demoClockRoutes } from './demo-clock.ts';

export interface ConsoleOptions {
  services: Services;
  db: Database;
  csrfSecret: Buffer;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  logLevel: string;
  webDist?: string | undefined;
  /** The movable demo clock of `onefin start --clock` (the services run on it); its route exists only then. */
  demoClock?: MovableClock | undefined;
}

export const CONSOLE_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** The staff console: its own realm; list screens read from the replica (services' `reads`). */
export async function createConsoleApp(opts: ConsoleOptions): Promise<App> {
  const { identity, audit } = opts.services;
  const app = await createHttpApp({
    name: 'console',
    title: 'OneFin console API',
    logLevel: opts.logLevel,
    readiness: opts.db.replica === opts.db.primary ? [opts.db.primary] : [opts.db.primary, opts.db.replica],
    csrfSecret: opts.csrfSecret,
    secureCookies: opts.secureCookies,
    webDist: opts.webDist,
  });
  // Every state-changing staff request leaves an audit row, whatever the module; domain events
  // (approval.approve, …) say what it meant, this says that it happened and how it ended.
  // Written in onSend, before the response leaves: nothing a staff member was told happened is unaudited.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.staff || request.method === 'GET' || request.method === 'HEAD') return payload;
    if (request.routeOptions.config.isReadOnly) return payload;
    if (request.routeOptions.config.auditedInline && reply.statusCode < 400) return payload;
    await audit.record({
      actorType: 'staff',
      actorId: request.staff.id,
      action: 'staff.request',
      targetType: 'route',
      targetId: `${request.method} ${request.routeOptions.url ?? ''}`,
      outcome: reply.statusCode < 400 ? 'success' : reply.statusCode === 403 ? 'denied' : 'failure',
      detail: { status: reply.statusCode, params: request.params ?? {} },
      ip: request.ip,
      requestId: request.id,
    });
    return payload;
  });
  await app.register(identityConsoleRoutes, {
    identity,
    audit,
    secureCookies: opts.secureCookies,
    loginRateLimitPerMinute: opts.loginRateLimitPerMinute,
  });
  await app.register(auditConsoleRoutes, {
    audit,
    canRead: requireStaff(identity, audit, 'audit.read'),
    canVerify: requireStaff(identity, audit, 'audit.verify'),
  });
  await app.register(customersConsoleRoutes, {
    identity,
    audit,
    customers: opts.services.customers,
    clock: opts.services.clock,
  });
  await app.register(ledgerConsoleRoutes, {
    identity,
    audit,
    ledger: opts.services.ledger,
    reads: opts.db.replica,
  });
  await app.register(paymentsConsoleRoutes, { identity, audit, payments: opts.services.payments });
  await app.register(productsConsoleRoutes, {
    identity,
    audit,
    products: opts.services.products,
    clock: opts.services.clock,
  });
  // Orders move money, so they are written on the primary; searches read the replica.
  await app.register(investingConsoleRoutes, {
    identity,
    audit,
    investing: opts.services.investing,
    idempotency: createIdempotencyKeys({ db: opts.db.primary, clock: opts.services.clock }),
  });
  if (opts.demoClock)
    await app.register(demoClockRoutes, {
      identity,
      audit,
      clock: opts.demoClock,
      products: opts.services.products,
    });
  await app.register(modelsConsoleRoutes, { identity, audit, models: opts.services.models });
  return app;
}
