/**
 * Benchmark (prints figures; asserts nothing). Run after `npm run build` or let it build:
 *   npm run bench [-- --runs 7 --no-build]
 *   npm run bench -- --bytes [--no-build] [--plan]   every response of the first view, gzip size, largest first
 * Prints: build time; bytes (raw and gzip) of JS, CSS and data fetched for the first view; time from navigation to
 * `window.atlas.ready` in headless Chromium, median of alternating runs, next to a bare MapLibre page drawing the same
 * base geography (src/routes/test/bare). Headless Chromium draws WebGL in software here: compare within one run.
 *
 * First, the atlas beside its peers (issue 12): the peers harness (`--peers <dir>`, default ../shared/peers, copied to
 * a cache folder and built there; `--no-peers` skips it) measures ECharts, Leaflet, a plain MapLibre + deck.gl page and
 * the atlas (default layers, and every layer on) in one run, `--peer-runs` samples each (default 3); the bench adds
 * when the atlas's prerendered first map is on screen, and prints one table and the goals. `--peers-only`
 * stops there. Without a peers folder it says so and goes on with the atlas's own figures.
 * Last, the map without WebGL (./svg-map.ts): plan layers drawn, and redraws with and without 100 000 user points;
 * `--svg-only` runs just that.
 */
import { execSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { guardedPage, launchChromium, openAtlas, serveStatic } from '../../src/e2e/harness.ts';
import { ALL_LAYER_IDS } from '../../src/lib/atlas/plan/layer-defaults.ts';
import { goalLines, goalRatios, peerRows, peerTable } from './peer-figures.ts';
import { DEFAULT_PEERS, atlasFirstView, measurePeers, preparePeers } from './peers.ts';
import { svgMapFigures } from './svg-map.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs')) || 7;
const PEER_RUNS = Number(option('--peer-runs')) || 3;
/** The harness's point count: the atlas draws about 600 plan points, the peers 1 000 synthetic ones. */
const PEER_N = 1000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!args.includes('--no-build')) {
	const t0 = performance.now();
	execSync('npm run build', { stdio: 'ignore' });
	console.log(`build (data + vite): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (args.includes('--bytes')) {
	// Every response of the first view with its gzip size, largest first (scripts/bench/bytes.ts).
	const { firstViewResponses, printResponses } = await import('./bytes.ts');
	printResponses(await firstViewResponses('/', args.includes('--plan')));
	process.exit(0);
}

const server = await serveStatic('build');

if (args.includes('--svg-only')) {
	await svgMapFigures(server.origin);
	await server.close();
	process.exit(0);
}

/** The atlas beside ECharts, Leaflet and the plain MapLibre + deck.gl page, all from one run of the peers harness. */
async function peerFigures() {
	if (args.includes('--no-peers')) return;
	const peers = await preparePeers(resolve(option('--peers') ?? DEFAULT_PEERS));
	if ('missing' in peers) {
		console.log(`\npeers: ${peers.missing}; only the atlas's own figures follow (--peers <dir> names the harness).`);
		return;
	}
	console.log(
		`\npeers: ${PEER_RUNS} run(s) of measure.mjs in ${peers.dir}, n = ${PEER_N}, with the atlas at ${server.origin}/`
	);
	const result = await measurePeers(peers.dir, server.origin, { n: PEER_N, runs: PEER_RUNS, allLayers: ALL_LAYER_IDS });
	const own = await atlasFirstView(peers.dir, server.origin, PEER_RUNS);
	const rows = peerRows(result, {
		firstMap: median(own.map((o) => o.firstMap)),
		firstViewGz: median(own.map((o) => o.gzBytes))
	});
	console.log(
		`\nthe atlas beside its peers (${result.date.slice(0, 16).replace('T', ' ')} UTC, one run: chromium ${result.machine.chromium}, ${result.machine.gl}, ${result.machine.cpus} cores, 1280×800; medians of ${result.runs}; peers draw the 183 counties and ${result.n} points):\n`
	);
	console.log(peerTable(rows));
	console.log(
		`\nthe atlas's own first view (same browser, ${own.length} fresh ones): prerendered map on screen [${own.map((o) => o.firstMap.toFixed(0)).join(', ')}] ms, ready [${own.map((o) => o.ready.toFixed(0)).join(', ')}] ms, received by ready [${own.map((o) => (o.gzBytes / 1024).toFixed(0)).join(', ')}] KB gzip. The peers' map is on screen when they are ready; their bytes are all they fetch.`
	);
	console.log('\ngoals (issue 12):');
	for (const line of goalLines(goalRatios(rows))) console.log(line);
}

await peerFigures();
if (args.includes('--peers-only')) {
	await server.close();
	process.exit(0);
}
const browser = await launchChromium();

/** Files fetched from our origin until ready, by type, with sizes from disk (raw and gzip -9 as a server would send). */
async function firstViewBytes(path: string, plan = false) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page } = await guardedPage(context, server.origin);
	const urls = new Set<string>();
	page.on('requestfinished', (r) => urls.add(r.url()));
	await openAtlas(page, server.origin + path, { plan });
	await context.close();
	const rows = new Map<string, { raw: number; gzip: number; files: number }>();
	for (const url of urls) {
		const file = join('build', decodeURIComponent(new URL(url).pathname).replace(/\/$/, '/index.html'));
		if (!existsSync(file)) continue;
		const body = readFileSync(file);
		const type = /\.(m?js)$/.test(file)
			? 'js'
			: /\.css$/.test(file)
				? 'css'
				: /\.html$/.test(file)
					? 'html'
					: /\.pbf$/.test(file)
						? 'glyphs'
						: 'data';
		const row = rows.get(type) ?? { raw: 0, gzip: 0, files: 0 };
		row.raw += body.length;
		row.gzip += gzipSync(body, { level: 9 }).length;
		row.files++;
		rows.set(type, row);
	}
	return rows;
}

async function timeToReady(path: string, plan = false): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page } = await guardedPage(context, server.origin);
	const t0 = performance.now();
	await openAtlas(page, server.origin + path, { plan });
	const ms = performance.now() - t0;
	await context.close();
	return ms;
}

/** Click-to-panel latency and frames while panning with every layer on (in-page clocks; deck.gl and MapLibre
 * draw in software here, so frames are slow in absolute terms). */
async function interactionFigures() {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page } = await guardedPage(context, server.origin);
	await openAtlas(page, server.origin + '/', { plan: true });
	const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as {
		features: { properties: { id: string }; geometry: { coordinates: number[] } | null }[];
	};
	// A feature at its own known site: a click selects it (one standing in at a busy seat would open the seat's stack).
	const lianghekou = plan.features.find((f) => f.properties.id === 'hydro-station-lianghekou')!;
	const clicks: number[] = [];
	const ours: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.evaluate(
			(c) => window.atlas!.setState({ selected: null, view: { center: c, zoom: 9 } }),
			lianghekou.geometry!.coordinates
		);
		await page.evaluate(() => {
			const w = window as unknown as { __t: { click?: number; panel?: number; long: number } };
			w.__t = { long: 0 };
			document.querySelector('.maplibregl-canvas')!.addEventListener('click', () => (w.__t.click = performance.now()), {
				capture: true,
				once: true
			});
			new MutationObserver((_, obs) => {
				if (document.querySelector('aside.side-panel h2')) {
					w.__t.panel = performance.now();
					obs.disconnect();
				}
			}).observe(document.body, { childList: true, subtree: true });
			new PerformanceObserver(
				(l) => (w.__t.long = Math.max(w.__t.long, ...l.getEntries().map((e) => e.duration)))
			).observe({
				type: 'longtask'
			});
		});
		const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForSelector('aside.side-panel h2');
		const t = await page.evaluate(
			() => (window as unknown as { __t: { click: number; panel: number; long: number } }).__t
		);
		clicks.push(t.panel - t.click);
		ours.push(t.long);
	}
	console.log(
		`\nclick on 两河口水电站 → panel in the DOM (in-page, median of 5): ${median(clicks).toFixed(1)} ms  [${clicks.map((x) => x.toFixed(1)).join(', ')}]`
	);
	console.log(`  longest task during a click: ${median(ours).toFixed(0)} ms (median of 5)`);

	// The same spatial functions through window.atlas in the page (real data; Node figures: npm run bench:spatial).
	// A string, not a function: tsx would inject its `__name` helper into named inner functions.
	const queries = (await page.evaluate(`(async () => {
		const q = window.atlas.query;
		await q.at([102, 30]); // builds the index once
		const time = async (run) => {
			const xs = [];
			for (let i = 0; i < 21; i++) {
				const t0 = performance.now();
				await run();
				xs.push(performance.now() - t0);
			}
			return xs.sort((a, b) => a - b)[10];
		};
		const box = (x, y, d) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
		let i = 0;
		return {
			at: await time(() => q.at([98.5 + ((i++ * 0.37) % 9), 26.5 + ((i * 0.23) % 7.5)])),
			inside: await time(() => q.inside(box(101.6, 29.7, 0.5))),
			insideLarge: await time(() => q.inside(box(101, 29.5, 2)))
		};
	})()`)) as { at: number; inside: number; insideLarge: number };
	console.log(
		`\nspatial queries through window.atlas (real data, in-page, median of 21): query.at ${queries.at.toFixed(2)} ms; query.inside ${queries.inside.toFixed(2)} ms (~50 km square), ${queries.insideLarge.toFixed(2)} ms (~200 km)`
	);

	const all = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLInputElement>('input[data-layer]')].map((e) => e.dataset.layer!)
	);
	const defaults = await page.evaluate(() => window.atlas!.getState().layers);
	console.log('\npanning (20 drag steps at zoom 6.5; median frame interval, in-page; compare rows, not absolutes):');
	for (const [label, layers] of [
		['base map only', []],
		['default plan layers', defaults],
		[`all ${all.length} layers`, all]
	] as [string, string[]][]) {
		const f = await panFrames(page, layers);
		const sorted = [...f.frames].sort((a, b) => a - b);
		console.log(
			`  ${label.padEnd(20)} median ${median(f.frames).toFixed(0)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(0)} ms over ${f.frames.length} frames; long tasks > 50 ms: ${f.long.filter((d) => d > 50).length}`
		);
	}
	await tableFigures(page, all);
	await context.close();
}

/** The table with every layer on: a status click until the rows and the map follow, a sort, and scrolling frames. */
async function tableFigures(page: import('playwright-core').Page, layers: string[]) {
	await page.evaluate(
		(l) => window.atlas!.setState({ selected: null, layers: l, table: { open: true, filter: {}, sort: null } }),
		layers
	);
	await page.waitForSelector('[data-table-body] [data-row-id]');
	const count = () => page.locator('[data-table-count]').textContent();
	const clicks: number[] = [];
	const sorts: number[] = [];
	for (let i = 0; i < 5; i++) {
		for (const [times, click] of [
			[clicks, '[data-status-filter="table"] input[value="under_construction"]'],
			[sorts, '[data-sort="name"]']
		] as const) {
			const before = await count();
			const firstRow = await page.locator('[data-table-body] [data-row-id]').first().getAttribute('data-row-id');
			const t0 = await page.evaluate(() => performance.now());
			await page.locator(click).click();
			// the DOM has followed once the count or the first row changed; time it in the page, after the next frame
			await page.waitForFunction(
				([b, r]) =>
					document.querySelector('[data-table-count]')!.textContent !== b ||
					document.querySelector('[data-table-body] [data-row-id]')?.getAttribute('data-row-id') !== r,
				[before, firstRow]
			);
			const t1 = await page.evaluate(
				() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))
			);
			times.push(t1 - t0);
		}
	}
	await page.evaluate(() => window.atlas!.setState({ table: { filter: {}, sort: null } }));
	const frames = (await page.evaluate(`(async () => {
		const body = document.querySelector('[data-table-body]');
		const frames = [];
		let last = performance.now();
		for (let i = 0; i < 60; i++) {
			body.scrollTop += 90;
			await new Promise((r) => requestAnimationFrame(r));
			const now = performance.now();
			frames.push(now - last);
			last = now;
		}
		return frames;
	})()`)) as number[];
	const rows = await page.locator('[data-table-grid]').getAttribute('aria-rowcount');
	console.log(
		`\ntable (${Number(rows) - 1} rows, all layers; in-page, click to next frame, median of 5): status filter ${median(clicks).toFixed(0)} ms; sort by name ${median(sorts).toFixed(0)} ms; scrolling frame median ${median(frames).toFixed(0)} ms over 60 frames (${await page.locator('[data-table-body] [data-row-id]').count()} rows in the DOM)`
	);
	await page.evaluate(() => window.atlas!.setState({ table: { open: false } }));
}

/** Drags the map and records frame intervals and long tasks in the page. */
async function panFrames(page: import('playwright-core').Page, layers: string[]) {
	await page.evaluate(
		(l) => window.atlas!.setState({ selected: null, layers: l, view: { center: [103.5, 30.5], zoom: 6.5 } }),
		layers
	);
	// A string, not a function: tsx would inject its __name helper into a serialised function.
	await page.evaluate(`(() => {
		window.__f = { frames: [], long: [], on: true };
		let last = performance.now();
		requestAnimationFrame(function tick(now) {
			window.__f.frames.push(now - last);
			last = now;
			if (window.__f.on) requestAnimationFrame(tick);
		});
		new PerformanceObserver((l) => window.__f.long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
	})()`);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(cx, cy);
	await page.mouse.down();
	for (let i = 1; i <= 20; i++) await page.mouse.move(cx + i * 8, cy + i * 4);
	await page.mouse.up();
	return (await page.evaluate(`(() => { window.__f.on = false; return window.__f; })()`)) as {
		frames: number[];
		long: number[];
	};
}

try {
	const rows = await firstViewBytes('/');
	let raw = 0;
	let gz = 0;
	console.log('\nfirst view of / (what the browser fetched before ready):');
	for (const [type, r] of [...rows].sort()) {
		raw += r.raw;
		gz += r.gzip;
		console.log(
			`  ${type.padEnd(7)} ${String(r.files).padStart(3)} files  ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(10)} gzip`
		);
	}
	console.log(
		`  ${'total'.padEnd(7)}            ${kb(raw).padStart(10)} raw  ${kb(gz).padStart(10)} gzip  (goal ≤ 700 KB gzip)`
	);

	await timeToReady('/'); // warm the server and Chromium's caches equally for both pages
	await timeToReady('/test/bare/');
	const atlas: number[] = [];
	const bare: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		atlas.push(await timeToReady('/'));
		bare.push(await timeToReady('/test/bare/'));
	}
	const a = median(atlas);
	const b = median(bare);
	console.log(`\ntime from navigation to ready, median of ${RUNS} alternating runs (fresh context each):`);
	console.log(`  atlas /            ${a.toFixed(0)} ms   [${atlas.map((x) => x.toFixed(0)).join(', ')}]`);
	console.log(`  bare MapLibre page ${b.toFixed(0)} ms   [${bare.map((x) => x.toFixed(0)).join(', ')}]`);
	console.log(`  ratio              ${(a / b).toFixed(2)}× (goal ≤ 1.3×)`);
	const planTimes: number[] = [];
	for (let i = 0; i < 3; i++) planTimes.push(await timeToReady('/', true));
	console.log(
		`  atlas / with the default plan layers drawn (planReady), median of 3: ${median(planTimes).toFixed(0)} ms`
	);
	const later = await firstViewBytes('/', true);
	let laterGz = 0;
	for (const r of later.values()) laterGz += r.gzip;
	console.log(`  bytes fetched by planReady: ${kb(laterGz)} gzip in all (plan data, deck.gl, panels)`);

	await interactionFigures();
	await svgMapFigures(server.origin);
} finally {
	await browser.close();
	await server.close();
}
