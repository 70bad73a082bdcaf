/**
 * Runs the peers harness (ECharts, Leaflet and a plain MapLibre + deck.gl page drawing the same Sichuan counties and
 * 1 000 points; see its README) with the atlas entered as two more contestants, in one run, and measures what the
 * harness cannot: when the atlas's prerendered first map is on screen. The peers folder may be read-only: it is copied
 * to a cache folder, installed (`npm install`) and built (`node build.mjs`) there once, and again when it changes.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import type { PeerResult } from './peer-figures';
import { receivedBy } from './bytes.ts';

/** Where the peers harness is laid out next to the atlas's repository (read-only there). */
export const DEFAULT_PEERS = resolve('..', 'shared', 'peers');
/** The scratch copy: outside the repository, so the peers' esbuild does not pick up the atlas's tsconfig. */
const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'sichuan-atlas-peers');
/** What the harness is made of (the rest, node_modules/, site/, .cache/ and results/, is made here). */
const SOURCES = ['package.json', 'build.mjs', 'harness.mjs', 'measure.mjs', 'pages'];

function run(cmd: string, args: string[], cwd: string): Promise<void> {
	return new Promise((ok, fail) => {
		// asynchronous: the atlas's own server runs in this process and must keep answering
		const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('error', fail);
		child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
	});
}

/** Every file under a path, with its contents (to tell whether the cached copy is current). */
function snapshot(root: string): Map<string, string> {
	const files = new Map<string, string>();
	const walk = (rel: string) => {
		const abs = join(root, rel);
		if (!existsSync(abs)) return;
		if (statSync(abs).isDirectory()) for (const f of readdirSync(abs)) walk(join(rel, f));
		else files.set(rel, readFileSync(abs, 'utf8'));
	};
	for (const s of SOURCES) walk(s);
	return files;
}

const same = (a: Map<string, string>, b: Map<string, string>) =>
	a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * A ready-to-run copy of the peers harness at `source`, or null (with the reason) when there is none. Copies, installs
 * and builds only what changed since the last run.
 */
export async function preparePeers(source: string): Promise<{ dir: string } | { missing: string }> {
	if (!existsSync(join(source, 'measure.mjs'))) return { missing: `no peers harness at ${source}` };
	const wanted = snapshot(source);
	const cached = snapshot(CACHE);
	const changed = !same(wanted, cached);
	if (changed) {
		mkdirSync(CACHE, { recursive: true });
		for (const s of SOURCES)
			if (existsSync(join(source, s))) cpSync(join(source, s), join(CACHE, s), { recursive: true });
	}
	if (!existsSync(join(CACHE, 'node_modules')) || wanted.get('package.json') !== cached.get('package.json')) {
		console.log(`peers: npm install in ${CACHE}`);
		await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], CACHE);
	}
	if (changed || !existsSync(join(CACHE, 'site', 'versions.json'))) {
		console.log(`peers: node build.mjs in ${CACHE}`);
		await run(process.execPath, ['build.mjs'], CACHE);
	}
	return { dir: CACHE };
}

/**
 * One run of measure.mjs: ECharts, Leaflet and the plain MapLibre + deck.gl page at n points, and the atlas at `origin`
 * twice, with its default layers and with `allLayers` on (through a share link), alternating, a fresh browser each.
 */
export async function measurePeers(
	dir: string,
	origin: string,
	{ n, runs, allLayers }: { n: number; runs: number; allLayers: readonly string[] }
): Promise<PeerResult> {
	const out = join(tmpdir(), `atlas-peers-${process.pid}.json`);
	await run(
		process.execPath,
		[
			'measure.mjs',
			...['--n', String(n), '--runs', String(runs), '--only', 'echarts,leaflet,maplibre-deck'],
			...['--url', `atlas=${origin}/`, '--url', `atlas-all=${origin}/#v=1&layers=${allLayers.join(',')}`],
			// the atlas answers the harness's click with a panel, not __peerLastResponse: --timeout bounds that wait
			...['--timeout', '90', '--out', out]
		],
		dir
	);
	return JSON.parse(readFileSync(out, 'utf8')) as PeerResult;
}

/** Polls a page expression until it is not null (the page's CSP forbids the eval waitForFunction's strings need). */
async function poll<T>(page: Page, expression: string, what: string, ms = 90_000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const v = (await page.evaluate(expression)) as T | null;
		if (v != null) return v;
		if (Date.now() > until) throw new Error(`${what} not within ${ms / 1000} s`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** What the bench measures of the atlas itself, with the harness's browser: one entry per fresh browser. */
export interface FirstView {
	/** ms from navigation until the prerendered first map is on screen. */
	firstMap: number;
	/** ms until `ready` (the live base map drawn). */
	ready: number;
	/** gzip bytes (level 6, as the harness counts) of every response received by `ready`. */
	gzBytes: number;
}

/**
 * The atlas's first view, `runs` fresh browsers launched as the harness launches them. The first map is on screen in
 * the first frame after the parser has passed the first-view SVG, and not before the first contentful paint (the SVG
 * is in the HTML: no script of ours has run by then). Bytes are those received by `ready`: the harness counts the
 * atlas's bytes only once its plan layers are drawn.
 */
export async function atlasFirstView(dir: string, origin: string, runs: number): Promise<FirstView[]> {
	const harness = (await import(pathToFileURL(join(dir, 'harness.mjs')).href)) as { browser(): Promise<Browser> };
	const samples: FirstView[] = [];
	for (let i = 0; i < runs; i++) {
		const b = await harness.browser();
		try {
			const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
			await ctx.route(
				(u) => !u.href.startsWith(origin) && !/^(data|blob):/.test(u.protocol),
				(r) => r.abort()
			);
			// A string, not a function: tsx would inject its __name helper into a serialised function.
			await ctx.addInitScript(`(() => {
				let seen = false;
				const look = () => {
					const el = document.getElementById('first-view');
					// the SVG is whole once the parser has gone past it (a node after it exists) or parsing ended
					const passed = el && el.querySelector('svg') && (el.nextSibling || el.parentElement.nextSibling || document.readyState !== 'loading');
					if (seen || !passed) return;
					seen = true;
					requestAnimationFrame(() => (window.__firstViewFrameAt = performance.now()));
				};
				new MutationObserver(look).observe(document, { childList: true, subtree: true });
				document.addEventListener('readystatechange', look);
				new MutationObserver(() => {
					if (document.documentElement.dataset.atlasReady === 'true') window.__readyAt ??= performance.now();
				}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-atlas-ready'] });
			})()`);
			const page = await ctx.newPage();
			const responses: Response[] = [];
			page.on('response', (r) => responses.push(r));
			await page.goto(origin + '/', { waitUntil: 'commit' });
			const firstMap = await poll<number>(
				page,
				`window.__firstViewFrameAt != null && performance.getEntriesByName('first-contentful-paint').length
					? Math.max(window.__firstViewFrameAt, performance.getEntriesByName('first-contentful-paint')[0].startTime)
					: null`,
				'the first map on screen'
			);
			const ready = await poll<number>(page, 'window.__readyAt ?? null', 'atlas.ready');
			// received by `ready` by the network's timing: the poll notices `ready` up to ~50 ms late, and what the page
			// requests at `ready` (the plan's records, the detailed geography) arrives within that on a local server
			const readyEpoch = (await page.evaluate('performance.timeOrigin + window.__readyAt')) as number;
			let gzBytes = 0;
			for (const r of [...responses]) {
				const body = await r.body().catch(() => null);
				if (body && receivedBy(r, readyEpoch)) gzBytes += gzipSync(body, { level: 6 }).length;
			}
			samples.push({ firstMap, ready, gzBytes });
		} finally {
			await b.close();
		}
	}
	return samples;
}
