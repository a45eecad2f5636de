/**
 * `npm run bench -- <name>`: runs one benchmark from this folder and prints its figures as one JSON
 * line on stdout, or one line per case for a bench with several (progress and logs go to stderr).
 * Figures are reported, never asserted.
 */
type Figures = Record<string, unknown>;
type Bench = () => Promise<Figures | Figures[]>;

export const BENCHES: Record<string, () => Promise<Bench>> = {
  api: async () => (await import('./api.ts')).runApiBench,
  catalogue: async () => (await import('./catalogue.ts')).runCatalogueBench,
  ledger: async () => (await import('./ledger.ts')).runLedgerBench,
  models: async () => (await import('./models.ts')).runModelsBench,
  orders: async () => (await import('./orders.ts')).runOrdersBench,
};

const benchName = process.argv[2];
const load = benchName ? BENCHES[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <name>   (one of: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
const figures = await (await load())();
for (const line of Array.isArray(figures) ? figures : [figures]) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
// open handles (database, timers) must not keep a finished benchmark alive
process.exit(0);
