/**
 * An honest map of uncertain places (issue 17), in real Chromium against the built site: answers that respect
 * placement (the 5 km square at 康定's seat), seat stacks (成都), one layer per energy kind and old links, the phone
 * sheet and a small embed keeping the selected feature in view, getState right after `ready`, and axe-core audits of
 * the main views.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectClean, guardedPage, openAtlas, screenOf, useAtlas } from './harness';
import { seriousViolations } from './axe';

type Feature = { properties: { id: string }; geometry: { type: string; coordinates: number[] } | null };
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as { features: Feature[] };
const pointOf = (id: string) => plan.features.find((f) => f.properties.id === id)!.geometry!.coordinates;

const KANGDING_SEAT = [101.9556, 30.0013];
const CHENGDU_SEAT = [104.06323, 30.66188];
const ENERGY_LAYERS = [
	'energy-hydro',
	'energy-solar',
	'energy-wind',
	'energy-grid',
	'energy-oil-gas',
	'energy-hydrogen',
	'energy-other'
];

const env = useAtlas();

/** A square of `km` a side centred on a position. */
function square([x, y]: number[], km: number) {
	const dy = km / 2 / 111.2;
	const dx = dy / Math.cos((y * Math.PI) / 180);
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x - dx, y - dy],
				[x + dx, y - dy],
				[x + dx, y + dy],
				[x - dx, y + dy],
				[x - dx, y - dy]
			]
		]
	};
}

describe('answers that respect placement', () => {
	test('a 5 km square at 康定’s seat lists no seat-placed feature as certainly inside, and lists them as possibly inside', async () => {
		const hits = await env.page.evaluate((s) => window.atlas!.query.inside(s), square(KANGDING_SEAT, 5));
		const seatPlaced = hits.filter((h) => h.precision === 'county' || h.precision === 'prefecture');
		expect(seatPlaced.length).toBeGreaterThan(0);
		expect(seatPlaced.filter((h) => h.certainty === 'certain').map((h) => h.id)).toEqual([]);
		expect(hits.find((h) => h.name_zh.includes('康定水泥石膏'))?.certainty).toBe('possible');

		// The same question drawn in the page: "inside" and "may be inside" apart
		await env.page.evaluate((s) => window.atlas!.setState({ drawn: s as never }), square(KANGDING_SEAT, 5));
		const possible = env.page.locator('section.tools [data-certainty="possible"]');
		await expect.poll(() => possible.count(), { timeout: 30_000 }).toBe(1);
		const mine = hits.find((h) => h.name_zh.includes('康定水泥石膏'))!.id;
		expect(await possible.locator(`[data-result="${mine}"]`).count()).toBe(1);
		expect(await env.page.locator(`section.tools [data-certainty="certain"] [data-result="${mine}"]`).count()).toBe(0);
		expect(await possible.textContent()).toContain('可能在范围内');
		await env.page.evaluate(() => window.atlas!.setState({ drawn: null }));
	});

	test('near and what-is-here give seat-placed hits a km range, exact ones one figure', async () => {
		const r = await env.page.evaluate((p) => window.atlas!.query.at(p as [number, number]), KANGDING_SEAT);
		// seat-placed points carry a range (seat-precision areas are areas, measured as drawn)
		const ranged = r.nearest.filter((h) => h.kmMin !== undefined);
		expect(ranged.length).toBeGreaterThan(0);
		for (const h of ranged) {
			expect(['county', 'prefecture']).toContain(h.precision);
			expect(h.kmMax!).toBeGreaterThanOrEqual(h.kmMin!);
		}
		const exact = r.nearest.filter((h) => h.precision === 'site');
		for (const h of exact) expect(h.kmMin).toBeUndefined();
		const near = await env.page.evaluate(() => window.atlas!.query.near('axis-kangba-east-west', 5));
		for (const h of near.filter((x) => x.certainty === 'possible')) expect(h.kmMax!).toBeGreaterThan(5);
	});
});

describe('seat stacks', () => {
	test('a stack at 成都’s seat opens and each member selects', async () => {
		await env.page.evaluate(
			(c) =>
				window.atlas!.setState({
					view: { center: c as [number, number], zoom: 9, bearing: 0, pitch: 0 },
					layers: ['region-parks', 'projects', 'transport-hubs'],
					selected: null
				}),
			CHENGDU_SEAT
		);
		const p = await screenOf(env.page, CHENGDU_SEAT);
		await env.page.mouse.click(p.x, p.y);
		const list = env.page.locator('[data-stack-list]');
		await expect.poll(() => list.count()).toBe(1);
		const members = await list
			.locator('[data-stack-member]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-stack-member')!));
		expect(members.length).toBeGreaterThanOrEqual(10);
		// the first member has the focus: the keyboard can choose at once
		await expect
			.poll(() => env.page.evaluate(() => document.activeElement?.getAttribute('data-stack-member')))
			.toBe(members[0]);
		for (const id of members) {
			await list.locator(`[data-stack-member="${id}"]`).click();
			await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(id);
			expect(await list.locator(`[data-stack-member="${id}"]`).getAttribute('aria-current')).toBe('true');
		}
		// Enter on a member selects it too
		await list.locator(`[data-stack-member="${members[0]}"]`).focus();
		await env.page.keyboard.press('Enter');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(members[0]);
		expect(await seriousViolations(env.page)).toEqual([]);
		await list.locator('[data-stack-member]').first().press('Escape');
		await expect.poll(() => list.count()).toBe(0);
		// the legend explains the mark
		expect(await env.page.locator('[data-legend="stack"]').first().textContent()).toContain('同一驻地');
		expectClean(env.guard);
	}, 300_000);

	test('the industry filter counts within stacks', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ filter: ['aerospace'], selected: null }));
		const p = await screenOf(env.page, CHENGDU_SEAT);
		await env.page.mouse.click(p.x, p.y);
		const list = env.page.locator('[data-stack-list]');
		await expect.poll(() => list.count()).toBe(1);
		const dim = await list.locator('[data-stack-member].dim').count();
		const all = await list.locator('[data-stack-member]').count();
		expect(dim).toBeGreaterThan(0);
		expect(dim).toBeLessThan(all);
		await env.page.keyboard.press('Escape');
		await env.page.evaluate(() => window.atlas!.setState({ filter: [] }));
	});
});

describe('one layer per energy kind', () => {
	test('each energy layer toggles on its own, with only its own kinds in the legend', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ layers: [], selected: null }));
		for (const id of ENERGY_LAYERS) {
			await env.page.locator(`input[data-layer="${id}"]`).click();
			expect(await env.page.evaluate(() => window.atlas!.getState().layers)).toEqual([id]);
			const legend = env.page
				.locator(`input[data-layer="${id}"]`)
				.locator('xpath=ancestor::li[1]')
				.locator('ul.legend');
			await expect.poll(() => legend.locator('li').count(), { message: id }).toBeGreaterThan(0);
			await env.page.locator(`input[data-layer="${id}"]`).click();
		}
		await env.page.locator('input[data-layer="energy-solar"]').click();
		const legend = await env.page
			.locator('input[data-layer="energy-solar"]')
			.locator('xpath=ancestor::li[1]')
			.locator('ul.legend')
			.textContent();
		expect(legend).toContain('光伏');
		expect(legend).not.toContain('水电站');
		await env.page.locator('input[data-layer="energy-solar"]').click();
	});

	test('an old layers=energy link opens them all', async () => {
		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(fresh.page, `${env.origin}/#v=1&map=6/30/102&layers=energy`, { plan: true });
		expect((await fresh.page.evaluate(() => window.atlas!.getState().layers)).sort()).toEqual(
			[...ENERGY_LAYERS].sort()
		);
		expect(await fresh.page.locator('[data-link-notice]').count()).toBe(0);
		expectClean(fresh.guard);
		await fresh.page.close();
	});
});

describe('state right after ready', () => {
	test('a sel= link’s getState() right after ready equals the link’s selection (and filter, tour)', async () => {
		const fresh = await guardedPage(env.context, env.origin);
		await fresh.page.goto(
			`${env.origin}/#v=1&map=7/30.5/102&sel=hydro-station-lianghekou&filter=hydropower&tour=ganzi&step=2`,
			{ waitUntil: 'domcontentloaded' }
		);
		await fresh.page.waitForFunction(() => !!window.atlas);
		const state = await fresh.page.evaluate(async () => {
			await window.atlas!.ready;
			return window.atlas!.getState();
		});
		expect(state.selected).toBe('hydro-station-lianghekou');
		expect(state.filter).toEqual(['hydropower']);
		expect([state.tour, state.step]).toEqual(['ganzi', 2]);
		await fresh.page.close();
	});
});

describe('phone and small embeds', () => {
	async function selectedAboveSheet(url: string, viewport: { width: number; height: number }, id: string) {
		const ctx = await env.browser.newContext({ viewport, isMobile: viewport.width < 500, hasTouch: true });
		const { page: p, guard: g } = await guardedPage(ctx, env.origin);
		await openAtlas(p, url, { plan: true });
		const sheet = p.locator('aside.side-panel');
		await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('half');
		// the map has moved the feature into view above the sheet
		await expect
			.poll(
				async () => {
					const at = await screenOf(p, pointOf(id));
					const top = (await sheet.boundingBox())!.y;
					return at.y > 0 && at.y < top - 8 && at.x > 0 && at.x < viewport.width;
				},
				{ timeout: 20_000 }
			)
			.toBe(true);
		expectClean(g);
		return { p, ctx, sheet };
	}

	test('on a 390×844 phone the selected feature stands above the sheet; the sheet goes full height and back', async () => {
		const { p, ctx, sheet } = await selectedAboveSheet(
			`${env.origin}/#v=1&map=7/30.5/102&layers=energy-hydro&sel=hydro-station-lianghekou`,
			{ width: 390, height: 844 },
			'hydro-station-lianghekou'
		);
		expect(await seriousViolations(p)).toEqual([]);
		const handle = sheet.locator('button.handle');
		await handle.click();
		await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('full');
		await handle.press('Enter');
		await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('half');
		// a drag up opens it full
		const h = (await handle.boundingBox())!;
		await p.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
		await p.mouse.down();
		await p.mouse.move(h.x + h.width / 2, h.y - 120, { steps: 6 });
		await p.mouse.up();
		await expect.poll(() => sheet.getAttribute('data-sheet')).toBe('full');
		await ctx.close();
	});

	test('in a 640×400 embed the selected feature stands above a compact summary, with "more"', async () => {
		const { p, ctx, sheet } = await selectedAboveSheet(
			`${env.origin}/embed/?legend=1#v=1&map=7/30.5/102&layers=energy-hydro&sel=hydro-station-lianghekou`,
			{ width: 640, height: 400 },
			'hydro-station-lianghekou'
		);
		expect(await p.locator('[data-compact-details]').count()).toBe(1);
		expect((await sheet.boundingBox())!.height).toBeLessThan(400 / 2);
		await p.locator('[data-more]').click();
		await expect.poll(() => p.locator('[data-compact-details]').count()).toBe(0);
		await ctx.close();
	});
});

describe('accessibility (axe-core): no serious or critical violation', () => {
	test('start, a selected feature, a region, the share dialog, a tour', async () => {
		const fresh = await guardedPage(env.context, env.origin);
		const p = fresh.page;
		await openAtlas(p, `${env.origin}/`, { plan: true });
		expect(await seriousViolations(p), 'start').toEqual([]);
		await p.evaluate(() => window.atlas!.setState({ selected: 'park-sichuan-aba' }));
		expect(await seriousViolations(p), 'feature').toEqual([]);
		await p.evaluate(() => window.atlas!.setState({ selected: 'county-513301' }));
		expect(await seriousViolations(p), 'region').toEqual([]);
		await p.evaluate(() => window.atlas!.setState({ selected: null }));
		await p.getByRole('button', { name: /分享/ }).first().click();
		await expect.poll(() => p.locator('[data-embed-code]').count()).toBe(1);
		expect(await seriousViolations(p), 'share dialog').toEqual([]);
		await p.keyboard.press('Escape');
		const [tour] = await p.evaluate(() => window.atlas!.tours());
		await p.evaluate((id) => window.atlas!.setState({ tour: id, step: 1 }), tour.id);
		expect(await seriousViolations(p), 'tour').toEqual([]);
		expectClean(fresh.guard);
		await p.close();
	});
});
