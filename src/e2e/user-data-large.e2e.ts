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

	test('the join runs in workers: progress in the card, every row counted, rows in order, removal stops it', async () => {
		const many = (n: number, seed: number) =>
			'name,lon,lat\n' +
			Array.from({ length: n }, (_, i) => {
				const lon = (97.5 + (((i * 7919 + seed) % 10007) / 10007) * 11).toFixed(5);
				const lat = (26.2 + (((i * 104729 + seed) % 10009) / 10009) * 8).toFixed(5);
				return `p${i},${lon},${lat}`;
			}).join('\n');
		const M = 30_000;
		await atlas.page.evaluate(
			(t) => {
				// kept on the page, not returned: evaluate would wait for the join
				(window as unknown as { added: unknown }).added = window.atlas!.data.add(t, { name: 'spread.csv' });
			},
			many(M, 1)
		);
		// the card says how far the join has come while it runs
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await expect.poll(() => card().textContent(), { timeout: 60_000 }).toMatch(/正在与规划合并 \d+ %/);
		const result = await atlas.page.evaluate(
			() => (window as unknown as { added: ReturnType<NonNullable<typeof window.atlas>['data']['add']> }).added
		);
		// every row joined (not estimated from a sample)
		expect(result.summary).toMatchObject({ rows: M });
		expect(result.summary?.sampled).toBeUndefined();
		expect(await card().textContent()).not.toMatch(/正在与规划合并/);
		// rows from each worker's part stand where they were: county and economic region as "what is here" says
		const joined = await atlas.page.evaluate((i) => window.atlas!.data.join(i), result.id);
		expect(joined.rows).toHaveLength(M);
		for (const i of [0, 1, M / 2 - 1, M / 2, M / 2 + 1, M - 1]) {
			const row = joined.rows[i];
			expect(row.name).toBe(`p${i}`);
			const here = await atlas.page.evaluate((p) => window.atlas!.query.at(p), [
				Number(row.wgs84_lon),
				Number(row.wgs84_lat)
			] as [number, number]);
			expect(row.county_code).toBe(here.county?.code ?? '');
			expect(row.economic_region).toBe(here.regions.find((r) => r.kind === 'economic_region')?.name_zh ?? '');
		}
		// "my points within 10 km of a park", asked in the workers (more than 5 000 points): the rows the join counted
		const box = atlas.page.locator('[data-user-questions]');
		await box.evaluate((d) => d.closest('details')?.setAttribute('open', ''));
		await box.locator('select').selectOption(result.id);
		await box.locator('[data-user-km]').fill('10');
		await box.locator('[data-ask="near-parks"]').click();
		const answer = box.locator('[data-user-answer="near-parks"] [data-count]');
		await expect.poll(() => answer.getAttribute('data-count'), { timeout: 120_000 }).not.toBeNull();
		const { nearPark, nearParkPossible } = result.summary!;
		expect(Number(await answer.getAttribute('data-count'))).toBe(nearPark + nearParkPossible);
		expect(Number(await answer.getAttribute('data-certain'))).toBe(nearPark);
		expect(nearPark + nearParkPossible).toBeGreaterThan(0);
		await atlas.page.evaluate((i) => window.atlas!.data.remove(i), result.id);

		// A layer removed while it is joined: the join stops, no error, nothing left joining. The removal is made in the
		// page the moment the card shows the join's progress (from the test, the round trips let a fast join finish
		// first); and a layer removed as soon as it is shown, before its join begins, is never joined.
		const removeWhen = (name: string, progress: boolean) =>
			atlas.page.evaluate(
				([n, p]) =>
					new Promise<boolean>((resolve) => {
						const box = document.querySelector('details.user-data')!;
						new MutationObserver((_, observer) => {
							const layer = window.atlas!.data.list().find((l) => l.name === n);
							const text = box.textContent ?? '';
							if (!layer || !(p ? /正在与规划合并 \d+ %/ : /正在与规划合并/).test(text)) return;
							observer.disconnect();
							void window.atlas!.data.remove(layer.id);
							resolve(true);
						}).observe(box, { childList: true, subtree: true, characterData: true });
					}),
				[name, progress] as const
			);
		for (const [name, progress, rows] of [
			['stopped.csv', true, 120_000],
			['early.csv', false, 20_000]
		] as const) {
			const removed = removeWhen(name, progress);
			const added = atlas.page.evaluate(([t, n]) => window.atlas!.data.add(t, { name: n }), [
				many(rows, 3),
				name
			] as const);
			expect(await removed).toBe(true);
			expect((await added).summary, name).toBeNull();
		}
		expect(await card().textContent()).not.toMatch(/正在与规划合并/);
		expect(await atlas.page.locator('.user-data [role="alert"]').count()).toBe(0);
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
