/**
 * Benchmark of users' points (issue 13; prints figures, asserts nothing). Run after `npm run build` or let it build:
 *   npm run bench:user-data [-- --n 1000000 --pan-n 100000 --runs 1 --timeout 240 --no-build --no-join [--reuse BIG.json,PAN.json]]
 *   npm run bench:user-data -- --pan-only [--pan-n 100000 --runs 1 --timeout 240 --no-build]   (the pan pass alone)
 *   npm run bench:user-data -- --atlas-only [--n 1000000 --runs 1 --timeout 240 --no-build]   (the atlas alone)
 * The atlas is entered in the peers harness (../shared/peers, copied and built by ./peers.ts) at
 * `/?bench-points={n}`: the peers' own mulberry32 points (seed 20240601, Sichuan's box) read as a chosen CSV file
 * (src/lib/user-data/bench.ts), ready once drawn. One run of measure.mjs at --n (atlas, ECharts, kepler.gl, plain
 * MapLibre + deck.gl: ready and heap) and one at --pan-n (atlas, ECharts: pan frame p95); then --runs fresh
 * browsers open the atlas at --n for the issue's own figure, choice → drawn: from the `user-data:chosen` mark (the
 * atlas ready, the CSV file made and handed to atlas.data.add, as a reader choosing it) to `user-data:drawn` (a frame
 * rendered with the layer); then the issue's goals.
 *
 * What "ready" counts: for the peers, measure.mjs's ready (navigation → drawn, their data generated in the page); for
 * the atlas the same, which also counts the atlas's own page load and making the CSV file. Choice → drawn counts
 * reading the file in the worker (decoding, parsing, placing, converting), handing the positions to the page and
 * drawing them — not the page load, not making the file, not the join to the plans (which follows in the background).
 */
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, serveStatic } from '../../src/e2e/harness.ts';
import { DEFAULT_PEERS, preparePeers } from './peers.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const N = Number(option('--n')) || 1_000_000;
const PAN_N = Number(option('--pan-n')) || 100_000;
const RUNS = Number(option('--runs')) || 1;
const TIMEOUT = Number(option('--timeout')) || 240;
const PAN_ONLY = args.includes('--pan-only');
/** --atlas-only: the atlas's own figures (choice → drawn, → joined, heap, export), without the peers. */
const ATLAS_ONLY = args.includes('--atlas-only');
/** --no-join: skip waiting for the join to the plans (and the joined export) after the points are drawn. */
const JOIN = !args.includes('--no-join');
/**
 * measure.mjs skips the pan of a page ready after more than --interact-limit s (its default 30): the atlas at
 * --pan-n points is ready later than that under software GL (page load + making the CSV file + drawing), so the pan
 * pass lets every page that got ready within the timeout be panned.
 */
const PAN_ARGS = ['--interact-limit', String(TIMEOUT)];

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

function measure(dir: string, n: number, only: string, atlasUrl: string, extra: string[] = []): Promise<Result> {
	const out = join(tmpdir(), `atlas-user-points-${process.pid}-${n}.json`);
	console.log(`(measure.mjs writes ${out}: --reuse takes it)`);
	const argv = ['measure.mjs', '--n', String(n), '--runs', String(RUNS), '--only', only, '--url', `atlas=${atlasUrl}`];
	return new Promise((ok, fail) => {
		const child = spawn(process.execPath, [...argv, ...extra, '--timeout', String(TIMEOUT), '--out', out], {
			cwd: dir,
			stdio: ['ignore', 'inherit', 'inherit']
		});
		child.on('error', fail);
		child.on('exit', (code) =>
			code === 0 ? ok(JSON.parse(readFileSync(out, 'utf8')) as Result) : fail(new Error(`measure.mjs exited ${code}`))
		);
	});
}

/** Choice → drawn at n in a fresh browser per run (ms; the marks of src/lib/user-data/bench.ts), and the heap then. */
interface Joined {
	/** choice → the summary of every row (the join in the workers ended). */
	ms: number;
	/** The workers' own steps: building their index, joining their part (the slowest worker's). */
	indexMs: number;
	joinMs: number;
	/** The page's long tasks (ms) from the points drawn to the join's end, in order (the first are the map's own
	 * frames of the new layer, which the join does not cause). */
	tasksMs: number[];
	/** The joined CSV through atlas.data.exportJoined, and its size. */
	csvMs: number;
	csvMB: number;
}

async function choiceToDrawn(origin: string, n: number): Promise<{ ms: number[]; heapMB: number[]; joined: Joined[] }> {
	const out = { ms: [] as number[], heapMB: [] as number[], joined: [] as Joined[] };
	for (let r = 0; r < RUNS; r++) {
		const browser = await launchChromium();
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			// the page's long tasks, from the start (to find the longest while the join runs)
			await page.addInitScript(
				`window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });`
			);
			await page.goto(`${origin}/?bench-points=${n}`);
			await page.waitForSelector('html[data-atlas-ready="true"]', { timeout: TIMEOUT * 1000 });
			// a string: tsx would wrap a named inner function in its own helper, unknown in the page
			const ms = (await page.evaluate(
				`(() => { const [a] = performance.getEntriesByName('user-data:chosen', 'mark'); const [b] = performance.getEntriesByName('user-data:drawn', 'mark'); return a && b ? b.startTime - a.startTime : null; })()`
			)) as number | null;
			if (ms !== null) out.ms.push(ms);
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('HeapProfiler.collectGarbage');
			const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
			out.heapMB.push(heap.usedSize / 2 ** 20);
			if (JOIN) {
				// polled (waitForFunction with a string would eval, which the atlas's CSP refuses)
				const until = Date.now() + TIMEOUT * 1000;
				while (!(await page.evaluate(`performance.getEntriesByName('user-data:summary', 'mark').length > 0`))) {
					if (Date.now() > until) throw new Error(`the join did not end within ${TIMEOUT} s`);
					await new Promise((r) => setTimeout(r, 500));
				}
				const joined = (await page.evaluate(`(async () => {
					const at = (name) => performance.getEntriesByName('user-data:' + name, 'mark');
					const [chosen] = at('chosen');
					const [drawn] = at('drawn');
					const [summary] = at('summary');
					const detail = (name) => Math.max(0, ...at(name).map((m) => m.detail ?? 0));
					const during = window.__longTasks.filter(([t]) => t >= drawn.startTime && t <= summary.startTime);
					const id = window.atlas.data.list()[0].id;
					const t = performance.now();
					const csv = await window.atlas.data.export(id, 'csv');
					return {
						ms: summary.startTime - chosen.startTime,
						indexMs: detail('join-worker-index'),
						joinMs: detail('join-worker-join'),
						tasksMs: during.map(([, d]) => Math.round(d)),
						csvMs: performance.now() - t,
						csvMB: csv.length / 2 ** 20
					};
				})()`)) as Joined;
				out.joined.push(joined);
			}
		} finally {
			await browser.close();
		}
	}
	return out;
}
const median = (xs: number[]) => {
	const v = [...xs].sort((a, b) => a - b);
	return v.length ? (v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : undefined;
};

const s = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const of = (r: Result, name: string) => r.contestants[name]?.summary;

if (!args.includes('--no-build')) execSync('npm run build', { stdio: 'ignore' });
const server = await serveStatic('build');
try {
	if (ATLAS_ONLY) {
		const own = await choiceToDrawn(server.origin, N);
		console.log(
			`\natlas at ${N.toLocaleString('en')} points, ${own.ms.length} run(s): choice → drawn ${own.ms.map((m) => s(m)).join(', ')}; heap then ${own.heapMB.map((h) => h.toFixed(0)).join(', ')} MB`
		);
		for (const j of own.joined)
			console.log(
				`atlas choice → joined (every row, in the workers): ${s(j.ms)} (workers: index ${s(j.indexMs)}, join ${s(j.joinMs)}); page tasks over 50 ms from drawn to joined: ${j.tasksMs.join(', ') || 'none'} ms; joined CSV export ${s(j.csvMs)}, ${j.csvMB.toFixed(0)} MB`
			);
		process.exit(0);
	}
	const peers = await preparePeers(resolve(option('--peers') ?? DEFAULT_PEERS));
	if ('missing' in peers) throw new Error(peers.missing);
	const url = `${server.origin}/?bench-points={n}`;
	// --reuse BIG.json,PAN.json: the peers' figures of an earlier run (measure.mjs's output), only choice → drawn anew
	if (PAN_ONLY) {
		const pan = await measure(peers.dir, PAN_N, 'echarts', url, PAN_ARGS);
		const m = pan.machine;
		console.log(
			`\nusers' points, pan only (${pan.date.slice(0, 16).replace('T', ' ')} UTC; chromium ${m.chromium}, ${m.gl}, ${m.cpus} cores; ${RUNS} run(s), medians):\n`
		);
		const p95 = (name: string) => of(pan, name)?.frameP95?.median;
		for (const name of ['atlas', 'echarts'])
			console.log(`- ${name}: pan p95 at ${PAN_N.toLocaleString('en')}: ${p95(name)?.toFixed(0) ?? 'n/a'} ms`);
		const [ap, ep] = [p95('atlas'), p95('echarts')];
		console.log(`- goal pan p95 ≤ 2× ECharts: atlas/ECharts ${ap && ep ? (ap / ep).toFixed(2) : 'n/a'}`);
		process.exit(0);
	}
	const reuse = option('--reuse')?.split(',');
	const load = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Result;
	const big = reuse ? load(reuse[0]) : await measure(peers.dir, N, 'echarts,kepler,maplibre-deck', url);
	const pan = reuse ? load(reuse[1]) : await measure(peers.dir, PAN_N, 'echarts', url, PAN_ARGS);
	const own = await choiceToDrawn(server.origin, N);
	const cd = median(own.ms);
	const m = big.machine;
	console.log(
		`\nusers' points (${big.date.slice(0, 16).replace('T', ' ')} UTC; chromium ${m.chromium}, ${m.gl}, ${m.cpus} cores; ${RUNS} run(s), medians):\n`
	);
	console.log(
		`| contestant | ready at ${N.toLocaleString('en')} | choice → drawn at ${N.toLocaleString('en')} | heap MB at ${N.toLocaleString('en')} | pan p95 at ${PAN_N.toLocaleString('en')} |`
	);
	console.log('|---|---|---|---|---|');
	for (const name of ['atlas', 'echarts', 'kepler', 'maplibre-deck']) {
		const b = of(big, name);
		const p = of(pan, name);
		const fails = b?.failed ? ` (${b.failed} failed)` : '';
		console.log(
			`| ${name} | ${s(b?.readyMs?.median)}${fails} | ${name === 'atlas' ? s(cd) : '–'} | ${b?.heapMB ? b.heapMB.median.toFixed(0) : 'n/a'} | ${p?.frameP95 ? `${p.frameP95.median.toFixed(0)} ms` : 'n/a'} |`
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
	console.log(
		`\natlas choice → drawn, ${own.ms.length} run(s): ${own.ms.map((m) => s(m)).join(', ') || 'n/a'}; heap then ${own.heapMB.map((h) => h.toFixed(0)).join(', ')} MB`
	);
	for (const j of own.joined)
		console.log(
			`atlas choice → joined (every row, in the workers): ${s(j.ms)} (workers: index ${s(j.indexMs)}, join ${s(j.joinMs)}); page tasks over 50 ms from drawn to joined: ${j.tasksMs.join(', ') || 'none'} ms; joined CSV export ${s(j.csvMs)}, ${j.csvMB.toFixed(0)} MB`
		);
	console.log("\ngoals (choice → drawn against the peers' ready; whole-page ready in brackets):");
	console.log(
		`- ready ≤ ECharts: atlas/ECharts ${ratio(cd, er)} (${mark(cd && er ? cd <= er : null)}) [whole page ${ratio(ar, er)}: ${mark(ar && er ? ar <= er : null)}]`
	);
	console.log(
		`- ≥ 8× faster than kepler.gl: kepler/atlas ${ratio(kr, cd)} (${mark(cd && kr ? kr / cd >= 8 : null)}) [whole page ${ratio(kr, ar)}: ${mark(ar && kr ? kr / ar >= 8 : null)}]`
	);
	console.log(
		`- pan p95 ≤ 2× ECharts at ${PAN_N}: atlas/ECharts ${ratio(ap, ep)} (${mark(ap && ep ? ap <= 2 * ep : null)})`
	);
	const heap = a?.heapMB?.median;
	console.log(`- heap ≤ 300 MB at ${N}: ${heap ? heap.toFixed(0) : 'n/a'} MB (${mark(heap ? heap <= 300 : null)})`);
} finally {
	await server.close();
}
