import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's headers, computed once. @fastify/helmet re-runs helmet's policy parsing on every request
 * (about 7% of a trivial request's CPU here); the headers never change, so we collect them at start
 * and set them as a plain object. HSTS and upgrade-insecure-requests only when served over HTTPS,
 * or a plain-HTTP deployment on a LAN address would have its assets upgraded to https and break.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  const directives: Record<string, string[] | null> = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS injects style tags
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    upgradeInsecureRequests: https ? [] : null,
  };
  helmet({ contentSecurityPolicy: { directives }, strictTransportSecurity: https })(
    {} as IncomingMessage,
    response,
    () => undefined,
  );
  return headers;
}
