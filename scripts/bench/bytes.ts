/**
 * Every response the atlas's first view receives by `ready`, with its gzip size, largest first (issue 12).
 *   npx tsx scripts/bench/bytes.ts [path=/] [--plan]     (or `npm run bench -- --bytes`; needs build/)
 * Bytes are counted as the peers harness counts them (gzip level 6 of each response body), so the total is the
 * bench's "first view (gzip)". `--plan` waits for the plan layers instead and marks what arrived after `ready`. A
 * response counts by `ready` when the network finished receiving it by then (`receivedBy`).
 */
import { gzipSync } from 'node:zlib';
import { launchChromium, serveStatic } from '../../src/e2e/harness.ts';
import type { Response } from 'playwright-core';

export interface ResponseSize {
	path: string;
	gzip: number;
	raw: number;
	/** Received after `ready` (only when waiting for the plan layers). */
	late: boolean;
}

/**
 * Whether a response was wholly received by `epochMs` (the page's `performance.timeOrigin` + a `performance.now()`):
 * by the network's own timing, not by when the bench noticed `ready` (polling notices it up to tens of ms late, and the
 * files the page requests at `ready` come in within those on a local server). Call after its body has been read.
 */
export function receivedBy(response: Response, epochMs: number): boolean {
	const t = response.request().timing();
	const end = t.responseEnd >= 0 ? t.responseEnd : t.responseStart;
	return end < 0 || t.startTime + end <= epochMs;
}

/** Sizes of what `path` fetched from the served build until ready (or plan-ready), largest first. */
export async function firstViewResponses(path = '/', plan = false): Promise<ResponseSize[]> {
	const server = await serveStatic();
	const browser = await launchChromium();
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.route('**/*', (r) =>
			r.request().url().startsWith(server.origin) || /^(data|blob):/.test(r.request().url()) ? r.continue() : r.abort()
		);
		// when `ready` was set, on the page's clock (epoch ms), as the page saw it
		await context.addInitScript(`new MutationObserver(() => {
			if (document.documentElement.dataset.atlasReady === 'true') window.__readyEpoch ??= performance.timeOrigin + performance.now();
		}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-atlas-ready'] });`);
		const seen: Response[] = [];
		page.on('response', (response) => seen.push(response));
		await page.goto(server.origin + path, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(() => document.documentElement.dataset.atlasReady === 'true', null, {
			timeout: 90_000
		});
		if (plan)
			await page.waitForFunction(() => document.documentElement.dataset.atlasPlanReady === 'true', null, {
				timeout: 90_000
			});
		const readyEpoch = (await page.evaluate('window.__readyEpoch')) as number;
		const rows: ResponseSize[] = [];
		for (const response of [...seen]) {
			const body = await response.body().catch(() => null);
			if (!body) continue;
			const late = !receivedBy(response, readyEpoch);
			if (late && !plan) continue;
			const url = new URL(response.url());
			rows.push({
				path: url.protocol.startsWith('http') ? url.pathname : `${url.protocol}…`,
				gzip: gzipSync(body, { level: 6 }).length,
				raw: body.length,
				late
			});
		}
		await context.close();
		return rows.sort((a, b) => b.gzip - a.gzip);
	} finally {
		await browser.close();
		await server.close();
	}
}

export function printResponses(rows: ResponseSize[]): void {
	const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
	let gz = 0;
	let raw = 0;
	let lateGz = 0;
	console.log(`    gzip KB      raw KB  path`);
	for (const r of rows) {
		console.log(`  ${kb(r.gzip)}  ${kb(r.raw)}     ${r.path}${r.late ? '  (after ready)' : ''}`);
		if (r.late) lateGz += r.gzip;
		else {
			gz += r.gzip;
			raw += r.raw;
		}
	}
	console.log(`  ${kb(gz)}  ${kb(raw)}     first view (gzip), ${rows.filter((r) => !r.late).length} responses`);
	if (lateGz) console.log(`  ${kb(lateGz)}              after ready, by plan-ready`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const path = args.find((a) => !a.startsWith('--')) ?? '/';
	printResponses(await firstViewResponses(path, args.includes('--plan')));
}
