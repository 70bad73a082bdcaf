/**
 * Benchmark (prints figures; asserts nothing). Run after `npm run build` or let it build:
 *   npm run bench [-- --runs 7 --no-build]
 * Prints: build time; bytes (raw and gzip) of JS, CSS and data fetched for the first view; time from navigation to
 * `window.atlas.ready` in headless Chromium, median of alternating runs, next to a bare MapLibre page drawing the same
 * base geography (src/routes/test/bare). Headless Chromium draws WebGL in software here: compare within one run.
 */
import { execSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { guardedPage, launchChromium, openAtlas, serveStatic } from '../../src/e2e/harness.ts';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!args.includes('--no-build')) {
	const t0 = performance.now();
	execSync('npm run build', { stdio: 'ignore' });
	console.log(`build (data + vite): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const server = await serveStatic('build');
const browser = await launchChromium();

/** Files fetched from our origin until ready, by type, with sizes from disk (raw and gzip -9 as a server would send). */
async function firstViewBytes(path: string) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page } = await guardedPage(context, server.origin);
	const urls = new Set<string>();
	page.on('requestfinished', (r) => urls.add(r.url()));
	await openAtlas(page, server.origin + path);
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

async function timeToReady(path: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page } = await guardedPage(context, server.origin);
	const t0 = performance.now();
	await openAtlas(page, server.origin + path);
	const ms = performance.now() - t0;
	await context.close();
	return ms;
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
} finally {
	await browser.close();
	await server.close();
}
