/**
 * The reader's data joined to the plans everywhere, in real Chromium against the built site: a county's profile counts
 * the reader's rows there (and lists a county table's row as text); the spatial questions include the reader's points
 * ("within N km of a planned park", with seat-placed parks only "possible"; per economic region) and highlight them;
 * a PMTiles archive opens from the file input as a vector-tile layer whose features are drawn and clickable (their
 * properties shown as text); nothing is requested from another origin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectClean, openAtlas, screenOf, useAtlas } from './harness';

/** 2 km from 新都桥 (a sub-base the plan places at its town), beside 理塘's seat (its zone stands in there), 成都. */
const POINTS_CSV = 'name,lon,lat\n新都桥旁,101.51,30.05\n理塘,100.275,30.005\n天府广场,104.0633,30.6598\n';
const COUNTY_CSV = '县,企业数\n理塘,12\n康定市,30\n';
const PMTILES = readFileSync(new URL('../lib/user-data/fixtures/sites.pmtiles', import.meta.url));
const HOSTILE = '<img src=x onerror=alert(1)>';

const env = useAtlas();

const add = (text: string, options: Record<string, unknown> = {}) =>
	env.page.evaluate(([t, o]) => window.atlas!.data.add(t as string, o as object), [text, options] as const);
const card = () => env.page.locator('details.user-data');

describe('your data joined to the plans', () => {
	let points = '';
	let table = '';

	test("a county's profile counts the reader's rows there and lists a county table's row as text", async () => {
		points = (await add(POINTS_CSV, { name: 'points.csv', crs: 'wgs84' })).id;
		table = (await add(COUNTY_CSV, { name: 'counties.csv' })).id;
		await env.page.evaluate(() => window.atlas!.setState({ selected: 'county-513334' }));
		const here = env.page.locator('[data-user-data-here]');
		await expect.poll(() => here.locator(`[data-user-here="${points}"]`).getAttribute('data-count')).toBe('1');
		const row = here.locator(`[data-user-here="${table}"]`);
		expect(await row.getAttribute('data-count')).toBe('1');
		expect(await row.locator('td').allTextContents()).toEqual(['理塘', '12']);
		// the prefecture holds two of the points and both table rows
		await env.page.evaluate(() => window.atlas!.setState({ selected: 'prefecture-513300' }));
		await expect.poll(() => here.locator(`[data-user-here="${points}"]`).getAttribute('data-count')).toBe('2');
		expect(await here.locator(`[data-user-here="${table}"]`).getAttribute('data-count')).toBe('2');
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});

	test('the spatial questions include my points: within N km of a park (seat-level ones possible), per region', async () => {
		await env.page.locator('details.tools').evaluate((d: HTMLDetailsElement) => (d.open = true));
		const box = env.page.locator('[data-user-questions]');
		await box.locator('select').selectOption(points);
		await box.locator('[data-user-km]').fill('5');
		await box.locator('[data-ask="near-parks"]').click();
		const answer = box.locator('[data-user-answer="near-parks"]');
		await expect.poll(() => answer.locator('li').count()).toBe(3);
		const first = answer.locator('li').first();
		expect(await first.getAttribute('data-certainty')).toBe('certain');
		expect(await first.textContent()).toMatch(/新都桥旁[\s\S]*新都桥农特产品基地/);
		expect(await answer.locator('li[data-certainty="possible"]').count()).toBe(2);
		// the listed points are highlighted on the map
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [101.51, 30.05], zoom: 9 } }));
		await expect
			.poll(async () => (await env.page.evaluate(() => window.atlas!.inspect.rendered('user-question-points'))).length)
			.toBeGreaterThan(0);

		await box.locator('[data-ask="per-region"]').click();
		const regions = box.locator('[data-user-answer="per-region"] li');
		await expect.poll(() => regions.count()).toBe(2);
		expect(await regions.first().getAttribute('data-region')).toBe('economic-region-northwest-sichuan');
		expect(await regions.first().getAttribute('data-count')).toBe('2');
	});

	test('a PMTiles archive opens as a vector-tile layer: drawn, clickable, its properties shown as text', async () => {
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await env.page.locator('[data-user-file]').setInputFiles({
			name: 'sites.pmtiles',
			mimeType: 'application/octet-stream',
			buffer: PMTILES
		});
		const item = card().locator('[data-user-tiles]');
		await expect.poll(() => item.count()).toBe(1);
		const id = (await item.getAttribute('data-user-tiles'))!;
		expect(await item.textContent()).toMatch(/sites, zones/);
		const circles = `user-tiles-${id}/sites/circle`;
		const fills = `user-tiles-${id}/zones/fill`;
		const styleLayers = await env.page.evaluate(() => window.atlas!.inspect.styleLayers());
		expect(styleLayers).toEqual(expect.arrayContaining([circles, fills]));
		// 宜宾's test site carries a hostile name; at zoom 8 it is drawn where the archive puts it
		const site: [number, number] = [104.64, 28.75];
		await env.page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 8 } }), site);
		await expect
			.poll(async () => (await env.page.evaluate((l) => window.atlas!.inspect.rendered(l), circles)).map((p) => p.name))
			.toContain(HOSTILE);
		const at = await screenOf(env.page, site);
		await expect
			.poll(async () => {
				await env.page.mouse.click(at.x, at.y);
				return env.page.locator('[data-tile-feature]').count();
			})
			.toBe(1);
		const props = env.page.locator('[data-tile-feature]');
		expect(await props.locator('dd').first().textContent()).toBe(HOSTILE);
		expect(await props.locator('img').count()).toBe(0);
		// the click was the feature's: the county beneath is not selected as well
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBeNull();
		// the polygon layer is drawn too (成都's test area)
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [104, 30.65], zoom: 8 } }));
		await expect
			.poll(async () => (await env.page.evaluate((l) => window.atlas!.inspect.rendered(l), fills)).length)
			.toBeGreaterThan(0);
		expect(env.dialogs).toEqual([]);
		expectClean(env.guard);
	});

	test('a file that is not a PMTiles archive is refused with a message, and nothing breaks', async () => {
		await env.page.locator('[data-user-file]').setInputFiles({
			name: 'broken.pmtiles',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from('not an archive at all')
		});
		await expect.poll(() => env.page.locator('[data-tiles-error]').textContent()).toMatch(/broken\.pmtiles.*PMTiles/);
		expect(await card().locator('[data-user-tiles]').count()).toBe(1);
		expectClean(env.guard);
	});

	test('a reload keeps the archive (kept in IndexedDB) and draws it again', async () => {
		await env.page.reload();
		await openAtlas(env.page, env.page.url(), { plan: true });
		const item = card().locator('[data-user-tiles]');
		await expect.poll(() => item.count(), { timeout: 60_000 }).toBe(1);
		expect(await item.getAttribute('data-user-tiles')).toBe('tiles-1');
		expect(await item.locator('[data-kept]').getAttribute('data-kept')).toBe('true');
		await expect
			.poll(async () =>
				(await env.page.evaluate(() => window.atlas!.inspect.styleLayers())).includes('user-tiles-tiles-1/sites/circle')
			)
			.toBe(true);
		expectClean(env.guard);
	});
});
