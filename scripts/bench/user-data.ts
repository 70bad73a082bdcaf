/**
 * Benchmark of users' points (issue 13; prints figures, asserts nothing). Run after `npm run build` or let it build:
 *   npm run bench:user-data [-- --n 1000000 --pan-n 100000 --runs 1 --timeout 240 --no-build]
 * The atlas is entered in the peers harness (../shared/peers, copied and built by ./peers.ts) at
 * `/?bench-points={n}`: the peers' own mulberry32 points (seed 20240601, Sichuan's box) read as a chosen CSV file
 * (src/lib/user-data/bench.ts), ready once drawn. One run of measure.mjs at --n (atlas, ECharts, kepler.gl, plain
 * MapLibre + deck.gl: ready and heap) and one at --pan-n (atlas, ECharts: pan frame p95), then the issue's goals.
 */
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../src/e2e/harness.ts';
import { DEFAULT_PEERS, preparePeers } from './peers.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const N = Number(option('--n')) || 1_000_000;
const PAN_N = Number(option('--pan-n')) || 100_000;
const RUNS = Number(option('--runs')) || 1;
const TIMEOUT = Number(option('--timeout')) || 240;

interface Span {
	median: number;
}
interface Summary {
	ok: number;
	failed: number;
	readyMs: Span | null;
	heapMB?: Span | null;
	frameP95: Span | null;
}
interface Result {
	date: string;
	n: number;
	machine: { cpus: number; chromium: string; gl: string };
	contestants: Record<string, { summary: Summary }>;
}

function measure(dir: string, n: number, only: string, atlasUrl: string): Promise<Result> {
	const out = join(tmpdir(), `atlas-user-points-${process.pid}-${n}.json`);
	const argv = ['measure.mjs', '--n', String(n), '--runs', String(RUNS), '--only', only, '--url', `atlas=${atlasUrl}`];
	return new Promise((ok, fail) => {
		const child = spawn(process.execPath, [...argv, '--timeout', String(TIMEOUT), '--out', out], {
			cwd: dir,
			stdio: ['ignore', 'inherit', 'inherit']
		});
		child.on('error', fail);
		child.on('exit', (code) =>
			code === 0 ? ok(JSON.parse(readFileSync(out, 'utf8')) as Result) : fail(new Error(`measure.mjs exited ${code}`))
		);
	});
}

const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const of = (r: Result, name: string) => r.contestants[name]?.summary;

if (!args.includes('--no-build')) execSync('npm run build', { stdio: 'ignore' });
const server = await serveStatic('build');
try {
	const peers = await preparePeers(resolve(option('--peers') ?? DEFAULT_PEERS));
	if ('missing' in peers) throw new Error(peers.missing);
	const url = `${server.origin}/?bench-points={n}`;
	const big = await measure(peers.dir, N, 'echarts,kepler,maplibre-deck', url);
	const pan = await measure(peers.dir, PAN_N, 'echarts', url);
	const m = big.machine;
	console.log(
		`\nusers' points (${big.date.slice(0, 16).replace('T', ' ')} UTC; chromium ${m.chromium}, ${m.gl}, ${m.cpus} cores; ${RUNS} run(s), medians):\n`
	);
	console.log(
		`| contestant | ready at ${N.toLocaleString('en')} | heap MB at ${N.toLocaleString('en')} | pan p95 at ${PAN_N.toLocaleString('en')} |`
	);
	console.log('|---|---|---|---|');
	for (const name of ['atlas', 'echarts', 'kepler', 'maplibre-deck']) {
		const b = of(big, name);
		const p = of(pan, name);
		const fails = b?.failed ? ` (${b.failed} failed)` : '';
		console.log(
			`| ${name} | ${s(b?.readyMs?.median)}${fails} | ${b?.heapMB ? b.heapMB.median.toFixed(0) : 'n/a'} | ${p?.frameP95 ? `${p.frameP95.median.toFixed(0)} ms` : 'n/a'} |`
		);
	}
	const a = of(big, 'atlas');
	const e = of(big, 'echarts');
	const k = of(big, 'kepler');
	const ap = of(pan, 'atlas')?.frameP95?.median;
	const ep = of(pan, 'echarts')?.frameP95?.median;
	const ratio = (x?: number, y?: number) => (x && y ? (x / y).toFixed(2) : 'n/a');
	const mark = (okay: boolean | null) => (okay === null ? '?' : okay ? 'met' : 'NOT met');
	const ar = a?.readyMs?.median;
	const er = e?.readyMs?.median;
	const kr = k?.readyMs?.median;
	console.log('\ngoals:');
	console.log(`- ready ≤ ECharts: atlas/ECharts ${ratio(ar, er)} (${mark(ar && er ? ar <= er : null)})`);
	console.log(`- ≥ 8× faster than kepler.gl: kepler/atlas ${ratio(kr, ar)} (${mark(ar && kr ? kr / ar >= 8 : null)})`);
	console.log(
		`- pan p95 ≤ 2× ECharts at ${PAN_N}: atlas/ECharts ${ratio(ap, ep)} (${mark(ap && ep ? ap <= 2 * ep : null)})`
	);
	const heap = a?.heapMB?.median;
	console.log(`- heap ≤ 300 MB at ${N}: ${heap ? heap.toFixed(0) : 'n/a'} MB (${mark(heap ? heap <= 300 : null)})`);
} finally {
	await server.close();
}
