export { CONSOLE_WEB_DIST, createConsoleApp, type ConsoleOptions } from './src/app.ts';
