/**
 * Every response the atlas's first view receives by `ready`, with its gzip size, largest first (issue 12).
 *   npx tsx scripts/bench/bytes.ts [path=/] [--plan]     (or `npm run bench -- --bytes`; needs build/)
 * Bytes are counted as the peers harness counts them (gzip level 6 of each response body), so the total is the
 * bench's "first view (gzip)". `--plan` waits for the plan layers instead and marks what arrived after `ready`.
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
		const seen: { response: Response; late: boolean }[] = [];
		let ready = false;
		page.on('response', (response) => seen.push({ response, late: ready }));
		await page.goto(server.origin + path, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(() => document.documentElement.dataset.atlasReady === 'true', null, {
			timeout: 90_000
		});
		ready = true;
		const byReady = seen.length;
		if (plan)
			await page.waitForFunction(() => document.documentElement.dataset.atlasPlanReady === 'true', null, {
				timeout: 90_000
			});
		const rows: ResponseSize[] = [];
		for (const [i, { response, late }] of (plan ? seen : seen.slice(0, byReady)).entries()) {
			const body = await response.body().catch(() => null);
			if (!body) continue;
			const url = new URL(response.url());
			rows.push({
				path: url.protocol.startsWith('http') ? url.pathname : `${url.protocol}…`,
				gzip: gzipSync(body, { level: 6 }).length,
				raw: body.length,
				late: late || i >= byReady
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
