/**
 * Exploring the plans, as a user does it: layers and legends, clicking a park and a county, search, the industry
 * filter, English, the keyboard — in real Chromium against the built site, offline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectClean, guardedPage, openAtlas, useAtlas } from './harness';
import { METRICS } from '$lib/data/vocab';
import { BASIS_LABELS } from '$lib/i18n/strings';

type Feature = {
	properties: {
		id: string;
		kind: string;
		industries: { category: string; group?: { name_zh: string; name_en: string } }[];
		figures: { metric: string }[];
		location: { precision: string; basis: string; note_zh: string; note_en: string };
	};
	geometry: { type: string; coordinates: number[] } | null;
};
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as { features: Feature[] };
const byId = (id: string) => plan.features.find((f) => f.properties.id === id)!;

const env = useAtlas();

/** Centres the map on a position and clicks it, as a user would. */
async function clickAt(lnglat: number[], zoom: number) {
	await env.page.evaluate(([center, z]) => window.atlas!.setState({ view: { center, zoom: z } }), [
		lnglat,
		zoom
	] as const);
	const box = (await env.page.locator('.maplibregl-canvas').boundingBox())!;
	await env.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const panel = () => env.page.locator('aside.side-panel');

describe('exploring the plans', () => {
	test('each layer toggles, and its legend appears while it is on', async () => {
		const boxes = env.page.locator('input[data-layer]');
		const ids = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.layer!));
		expect(ids.length).toBeGreaterThanOrEqual(14);
		for (const id of ids) {
			const box = env.page.locator(`input[data-layer="${id}"]`);
			const wasOn = await box.isChecked();
			await box.click();
			const layers = await env.page.evaluate(() => window.atlas!.getState().layers);
			expect(layers.includes(id), id).toBe(!wasOn);
			const legend = box.locator('xpath=ancestor::li[1]').locator('ul.legend');
			await expect.poll(() => legend.count(), { message: id }).toBe(wasOn ? 0 : 1);
			if (!wasOn) expect(await legend.locator('li').count(), id).toBeGreaterThan(0);
			await box.click();
		}
	}, 400_000);

	test('clicking 甘眉工业园区 shows its industries and a quote from the Ganzi plan', async () => {
		const ganmei = byId('enclave-park-ganmei');
		await clickAt(ganmei.geometry!.coordinates, 9);
		// it stands in at 眉山东坡区's seat with three projects: the click opens the seat's stack, and it is chosen there
		await env.page.locator('[data-stack-member="enclave-park-ganmei"]').click();
		await expect.poll(() => panel().locator('h2').textContent()).toBe('甘眉工业园区');
		const text = (await panel().textContent())!;
		for (const industry of ['新能源', '新材料', '有色金属']) expect(text).toContain(industry);
		expect(text).toContain('000_c35a7d169af5c8ce.txt');
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBe('enclave-park-ganmei');
		// its enclave arc to 甘孜州 is drawn while it is selected
		expect(
			await env.page.evaluate(() => window.atlas!.inspect.styleLayers().some((id) => id.startsWith('deck-')))
		).toBe(true);
		// the first Escape closes the seat's list (the focus is in it), the panel stays
		await env.page.keyboard.press('Escape');
		await expect.poll(() => env.page.locator('[data-stack-list]').count()).toBe(0);
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBe('enclave-park-ganmei');
	});

	test('Escape closes the panel', async () => {
		await env.page.keyboard.press('Escape');
		await expect.poll(() => panel().count()).toBe(0);
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBeNull();
	});

	test('clicking 理塘县 lists the features planned there', async () => {
		// A spot in the north-west of 理塘县, 54 km from the nearest plan point or line.
		await clickAt([99.65, 30.5], 8);
		await expect.poll(() => panel().locator('h2').textContent()).toBe('理塘县');
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBe('county-513334');
		const rows = panel().locator('button[data-feature]');
		expect(await rows.count()).toBeGreaterThan(3);
		// every row is selectable
		const row = panel().locator('details[open] button[data-feature]').first();
		const first = await row.getAttribute('data-feature');
		await row.click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(first);
	});

	test.each(['两河口', 'lianghekou', 'Lianghekou', 'lhk'])('search finds 两河口水电站 from “%s”', async (q) => {
		const results = await env.page.evaluate((text) => window.atlas!.query.search(text), q);
		expect(results[0]?.id).toBe('hydro-station-lianghekou');
		const input = env.page.getByRole('combobox');
		await input.fill(q);
		await expect.poll(() => env.page.getByRole('option').first().textContent()).toContain('两河口水电站');
		await input.press('Enter');
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.getState().selected))
			.toBe('hydro-station-lianghekou');
		await expect.poll(() => panel().locator('h2').textContent()).toBe('两河口水电站');
	});

	test('the 锂 (lithium) filter emphasises lithium features across layers, with a count', async () => {
		const expected = plan.features.filter((f) => f.properties.industries.some((i) => i.category === 'lithium')).length;
		expect(expected).toBeGreaterThan(3);
		await env.page.locator('button[data-category="lithium"]').click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().filter)).toEqual(['lithium']);
		await expect.poll(() => env.page.getByRole('status').textContent()).toContain(String(expected));
		await env.page.locator('button[data-category="lithium"]').click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().filter)).toEqual([]);
	});

	test('English mode shows English UI and names', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'en', selected: 'enclave-park-ganmei' }));
		await expect.poll(() => panel().locator('h2').textContent()).toBe('Ganzi–Meishan Industrial Park');
		const ui = (await env.page.locator('.left').textContent())!;
		expect(ui).toContain('Layers');
		expect(ui).toContain('Industry filter');
		expect(await env.page.getByRole('combobox').getAttribute('placeholder')).toMatch(/Search/);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', selected: null }));
	});

	test('a feature says how it is placed and what its figures measure, in the reader’s language', async () => {
		const f = plan.features.find(
			(x) => ['site', 'town'].includes(x.properties.location.precision) && x.properties.figures.length
		)!;
		expect(f, 'a precisely placed feature with figures').toBeTruthy();
		const { location, figures } = f.properties;
		const metric = METRICS[figures[0].metric];
		await env.page.evaluate((id) => window.atlas!.setState({ lang: 'zh', selected: id }), f.properties.id);
		await expect.poll(() => panel().textContent()).toContain(location.note_zh);
		let text = (await panel().textContent())!;
		expect(text).toContain(metric.zh);
		expect(text).toContain(BASIS_LABELS[location.basis].zh);
		expect(text).not.toContain(location.note_en);
		expect(text).not.toContain(figures[0].metric);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'en' }));
		await expect.poll(() => panel().textContent()).toContain(location.note_en);
		text = (await panel().textContent())!;
		expect(text).toContain(metric.en);
		expect(text).toContain(BASIS_LABELS[location.basis].en);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', selected: null }));
	});

	test('a statement about a group shows on its members as the group’s', async () => {
		const member = plan.features.find((x) => x.properties.industries.some((i) => i.group));
		expect(member, 'a member of a group').toBeTruthy();
		const group = member!.properties.industries.find((i) => i.group)!.group!;
		await env.page.evaluate((id) => window.atlas!.setState({ selected: id }), member!.properties.id);
		await expect.poll(() => panel().locator('.industries li.shared').count()).toBeGreaterThan(0);
		expect(await panel().locator('.industries li.shared').first().textContent()).toContain(group.name_zh);
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});

	test('setState refuses unknown selections and layers with a clear message', async () => {
		const msg = await env.page.evaluate(() =>
			window.atlas!.setState({ selected: 'no-such-thing' }).then(
				() => 'resolved',
				(e: Error) => e.message
			)
		);
		expect(msg).toMatch(/no feature or place "no-such-thing"/);
	});

	test('no request left the origin, no errors', () => {
		expectClean(env.guard);
	});
});

describe('on a phone', () => {
	test('the panel becomes a bottom sheet', async () => {
		const phone = await env.browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		const { page: p, guard: g } = await guardedPage(phone, env.origin);
		await openAtlas(p, `${env.origin}/`, { plan: true });
		await p.evaluate(() => window.atlas!.setState({ selected: 'hydro-station-lianghekou' }));
		const box = (await p.locator('aside.side-panel').boundingBox())!;
		expect(box.width).toBeGreaterThan(380);
		expect(box.y + box.height).toBeGreaterThan(840);
		await phone.close();
		expect(g.pageErrors).toEqual([]);
		expect(g.foreignRequests).toEqual([]);
	});
});
