/**
 * The process eod-crash.test.ts kills: opens the PostgreSQL database in `DATABASE_URL`, wires the
 * platform with a clock at `EOD_NOW` and small chunks, and runs the end-of-day job for
 * `EOD_TRADE_DATE`. The parent kills it with SIGKILL while it is confirming.
 */
import { createDatabase } from '@onefin/db';
import { createManualClock } from '@onefin/kernel';
import { composeServices } from '@onefin/platform';

const url = process.env.DATABASE_URL;
const tradeDate = process.env.EOD_TRADE_DATE;
if (!url || !tradeDate || !process.env.EOD_NOW)
  throw new Error('set DATABASE_URL, EOD_TRADE_DATE and EOD_NOW');
const db = await createDatabase({ engine: 'postgres', url, poolSize: 4 });
const services = composeServices({
  db,
  // The job reads no personal data; the keys only have to be well-formed.
  secrets: { piiKey: Buffer.alloc(32, 7), piiHashKey: Buffer.alloc(32, 8), csrfSecret: Buffer.alloc(32, 9) },
  clock: createManualClock(process.env.EOD_NOW),
  investing: { settleChunk: Number(process.env.EOD_CHUNK ?? 50) },
});
const run = await services.investing.runEndOfDay(tradeDate);
process.stdout.write(`done ${run.status}\n`);
await db.close();
