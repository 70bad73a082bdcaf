/**
 * The industry lens, as its readers use it in real Chromium against the built site: a county's profile led by its
 * industries with sums that add up, drill-down from the province to a prefecture to a county and back by the
 * breadcrumb, where lithium is planned (shaded counties whose counts equal the features), the regions × industries
 * table, two parks side by side surviving a share link, and search that finds names written another way and offers an
 * industry first.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { expectClean, guardedPage, openAtlas, screenOf, useAtlas } from './harness';
import { seriousViolations } from './axe';

type Feature = {
	properties: {
		id: string;
		county_code: string | null;
		prefecture_code: string | null;
		industries: { category: string }[];
		figures: { metric: string; kind: string; value_normalised?: number; unit_normalised?: string }[];
	};
};
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as { features: Feature[] };
const byId = new Map(plan.features.map((f) => [f.properties.id, f]));
const LITANG = 'county-513334';

const panel = () => env.page.locator('aside.side-panel');
const selected = () => env.page.evaluate(() => window.atlas!.getState().selected);

const env = useAtlas();

describe('a region’s profile', () => {
	test('理塘县 starts with its industries, ranked, and its sums equal the features listed', async () => {
		await env.page.evaluate((id) => window.atlas!.setState({ selected: id }), LITANG);
		const profile = panel().locator('[data-profile]');
		await expect.poll(() => profile.count()).toBe(1);
		// the industries come first: before the planning areas and the list by kind
		const order = await panel().evaluate((el) => {
			const all = [...el.querySelectorAll('[data-profile], .within, [data-certainty="certain"]')];
			return all.map((e) => (e.matches('[data-profile]') ? 'profile' : e.matches('.within') ? 'within' : 'list'));
		});
		expect(order[0]).toBe('profile');
		const api = await env.page.evaluate((id) => window.atlas!.query.profile(id), LITANG);
		expect(api.industries.length).toBeGreaterThan(3);
		const counts = api.industries.map((i) => i.count);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		// each count is its features, and each of those plans that category
		for (const row of api.industries) {
			expect(row.count).toBe(row.ids.length);
			for (const id of row.ids) {
				expect(
					byId.get(id)!.properties.industries.some((i) => i.category === row.category),
					id
				).toBe(true);
			}
		}
		const shown = await profile
			.locator('[data-industry]')
			.evaluateAll((els) =>
				els.map((e) => [e.getAttribute('data-industry'), Number(e.querySelector('[data-industry-count]')!.textContent)])
			);
		expect(shown).toEqual(api.industries.slice(0, shown.length).map((i) => [i.category, i.count]));
		// every sum is the sum of its features' figures
		for (const f of api.figures) {
			const sum = f.ids.reduce((s, id) => {
				const fig = byId.get(id)!.properties.figures.find((x) => x.metric === f.metric && x.kind === f.kind)!;
				return s + fig.value_normalised! * (f.metric === 'unit_capacity_each_of_2' ? 2 : 1);
			}, 0);
			expect(f.sum, f.metric).toBeCloseTo(sum, 6);
		}
		expect(
			await env.page.evaluate(() => window.atlas!.query.profile('county-000000').catch((e: Error) => e.message))
		).toMatch(/atlas\.query\.profile: no county/);
	});

	test('the sums of a prefecture with planned capacity show and add up', async () => {
		const api = await env.page.evaluate(() => window.atlas!.query.profile('prefecture-513300'));
		const mw = api.figures.filter((f) => f.unit === 'MW');
		expect(mw.length).toBeGreaterThan(0);
		const byFamily = api.capacityByFamily.reduce((s, c) => s + c.mw, 0);
		const byMetric = mw.filter((f) => f.metric !== 'voltage').reduce((s, f) => s + f.sum, 0);
		expect(byFamily).toBeLessThanOrEqual(byMetric + 1e-6);
		await env.page.evaluate(() => window.atlas!.setState({ selected: 'prefecture-513300' }));
		await expect.poll(() => panel().locator('[data-profile-sums] tr').count()).toBe(api.figures.length);
	});
});

describe('drill-down', () => {
	test('at province zoom a click picks the prefecture, a second the county; the breadcrumb goes back up', async () => {
		await env.page.evaluate(() =>
			window.atlas!.setState({ selected: null, lens: null, filter: [], view: { center: [103.2, 30.4], zoom: 5.6 } })
		);
		const litangSeat = [100.27, 29.99];
		let p = await screenOf(env.page, litangSeat);
		// a point of 理塘县 away from any plan mark: the county's middle, a little off its seat
		await env.page.mouse.click(p.x + 6, p.y + 14);
		await expect.poll(selected).toBe('prefecture-513300');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().view.zoom)).toBeGreaterThan(5.7);
		await env.page.waitForTimeout(1200);
		p = await screenOf(env.page, [100.33, 29.78]);
		await env.page.mouse.click(p.x, p.y);
		await expect.poll(selected).toMatch(/^county-5133/);
		const crumbs = panel().locator('[data-breadcrumb]');
		await expect.poll(() => crumbs.textContent()).toContain('甘孜藏族自治州');
		expect(await crumbs.textContent()).toContain('四川');
		await crumbs.locator('[data-trail="prefecture-513300"]').click();
		await expect.poll(selected).toBe('prefecture-513300');
		await panel().locator('[data-trail="province"]').click();
		await expect.poll(selected).toBe(null);
	});
});

describe('where an industry is planned', () => {
	test('lithium: the shaded counties are those whose features plan it, with their counts', async () => {
		const rows = await env.page.evaluate(() => window.atlas!.query.where('lithium'));
		const counties = rows.filter((r) => r.level === 'county');
		const expected = new Map<string, number>();
		for (const f of plan.features) {
			const c = f.properties.county_code;
			if (c && f.properties.industries.some((i) => i.category === 'lithium'))
				expected.set(c, (expected.get(c) ?? 0) + 1);
		}
		expect(new Map(counties.map((r) => [r.code, r.count]))).toEqual(expected);
		for (const r of rows) expect(r.count).toBe(r.ids.length);

		await env.page.evaluate(() =>
			window.atlas!.setState({ lens: 'lithium', view: { center: [103.5, 30.5], zoom: 7.5 } })
		);
		await expect.poll(() => env.page.locator('[data-lens="lithium"]').count()).toBe(1);
		const paint = () => env.page.evaluate(() => window.atlas!.inspect.paint('lens-counties', 'fill-color'));
		// the lens's map code loads on first use
		await expect.poll(async () => ((await paint()) as unknown[] | undefined)?.[0]).toBe('match');
		const fill = (await paint()) as unknown[];
		const shaded = new Set((fill.slice(2, -1) as string[]).filter((_, i) => i % 2 === 0));
		expect(shaded).toEqual(new Set(expected.keys()));
		// the panel's top list and legend follow the level shown (counties when zoomed in)
		const top = await env.page
			.locator('[data-lens-top] [data-count]')
			.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
		expect(top).toEqual(counties.slice(0, top.length).map((r) => r.count));
		expect(await env.page.locator('[data-lens-legend] li').count()).toBeGreaterThan(0);
		// the features stay emphasised as the filter does it
		const emphasised = await env.page.evaluate(() => window.atlas!.inspect.emphasised());
		expect(emphasised.length).toBeGreaterThan(0);
		for (const id of emphasised) {
			expect(
				byId.get(id)!.properties.industries.some((i) => i.category === 'lithium'),
				id
			).toBe(true);
		}

		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			env.page.locator('[data-lens-export]').click()
		]);
		const chunks: Buffer[] = [];
		for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
		expect(Buffer.concat(chunks).toString('utf8').trim().split('\r\n')).toHaveLength(rows.length + 1);

		expect(await env.page.evaluate(() => window.atlas!.shareUrl())).toContain('lens=lithium');
		await env.page.locator('[data-lens] button[aria-label]').first().click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().lens)).toBe(null);
	});

	test('the regions × industries table: a cell shows that region and industry; CSV', async () => {
		await env.page.locator('[data-matrix-open]').click();
		const matrix = env.page.locator('[data-region-matrix]');
		await expect.poll(() => matrix.locator('tbody tr').count()).toBe(21);
		const cell = matrix.locator('[data-cell^="prefecture-510100|"]').first();
		const [region, category] = (await cell.getAttribute('data-cell'))!.split('|');
		await cell.click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().lens)).toBe(category);
		await expect.poll(selected).toBe(region);
		await matrix.locator('[data-matrix-economic]').click();
		await expect.poll(() => matrix.locator('tbody tr').count()).toBe(5);
		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			matrix.locator('[data-matrix-export]').click()
		]);
		const chunks: Buffer[] = [];
		for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
		expect(Buffer.concat(chunks).toString('utf8').trim().split('\r\n')).toHaveLength(6);
		await env.page.locator('[data-matrix-open]').click();
		await env.page.evaluate(() => window.atlas!.setState({ lens: null, filter: [], selected: null }));
	});
});

describe('side by side', () => {
	test('two pinned parks appear side by side, export as a PNG and survive a share link', async () => {
		for (const id of ['enclave-park-ganmei', 'enclave-park-chenggan']) {
			await env.page.evaluate((x) => window.atlas!.setState({ selected: x }), id);
			await panel().locator(`[data-pin="${id}"]`).click();
		}
		const card = env.page.locator('[data-compare]');
		await expect.poll(() => card.locator('[data-compare-item]').count()).toBe(2);
		await expect.poll(() => card.locator('[data-nearest="airport"]').count()).toBe(2);
		await expect.poll(() => card.locator('[data-nearest="airport"]').first().textContent()).toMatch(/km/);
		expect(await card.textContent()).toContain('甘眉工业园区');
		expect(await card.textContent()).toContain('118 亿元');

		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			card.locator('[data-compare-export]').click()
		]);
		const chunks: Buffer[] = [];
		for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
		const png = PNG.sync.read(Buffer.concat(chunks));
		expect(png.width).toBeGreaterThan(800);

		const url = await env.page.evaluate(() => window.atlas!.shareUrl());
		expect(url).toContain('compare=enclave-park-ganmei,enclave-park-chenggan');
		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(fresh.page, url, { plan: true });
		await expect
			.poll(() =>
				fresh.page
					.locator('[data-compare] [data-compare-item]')
					.evaluateAll((els) => els.map((e) => e.getAttribute('data-compare-item')))
			)
			.toEqual(['enclave-park-ganmei', 'enclave-park-chenggan']);
		expect(fresh.guard.pageErrors).toEqual([]);
		await fresh.page.close();
		await env.page.evaluate(() => window.atlas!.setState({ compare: [], selected: null }));
	}, 300_000);
});

describe('search that finds what people type', () => {
	test('"西部科学城" finds 西部(成都)科学城; "锂电" offers the industry first and shows where it is planned', async () => {
		const box = env.page.getByRole('combobox');
		await box.fill('西部科学城');
		await expect
			.poll(() => env.page.locator('#search-results [role="option"]').first().textContent())
			.toContain('西部(成都)科学城');
		await box.fill('锂电');
		const first = env.page.locator('#search-results [role="option"]').first();
		await expect.poll(() => first.locator('[data-category-hit]').getAttribute('data-category-hit')).toBe('lithium');
		expect(await first.textContent()).toMatch(/\d+ 个要素/);
		await env.page.keyboard.press('Enter');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().lens)).toBe('lithium');
		const hits = await env.page.evaluate(() => window.atlas!.query.search('lithium'));
		expect(hits[0]).toMatchObject({ id: 'category-lithium', kind: 'category' });
		expect(hits.length).toBeGreaterThan(5);
	});

	test('English, and no serious accessibility problems with the lens and a profile open', async () => {
		await env.page.evaluate((id) => window.atlas!.setState({ lang: 'en', selected: id }), LITANG);
		await expect.poll(() => env.page.locator('[data-lens]').textContent()).toContain('Where');
		expect(await panel().locator('[data-profile]').textContent()).toContain('Planned industries');
		expect(await seriousViolations(env.page)).toEqual([]);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', selected: null, lens: null, filter: [] }));
	});

	test('no request left the origin, no errors', () => {
		expectClean(env.guard);
	});
});
