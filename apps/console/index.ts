export { CONSOLE_WEB_DIST, type ConsoleOptions, createConsoleApp } from './src/app.ts';
