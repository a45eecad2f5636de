import { readFileSync } from 'node:fs';

/**
 * The functions a V8 CPU profile spent most of its samples in, by self time, and the same grouped
 * by package or source folder: `node --import tsx bench/profile-summary.ts F.cpuprofile [N]`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts F.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  const n = hits.get(node.id) ?? 0;
  if (n === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
  const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + n);
  const place =
    where.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ??
    (where.split('/').slice(0, 3).join('/') || functionName);
  byPlace.set(place, (byPlace.get(place) ?? 0) + n);
}
const show = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .map(([k, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`${total} samples\n\nby function (self)\n${show(byFunction)}\n\nby place\n${show(byPlace)}`);
