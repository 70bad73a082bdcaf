/**
 * A large table of points (issue 13), past the size whose rows cross from the worker packed (./packed-rows.ts): the
 * worker places the points, the map draws them before the join, the summary follows; the row under the pointer shows
 * its fields as text (read from the packed rows); the joined CSV has every row; a reload reads the kept file again.
 */
import { describe, expect, test } from 'vitest';
import { expectClean, openAtlas, screenOf, hoverRowText, useAtlas } from './harness';
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

const atlas = useAtlas();

const card = () => atlas.page.locator('details.user-data');

describe('a large table of points', () => {
	test('drawn, then joined: the summary follows, a hovered point shows its fields as text, the export has every row', async () => {
		const result = await atlas.page.evaluate((t) => window.atlas!.data.add(t, { name: 'large.csv' }), CSV);
		expect(result).toMatchObject({ kind: 'points', rows: N, skipped: 0, crs: expect.any(String) });
		// add resolves once joined: the summary is there, in the card too
		expect(result.summary?.rows).toBe(N);
		expect(result.summary?.byRegion[0].name_zh).toBe('成都平原经济区');
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		const item = card().locator(`[data-user-layer="${result.id}"]`);
		await expect.poll(() => item.locator('[data-summary]').textContent()).toContain('成都平原经济区');
		const joined = await atlas.page.evaluate((i) => window.atlas!.data.join(i), result.id);
		expect(joined.rows).toHaveLength(N);
		const first = joined.rows[0];
		expect(first.name).toBe(HOSTILE);
		expect(first.economic_region).toBe('成都平原经济区');
		// zoomed in on the first point, hovering it shows its cells as text
		const at: [number, number] = [Number(first.wgs84_lon), Number(first.wgs84_lat)];
		await atlas.page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 14 } }), at);
		await expect.poll(() => item.locator('[data-shown]').getAttribute('data-shown')).toBe('points');
		const p = await screenOf(atlas.page, at);
		await expect.poll(() => hoverRowText(atlas.page, p), { timeout: 30_000 }).toBe(HOSTILE);
		expect(await atlas.page.locator('[data-user-row] img').count()).toBe(0);
		expect(atlas.dialogs).toEqual([]);
		await atlas.page.mouse.move(5, 400);
	}, 300_000);

	test('a reload reads the kept file again: the same rows and datum', async () => {
		const before = await atlas.page.evaluate(() => window.atlas!.data.list());
		await atlas.page.reload();
		await openAtlas(atlas.page, atlas.page.url(), { plan: true });
		await atlas.page.waitForFunction(() => window.atlas!.data.list().length === 1, null, { timeout: 120_000 });
		const after = await atlas.page.evaluate(() => window.atlas!.data.list());
		expect(after.map(({ name, rows, crs }) => ({ name, rows, crs }))).toEqual(
			before.map(({ name, rows, crs }) => ({ name, rows, crs }))
		);
		await atlas.page.evaluate((i) => window.atlas!.data.remove(i), after[0].id);
		expect(await atlas.page.evaluate(() => window.atlas!.data.list())).toEqual([]);
		expectClean(atlas.guard);
	}, 300_000);
});
