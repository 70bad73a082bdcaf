/**
 * The reader's points do not wait for the plan (issue 13): a file chosen while the plan's data are still on their way
 * is drawn at once — the live map paints the base and the points (the first map, a picture of the plan's first view,
 * goes) — and the plan's layers join the same deck.gl overlay when their data arrive, the points still drawn.
 */
import { expect, test } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { expectClean, guardedPage, screenOf, useAtlas } from './harness';

const env = useAtlas({ page: false });

/** Three points in 成都 (WGS84). */
const POINTS: [number, number][] = [
	[104.0657, 30.6574],
	[104.1, 30.7],
	[103.95, 30.6]
];
const CSV = 'name,lon,lat\n' + POINTS.map(([lon, lat], i) => `点${i},${lon},${lat}`).join('\n') + '\n';

/** Whether a pixel near [lng, lat] on screen has (about) the first user layer's colour, drawn by deck.gl. */
async function drawnAt(page: Page, position: [number, number]): Promise<boolean> {
	const { x, y } = await screenOf(page, position);
	const png = PNG.sync.read(await page.screenshot({ clip: { x: x - 6, y: y - 6, width: 12, height: 12 } }));
	for (let i = 0; i < png.data.length; i += 4) {
		const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
		if (Math.hypot(r - 31, g - 119, b - 180) < 60) return true;
	}
	return false;
}

test('a file chosen while the plan data are delayed is drawn before them; the plan joins later', async () => {
	const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const { page, guard } = await guardedPage(context, env.origin);
	// the plan's files (the map file and the full records) are held until the points are on the map
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	await page.route(/\/data\/plan-(map|atlas)\.json$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(`${env.origin}/`, { waitUntil: 'domcontentloaded' });
	await page.waitForFunction(() => !!window.atlas, null, { timeout: 60_000 });
	// chosen as soon as the page can take it; `add` resolves only after the join, which needs the plan
	await page.evaluate((csv) => {
		void window.atlas!.data.add(csv, { name: 'early.csv' }).catch(() => undefined);
	}, CSV);
	await page.waitForFunction(() => document.documentElement.dataset.atlasReady === 'true', null, { timeout: 90_000 });
	await expect.poll(() => drawnAt(page, POINTS[0]), { timeout: 30_000 }).toBe(true);
	// still no plan: the points did not wait for it
	expect(await page.evaluate(() => document.documentElement.dataset.atlasPlanReady)).not.toBe('true');
	expect(await page.evaluate(() => !!document.getElementById('first-view'))).toBe(false);
	const layers = () => page.evaluate(() => window.atlas!.inspect.styleLayers());
	// deck.gl's layer group sits beneath the base labels while the plan's labels are not there
	expect(await layers()).toContain('deck-maplibre-layer-group-before:label-neighbours');
	expect(await layers()).not.toContain('plan-label-point');

	release();
	await page.waitForFunction(() => document.documentElement.dataset.atlasPlanReady === 'true', null, {
		timeout: 90_000
	});
	// the plan's layers joined the map; the points are still drawn, now just beneath the plan's labels
	await expect.poll(() => page.evaluate(() => window.atlas!.data.list().length)).toBe(1);
	for (const p of POINTS) await expect.poll(() => drawnAt(page, p), { timeout: 30_000 }).toBe(true);
	await expect
		.poll(async () => {
			const ids = await layers();
			return ids.indexOf('plan-label-point') - ids.indexOf('deck-maplibre-layer-group-before:plan-label-point');
		})
		.toBe(1);
	expect(await layers()).not.toContain('deck-maplibre-layer-group-before:label-neighbours');
	expectClean(guard);
	await context.close();
}, 240_000);
