/**
 * Spatial questions as a user asks them, in real Chromium against the built site: what is here (click), draw a
 * rectangle, near with the slider and its buffer, export CSV; and window.atlas.query answering the same, refusing bad
 * input with a clear message while the page stays usable.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { expectClean, useAtlas } from './harness';

const KANGDING_SEAT = [101.9556, 30.0013];
const AXIS = 'axis-kangba-east-west';

const env = useAtlas();
beforeAll(() => env.page.locator('details.tools > summary').click());

/** Screen position of [lng, lat] on a north-up map centred at `center` (Web Mercator, 512 px tiles). */
async function screenOf([lng, lat]: number[], center: number[], zoom: number) {
	const box = (await env.page.locator('.maplibregl-canvas').boundingBox())!;
	const world = 512 * 2 ** zoom;
	const y = (l: number) => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
	return {
		x: box.x + box.width / 2 + ((lng - center[0]) / 360) * world,
		y: box.y + box.height / 2 - ((y(lat) - y(center[1])) / (2 * Math.PI)) * world
	};
}
async function view(center: number[], zoom: number) {
	await env.page.evaluate(([c, z]) => window.atlas!.setState({ view: { center: c, zoom: z, bearing: 0, pitch: 0 } }), [
		center,
		zoom
	] as const);
}
const card = () => env.page.locator('section.tools');

describe('spatial questions in the page', () => {
	test('what is here: clicking 康定’s seat names 康定市 and 甘孜州, with nearest features', async () => {
		await view(KANGDING_SEAT, 9);
		await env.page.locator('button[data-tool="here"]').click();
		const p = await screenOf(KANGDING_SEAT, KANGDING_SEAT, 9);
		await env.page.mouse.click(p.x, p.y);
		await expect.poll(() => card().locator('[data-here="county"]').textContent()).toBe('康定市');
		expect(await card().locator('[data-here="prefecture"]').textContent()).toMatch(/^甘孜/);
		expect(await card().locator('[data-result]').count()).toBeGreaterThan(5);
		// the click asked the question; it did not select the county
		expect(await env.page.evaluate(() => window.atlas!.getState().selected)).toBeNull();
		await env.page.locator('button[data-tool="here"]').click(); // off again
	});

	test('drawing a rectangle over 康定–泸定 with the mouse lists 硬梁包 and the 康-泸 zone', async () => {
		const center = [101.9, 29.95];
		await view(center, 8);
		await env.page.locator('button[data-tool="area"]').click();
		await expect
			.poll(() => env.page.locator('button[data-draw="rectangle"]').getAttribute('aria-pressed'))
			.toBe('true');
		const a = await screenOf([101.4, 30.2], center, 8);
		const b = await screenOf([102.4, 29.7], center, 8);
		// terra-draw is loaded on first use: wait for its layers before drawing
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.inspect.styleLayers().some((id) => id.startsWith('td-'))))
			.toBe(true);
		await env.page.mouse.click(a.x, a.y);
		await env.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
		await env.page.mouse.move(b.x, b.y, { steps: 4 });
		await env.page.mouse.click(b.x, b.y);
		await expect.poll(() => card().locator('[data-result="hydro-station-yingliangbao"]').count()).toBe(1);
		expect(await card().locator('[data-result="zone-kang-lu"]').count()).toBe(1);
		await env.page.locator('button[data-draw="clear"]').click();
		await expect.poll(() => card().locator('[data-answer]').count()).toBe(0);
		await env.page.locator('button[data-tool="area"]').click(); // off
	});

	test('near: the slider lists what is within 20 km of 康巴东西发展轴 and draws the buffer; CSV export has a BOM', async () => {
		await env.page.evaluate(
			(id) => window.atlas!.setState({ selected: id, view: { center: [100.6, 30.0], zoom: 7 } }),
			AXIS
		);
		const slider = env.page.locator('input[data-near-km]');
		await slider.fill('20');
		await env.page.locator('button[data-near]').click();
		await expect.poll(() => card().locator('[data-result]').count()).toBeGreaterThan(5);
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.inspect.rendered('query-buffer-fill').length))
			.toBeGreaterThan(0);
		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			card().locator('button[data-export="csv"]').click()
		]);
		expect(download.suggestedFilename()).toBe(`sichuan-plan-atlas-near-${AXIS}-20km.csv`);
		const chunks: Buffer[] = [];
		for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
		const csv = Buffer.concat(chunks);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.toString('utf8')).toContain('id,name_zh,name_en,kind,km');
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});
});

describe('park proximity card', () => {
	test('康-泸产业集中区 shows the nearest energy bases with km, each selectable', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ selected: 'zone-kang-lu' }));
		const rows = env.page.locator('aside.side-panel section.proximity button[data-proximity]');
		await expect.poll(() => rows.count()).toBeGreaterThan(3);
		const text = (await env.page.locator('aside.side-panel section.proximity').textContent())!;
		expect(text).toMatch(/水电站.*km/);
		const first = await rows.first().getAttribute('data-proximity');
		await rows.first().click();
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(first);
		await env.page.evaluate(() => window.atlas!.setState({ selected: null }));
	});
});

describe('window.atlas.query', () => {
	test('measure: a line drawn with the mouse reads its geodesic length; a circle lists what it covers', async () => {
		const center = [102.1, 29.95];
		await view(center, 9);
		await env.page.locator('button[data-tool="measure"]').click();
		await expect
			.poll(() => env.page.evaluate(() => window.atlas!.inspect.styleLayers().some((id) => id.startsWith('td-'))))
			.toBe(true);
		// 康定 seat → 泸定 seat, finished with Enter
		const from = [101.9556, 30.0013];
		const to = [102.2346, 29.9144];
		const a = await screenOf(from, center, 9);
		const b = await screenOf(to, center, 9);
		await env.page.mouse.click(a.x, a.y);
		await env.page.mouse.move(b.x, b.y, { steps: 4 });
		await env.page.mouse.click(b.x, b.y);
		await env.page.keyboard.press('Enter');
		const shown = await expect
			.poll(() => card().locator('[data-measure="length"]').textContent(), { timeout: 30_000 })
			.toMatch(/km/)
			.then(() => card().locator('[data-measure="length"]').textContent());
		const { lineLengthKm } = await import('../lib/geo/measure');
		const expected = lineLengthKm([from, to]);
		// a click lands within a pixel (~0.2 km at zoom 9) of the intended point
		expect(Math.abs(parseFloat(shown!) - expected)).toBeLessThan(0.6);
		await env.page.locator('button[data-tool="measure"]').click(); // off

		await env.page.locator('button[data-tool="area"]').click();
		await env.page.locator('button[data-draw="circle"]').click();
		const c = await screenOf([102.25, 29.6], center, 9);
		await env.page.mouse.click(c.x, c.y);
		await env.page.mouse.move(c.x + 60, c.y, { steps: 4 });
		await env.page.mouse.click(c.x + 60, c.y);
		await expect.poll(() => card().locator('[data-answer="inside"]').count(), { timeout: 30_000 }).toBe(1);
		const drawn = await env.page.evaluate(() => window.atlas!.getState().drawn);
		expect(drawn?.type).toBe('Polygon');
		expect(drawn!.coordinates[0].length).toBeGreaterThan(16);
		await env.page.locator('button[data-draw="clear"]').click();
		await env.page.locator('button[data-tool="area"]').click(); // off
	});

	test('at, near and inside give the answers of the issue', async () => {
		const r = await env.page.evaluate((p) => window.atlas!.query.at(p as [number, number]), KANGDING_SEAT);
		expect(r.county?.name_zh).toBe('康定市');
		expect(r.prefecture?.code).toBe('513300');
		const near = await env.page.evaluate((id) => window.atlas!.query.near(id, 20), AXIS);
		const counties = new Set(near.map((h) => h.county_code));
		for (const code of ['513301', '513325', '513334']) expect(counties.has(code), code).toBe(true);
		const inside = await env.page.evaluate(() =>
			window.atlas!.query.inside({
				type: 'Polygon',
				coordinates: [
					[
						[101.4, 29.7],
						[102.4, 29.7],
						[102.4, 30.2],
						[101.4, 30.2],
						[101.4, 29.7]
					]
				]
			})
		);
		expect(inside.map((h) => h.id)).toContain('hydro-station-yingliangbao');
	});

	test('bad input is refused with a clear message, and the page stays usable', async () => {
		const reason = (expr: string) =>
			env.page.evaluate(`(${expr}).then(() => 'resolved', (e) => e.message)`) as Promise<string>;
		expect(await reason(`window.atlas.query.near('${AXIS}', 0)`)).toBe(
			'atlas.query.near: km must be between 0.1 and 500; got 0'
		);
		expect(await reason(`window.atlas.query.near('${AXIS}', 10000)`)).toMatch(/between 0.1 and 500; got 10000/);
		expect(
			await reason(
				`window.atlas.query.inside({type: 'Polygon', coordinates: [[[100, 30], [101, 31], [101, 30], [100, 31], [100, 30]]]})`
			)
		).toMatch(/^atlas\.query\.inside: .*self-intersecting/);
		expect(await reason(`window.atlas.query.at([116.4, 39.9]).then((r) => { if (r.inSichuan) throw 0; })`)).toBe(
			'resolved'
		);
		expect(await reason(`window.atlas.query.at(['x'])`)).toMatch(/^atlas\.query\.at: expected a position/);
		// still usable
		const [hit] = await env.page.evaluate(() => window.atlas!.query.search('两河口'));
		expect(hit.id).toBe('hydro-station-lianghekou');
	});

	test('no request left the origin, no errors', () => {
		expectClean(env.guard);
	});
});
