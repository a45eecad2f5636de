#!/usr/bin/env node
// The `onefin` command: runs the TypeScript sources through tsx (no build step for server code).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
