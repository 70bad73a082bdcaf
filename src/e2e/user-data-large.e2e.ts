/**
 * A large table of points (issue 13), past the size whose rows cross from the worker packed (./packed-rows.ts): the
 * worker places the points, the map draws them before the join, the summary follows; the row under the pointer shows
 * its fields as text (read from the packed rows); the joined CSV has every row; a reload reads the kept file again.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectClean, guardedPage, launchChromium, openAtlas, screenOf, serveStatic } from './harness';
import type { PageGuard, StaticServer } from './harness';
import { PACK_ROWS_OVER } from '../lib/user-data/packed-rows';

const N = PACK_ROWS_OVER + 5000;
const HOSTILE = '<img src=x onerror=alert(1)>';
/** N points over 成都平原 (deterministic), the first named with markup. */
const CSV =
	'name,lon,lat\n' +
	Array.from({ length: N }, (_, i) => {
		const lon = (103.6 + ((i * 7919) % 10007) / 10007).toFixed(5);
		const lat = (30.3 + ((i * 104729) % 10009) / 10009 / 2).toFixed(5);
		return `${i ? `点${i}` : `"${HOSTILE}"`},${lon},${lat}`;
	}).join('\n');

let server: StaticServer;
let browser: Browser;
let page: Page;
let guard: PageGuard;
const dialogs: string[] = [];

beforeAll(async () => {
	server = await serveStatic();
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	({ page, guard } = await guardedPage(context, server.origin));
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await openAtlas(page, `${server.origin}/`, { plan: true });
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const card = () => page.locator('details.user-data');

describe('a large table of points', () => {
	test('drawn, then joined: the summary follows, a hovered point shows its fields as text, the export has every row', async () => {
		const result = await page.evaluate((t) => window.atlas!.data.add(t, { name: 'large.csv' }), CSV);
		expect(result).toMatchObject({ kind: 'points', rows: N, skipped: 0, crs: expect.any(String) });
		// add resolves once joined: the summary is there, in the card too
		expect(result.summary?.rows).toBe(N);
		expect(result.summary?.byRegion[0].name_zh).toBe('成都平原经济区');
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		const item = card().locator(`[data-user-layer="${result.id}"]`);
		await expect.poll(() => item.locator('[data-summary]').textContent()).toContain('成都平原经济区');
		const joined = await page.evaluate((i) => window.atlas!.data.join(i), result.id);
		expect(joined.rows).toHaveLength(N);
		const first = joined.rows[0];
		expect(first.name).toBe(HOSTILE);
		expect(first.economic_region).toBe('成都平原经济区');
		// zoomed in on the first point, hovering it shows its cells as text
		const at: [number, number] = [Number(first.wgs84_lon), Number(first.wgs84_lat)];
		await page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 14 } }), at);
		await expect.poll(() => item.locator('[data-shown]').getAttribute('data-shown')).toBe('points');
		const p = await screenOf(page, at);
		await expect
			.poll(async () => {
				await page.mouse.move(p.x + 1, p.y);
				await page.mouse.move(p.x, p.y);
				return page.locator('[data-user-row] dd').first().textContent();
			})
			.toBe(HOSTILE);
		expect(await page.locator('[data-user-row] img').count()).toBe(0);
		expect(dialogs).toEqual([]);
		await page.mouse.move(5, 400);
	}, 300_000);

	test('a reload reads the kept file again: the same rows and datum', async () => {
		const before = await page.evaluate(() => window.atlas!.data.list());
		await page.reload();
		await openAtlas(page, page.url(), { plan: true });
		await page.waitForFunction(() => window.atlas!.data.list().length === 1, null, { timeout: 120_000 });
		const after = await page.evaluate(() => window.atlas!.data.list());
		expect(after.map(({ name, rows, crs }) => ({ name, rows, crs }))).toEqual(
			before.map(({ name, rows, crs }) => ({ name, rows, crs }))
		);
		await page.evaluate((i) => window.atlas!.data.remove(i), after[0].id);
		expect(await page.evaluate(() => window.atlas!.data.list())).toEqual([]);
		expectClean(guard);
	}, 300_000);
});
