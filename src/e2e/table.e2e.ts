/**
 * The plans as a table, as readers use it in real Chromium against the built site: every visible feature listed,
 * sorting by capacity, the status filter with its counts shared by table, legend and map, "only what is in view"
 * following the map, a row click selecting its feature, a share link restoring sort and filters, the CSV export, the
 * API, and the table on a phone.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, guardedPage, openAtlas, useAtlas } from './harness';
import { seriousViolations } from './axe';
import { METRICS } from '$lib/data/vocab';

type Feature = {
	properties: {
		id: string;
		kind: string;
		layers: string[];
		status?: string;
		figures: { metric: string; kind: string; value_normalised?: number; unit_normalised?: string }[];
	};
};
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as { features: Feature[] };
const ENERGY = ['energy-hydro', 'energy-solar', 'energy-wind', 'energy-grid', 'energy-oil-gas', 'energy-other'];
const LAYERS = [...ENERGY, 'region-parks'];
const visibleIn = (layers: string[]) =>
	plan.features.filter((f) => f.properties.layers.some((l) => layers.includes(l)));
const visible = visibleIn(LAYERS);

const rowIds = (p: Page) =>
	p.locator('[data-table-grid] [role="row"][data-row-id]').evaluateAll((rows) =>
		rows
			.map((r) => ({ id: r.getAttribute('data-row-id')!, index: Number(r.getAttribute('aria-rowindex')) }))
			.sort((a, b) => a.index - b.index)
			.map((r) => r.id)
	);

const env = useAtlas();
beforeAll(() => env.page.evaluate((layers) => window.atlas!.setState({ layers }), LAYERS));

describe('the table beside the map', () => {
	test('the Table button opens it, listing every visible feature', async () => {
		await env.page.getByRole('button', { name: '以表格查看地图上的规划要素' }).click();
		const grid = env.page.locator('[data-table-grid]');
		await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(visible.length + 1));
		expect(await env.page.locator('[data-table-count]').textContent()).toBe(
			`${visible.length} / ${visible.length} 个要素`
		);
		expect(await env.page.evaluate(() => window.atlas!.getState().table)).toEqual({ open: true });
		// virtualised: far fewer rows in the page than in the table, and the last one is reached by scrolling
		const drawn = (await rowIds(env.page)).length;
		expect(drawn).toBeGreaterThan(3);
		expect(drawn).toBeLessThan(visible.length);
		const all = await env.page.evaluate(() => window.atlas!.query.table());
		expect(all.map((r) => r.id).sort()).toEqual(visible.map((f) => f.properties.id).sort());
		const body = env.page.locator('[data-table-body]');
		await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
		await expect.poll(() => rowIds(env.page)).toContain(all.at(-1)!.id);
		await body.evaluate((el) => (el.scrollTop = 0));
	});

	test('sorting by capacity puts the largest first; features without a stated capacity go last', async () => {
		const capacityOf = (f: Feature) => {
			const x = f.properties.figures.find((g) => METRICS[g.metric]?.power_capacity && g.kind !== 'baseline');
			return x ? x.value_normalised! * (METRICS[x.metric].units ?? 1) : null;
		};
		const withCapacity = visible.filter((f) => capacityOf(f) !== null);
		expect(withCapacity.length, 'energy features with a capacity in the plans').toBeGreaterThan(2);
		const largest = withCapacity.reduce((a, b) => (capacityOf(a)! >= capacityOf(b)! ? a : b));

		await env.page.locator('[data-sort="capacity"]').click();
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.getState().table.sort))
			.toEqual({
				column: 'capacity',
				dir: 'desc'
			});
		expect(await env.page.locator('[role="columnheader"][aria-sort="descending"]').textContent()).toContain('装机容量');
		const ids = await rowIds(env.page);
		expect(ids[0]).toBe(largest.properties.id);
		// values fall down the column; the hydro stations (the plans give no station capacities) come after them
		const values = await env.page
			.locator('[data-table-grid] [data-cell="capacity"]')
			.evaluateAll((cells) => cells.map((c) => c.textContent!.trim()));
		expect(values.slice(0, withCapacity.length).every(Boolean)).toBe(true);
		const api = await env.page.evaluate(() =>
			window.atlas!.query.table(
				{ kinds: ['hydro_station', 'pv_base', 'wind_base'] },
				{ column: 'capacity', dir: 'desc' }
			)
		);
		expect(api[0].capacity!.value).toBeGreaterThanOrEqual(api[1].capacity!.value);
		const firstBlank = api.findIndex((r) => r.capacity === null);
		expect(firstBlank).toBeGreaterThan(0);
		expect(api.slice(firstBlank).every((r) => r.capacity === null)).toBe(true);
		expect(api.filter((r) => r.kind === 'hydro_station').every((r) => r.capacity === null)).toBe(true);
	});

	test('"under construction" leaves only such features in the table and on the map, with the counts right', async () => {
		const building = visible.filter((f) => f.properties.status === 'under_construction').map((f) => f.properties.id);
		expect(building.length).toBeGreaterThan(3);
		const tableFilter = env.page.locator('[data-status-filter="table"]');
		expect(await tableFilter.locator('[data-status-count="under_construction"]').textContent()).toBe(
			String(building.length)
		);
		const unstated = visible.filter((f) => !f.properties.status).length;
		expect(await tableFilter.locator('[data-status-count="unstated"]').textContent()).toBe(String(unstated));

		await tableFilter.locator('input[value="under_construction"]').check();
		await expect
			.poll(() => env.page.locator('[data-table-count]').textContent())
			.toBe(`${building.length} / ${visible.length} 个要素`);
		const statuses = await env.page
			.locator('[data-table-grid] [data-cell="status"]')
			.evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent!.trim()))]);
		expect(statuses).toEqual(['在建']);
		// the map: exactly those features at full strength, the rest faded
		expect((await env.page.evaluate(() => window.atlas!.inspect.emphasised())).sort()).toEqual([...building].sort());
		// the same filter beside the legend, checked there too
		await expect
			.poll(() => env.page.locator('[data-status-filter="legend"] input[value="under_construction"]').isChecked())
			.toBe(true);
		// its own count stays; the others count what else would match
		expect(await tableFilter.locator('[data-status-count="under_construction"]').textContent()).toBe(
			String(building.length)
		);
		expect(await env.page.evaluate(() => window.atlas!.getState().table.filter)).toEqual({
			statuses: ['under_construction']
		});
	});

	test('a row click selects its feature and frames it; pointing at a row marks it', async () => {
		const first = env.page.locator('[data-table-grid] [role="row"][data-row-id]').first();
		const id = (await first.getAttribute('data-row-id'))!;
		await first.hover();
		await expect.poll(() => first.getAttribute('class')).toMatch(/hovered/);
		await first.click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(id);
		expect(await first.getAttribute('aria-selected')).toBe('true');
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});

	test('the keyboard moves through rows and Enter shows one', async () => {
		const grid = env.page.locator('[data-table-grid]');
		await grid.focus();
		await env.page.keyboard.press('ArrowDown');
		await env.page.keyboard.press('ArrowDown');
		const active = await grid.getAttribute('aria-activedescendant');
		expect(active).toMatch(/^table-row-/);
		await env.page.keyboard.press('Enter');
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.getState().selected))
			.toBe(active!.replace('table-row-', ''));
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});

	test('a share link restores the table with its sort and filters', async () => {
		const before = await env.page.evaluate(() => window.atlas!.getState());
		const url = await env.page.evaluate(() => window.atlas!.shareUrl());
		expect(url).toContain('table=open');
		expect(url).toContain('tsort=capacity.desc');
		expect(url).toContain('tstatus=under_construction');
		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(fresh.page, url, { plan: true });
		await expect.poll(() => fresh.page.evaluate(() => window.atlas!.getState().table)).toEqual(before.table);
		await expect
			.poll(() => fresh.page.locator('[data-table-count]').textContent())
			.toBe(await env.page.locator('[data-table-count]').textContent());
		expect(await fresh.page.locator('[role="columnheader"][aria-sort="descending"]').textContent()).toContain(
			'装机容量'
		);
		expect(await fresh.page.locator('[data-status-filter="table"] input[value="under_construction"]').isChecked()).toBe(
			true
		);
		expect(await rowIds(fresh.page)).toEqual(await rowIds(env.page));
		expect(fresh.guard.pageErrors).toEqual([]);
		await fresh.page.close();
	}, 300_000);

	test('the CSV export holds the table’s rows, in its order, Excel-ready', async () => {
		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			env.page.locator('[data-table-export="csv"]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^sichuan-plan-atlas-table-\d{4}-\d\d-\d\d\.csv$/);
		const chunks: Buffer[] = [];
		for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
		const csv = Buffer.concat(chunks).toString('utf8');
		expect(csv.startsWith('\uFEFFid,name_zh,name_en,kind')).toBe(true);
		const lines = csv.trim().split('\r\n');
		const rows = await env.page.evaluate(() =>
			window.atlas!.query.table(window.atlas!.getState().table.filter, window.atlas!.getState().table.sort)
		);
		expect(lines).toHaveLength(rows.length + 1);
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(rows.map((r) => r.id));
		expect(csv).toContain('under_construction,在建,Under construction');
	});

	test('"only what is in view" follows the map as it pans', async () => {
		await env.page.locator('[data-status-filter="table"] input[value="under_construction"]').uncheck();
		await env.page.locator('[data-table-inview]').check();
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [104.06, 30.66], zoom: 9 } }));
		const chengdu = await env.page.evaluate(() => window.atlas!.getState().table.filter);
		expect(chengdu).toEqual({ inView: true });
		const countText = () => env.page.locator('[data-table-count]').textContent();
		await expect.poll(countText).not.toBe(`${visible.length} / ${visible.length} 个要素`);
		const atChengdu = await rowIds(env.page);
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [101.96, 30.05], zoom: 9 } }));
		await expect.poll(() => rowIds(env.page)).not.toEqual(atChengdu);
		const rows = await env.page.evaluate(() => window.atlas!.query.table({ inView: true }));
		expect(rows.length).toBeLessThan(visible.length);
		const inView = new Set(rows.map((r) => r.id));
		expect((await rowIds(env.page)).every((id) => inView.has(id))).toBe(true);
		await expect.poll(countText).toBe(`${rows.length} / ${visible.length} 个要素`);
		// the view limit is the table's own: the map is not faded by it
		expect((await env.page.evaluate(() => window.atlas!.inspect.emphasised())).length).toBe(visible.length);
		await env.page.locator('[data-table-inview]').uncheck();
	});

	test('English, and no serious accessibility problems', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'en' }));
		await expect.poll(() => env.page.locator('[data-table-count]').textContent()).toMatch(/of \d+ features/);
		expect(await env.page.locator('[data-table-panel]').textContent()).toContain('Only what is in view');
		expect(await seriousViolations(env.page)).toEqual([]);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh' }));
	});

	test('bad table input: a clear refusal from the API, a named and dropped link parameter', async () => {
		const msg = await env.page.evaluate(() =>
			window.atlas!.query.table({ statuses: ['demolished'] }).then(
				() => 'resolved',
				(e: Error) => e.message
			)
		);
		expect(msg).toMatch(/^atlas\.query\.table: filter: statuses/);
		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(fresh.page, `${env.origin}/#table=open&tstatus=demolished,existing&tsort=<b>`, { plan: true });
		await expect.poll(() => fresh.page.locator('[data-link-notice]').textContent()).toContain('demolished');
		expect(await fresh.page.evaluate(() => window.atlas!.getState().table)).toEqual({
			open: true,
			filter: { statuses: ['existing'] }
		});
		expect(fresh.guard.pageErrors).toEqual([]);
		await fresh.page.close();
	}, 300_000);

	test('no request left the origin, no errors', () => {
		expectClean(env.guard);
	});
});

describe('the table on a phone', () => {
	test('it is a bottom sheet over the full width', async () => {
		const phone = await env.browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		const { page: p, guard: g } = await guardedPage(phone, env.origin);
		await openAtlas(p, `${env.origin}/#table=open`, { plan: true });
		const box = (await p.locator('[data-table-panel]').boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(389);
		expect(box.y + box.height).toBeGreaterThan(843);
		expect(box.height).toBeGreaterThan(400);
		expect(await p.locator('[data-table-grid] [role="row"][data-row-id]').count()).toBeGreaterThan(3);
		expect(g.pageErrors).toEqual([]);
		await phone.close();
	}, 300_000);
});
