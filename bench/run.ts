/**
 * `npm run bench -- <name>`: runs one benchmark from this folder and prints its figures as one JSON
 * line on stdout (progress and logs go to stderr). Figures are reported, never asserted.
 */
type Bench = () => Promise<Record<string, unknown>>;

export const BENCHES: Record<string, () => Promise<Bench>> = {
  api: async () => (await import('./api.ts')).runApiBench,
};

const benchName = process.argv[2];
const load = benchName ? BENCHES[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <name>   (one of: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
const figures = await (await load())();
process.stdout.write(`${JSON.stringify(figures)}\n`);
// open handles (database, timers) must not keep a finished benchmark alive
process.exit(0);
