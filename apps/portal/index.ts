export { createPortalApp, PORTAL_WEB_DIST, type PortalOptions } from './src/app.ts';
