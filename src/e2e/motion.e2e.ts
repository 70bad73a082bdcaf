/**
 * Moving the map on software WebGL (the test Chromium draws with SwiftShader, so the atlas moves a picture of the map):
 * a drag and a wheel notch move a picture while the hand moves and draw the new view when it stops, at the camera the
 * hand asked for; clicks still select; `?motion=live` keeps MapLibre's own handlers, every frame drawn.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, guardedPage, openAtlas, useAtlas } from './harness';

const env = useAtlas();
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as {
	features: { properties: { id: string }; geometry: { coordinates: number[] } | null }[];
};
const LIANGHEKOU = plan.features.find((f) => f.properties.id === 'hydro-station-lianghekou')!.geometry!.coordinates;
const START = { center: [103, 30.5] as [number, number], zoom: 7, bearing: 0, pitch: 0 };

const view = (p: Page) => p.evaluate(() => window.atlas!.getState().view);
const transform = (p: Page) =>
	p.locator('.maplibregl-canvas-container').evaluate((el) => (el as HTMLElement).style.transform);
const mode = (p: Page) => p.locator('.maplibregl-canvas-container').getAttribute('data-motion');

/** The centre after the map's ground moved by (dx, dy) screen px at zoom `zoom` (north up, Web Mercator). */
function movedCentre([lng, lat]: number[], zoom: number, dx: number, dy: number): [number, number] {
	const world = 512 * 2 ** zoom;
	// the centre now shows the ground that was (dx, dy) up and left of it; Mercator y grows northward
	const m = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) + (dy / world) * 2 * Math.PI;
	return [lng - (dx / world) * 360, ((2 * Math.atan(Math.exp(m)) - Math.PI / 2) * 180) / Math.PI];
}

/** Degrees one screen px spans at `zoom` (longitude): the tolerance of a hand's position. */
const pxDeg = (zoom: number) => 360 / (512 * 2 ** zoom);

async function mapCentre(p: Page) {
	const box = (await p.locator('.maplibregl-canvas').boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function startAt(p: Page) {
	await p.evaluate((v) => window.atlas!.setState({ view: v, selected: null }), START);
}

describe('moving the map on software WebGL', () => {
	test('a drag moves a picture, then the map draws the view the hand asked for, without a transform', async () => {
		const p = env.page;
		expect(await mode(p)).toBe('picture');
		await startAt(p);
		const { x, y } = await mapCentre(p);
		await p.mouse.move(x, y);
		await p.mouse.down();
		await p.mouse.move(x + 100, y + 50, { steps: 5 });
		// mid-gesture: the picture has moved, the map's camera has not
		await expect.poll(() => transform(p)).toContain('translate(100px, 50px)');
		expect((await view(p)).center).toEqual(START.center);
		await p.mouse.up();
		await expect.poll(() => transform(p)).toBe('');
		const expected = movedCentre(START.center, START.zoom, 100, 50);
		await expect.poll(async () => Math.abs((await view(p)).center[0] - expected[0])).toBeLessThan(pxDeg(7));
		const after = await view(p);
		expect(after.center[1]).toBeGreaterThan(START.center[1]);
		expect(Math.abs(after.center[1] - expected[1])).toBeLessThan(pxDeg(7));
		expect(after.zoom).toBeCloseTo(7, 6);
		// a drag is not a click: nothing was selected where the hand let go
		expect(await p.evaluate(() => window.atlas!.getState().selected)).toBeNull();
	});

	test('a second drag made while the first is being drawn is kept', async () => {
		const p = env.page;
		await startAt(p);
		const { x, y } = await mapCentre(p);
		for (const [dx, dy] of [
			[80, 0],
			[0, -60]
		]) {
			await p.mouse.move(x, y);
			await p.mouse.down();
			await p.mouse.move(x + dx, y + dy, { steps: 3 });
			await p.mouse.up();
		}
		const expected = movedCentre(movedCentre(START.center, 7, 80, 0), 7, 0, -60);
		await expect.poll(() => transform(p)).toBe('');
		await expect.poll(async () => Math.abs((await view(p)).center[1] - expected[1])).toBeLessThan(pxDeg(7));
		expect(Math.abs((await view(p)).center[0] - expected[0])).toBeLessThan(pxDeg(7));
	});

	test('a wheel notch scales the picture, and after the pause the map draws the new zoom', async () => {
		const p = env.page;
		await startAt(p);
		const { x, y } = await mapCentre(p);
		await p.mouse.move(x, y);
		await p.mouse.wheel(0, -100);
		await expect.poll(() => transform(p)).toContain('scale(');
		await expect.poll(async () => (await view(p)).zoom).toBeGreaterThan(7.1);
		await expect.poll(() => transform(p)).toBe('');
		const after = await view(p);
		// a notch zooms as much as MapLibre's own wheel would, about the pointer (here the centre)
		expect(after.zoom).toBeCloseTo(7 + Math.log2(2 / (1 + Math.exp(-100 / 450))), 2);
		expect(Math.abs(after.center[0] - START.center[0])).toBeLessThan(pxDeg(7));
	});

	test('a click still selects the feature under it and opens its panel', async () => {
		const p = env.page;
		await p.evaluate(
			(c) =>
				window.atlas!.setState({
					view: { center: c as [number, number], zoom: 9, bearing: 0, pitch: 0 },
					layers: ['energy-hydro'],
					selected: null
				}),
			LIANGHEKOU
		);
		// the point is drawn (its layer comes on with the view)
		await expect
			.poll(() => p.evaluate(() => window.atlas!.inspect.rendered('plan-points').map((f) => f.id)), { timeout: 30_000 })
			.toContain('hydro-station-lianghekou');
		const { x, y } = await mapCentre(p);
		await p.mouse.click(x - 3, y);
		await expect.poll(() => p.evaluate(() => window.atlas!.getState().selected)).toBe('hydro-station-lianghekou');
		await expect.poll(() => p.locator('aside.side-panel').count()).toBe(1);
		expect(await transform(p)).toBe('');
		expectClean(env.guard);
	});

	test('?motion=live keeps MapLibre’s own drag: the map itself moves, never a picture', async () => {
		const { page, guard } = await guardedPage(env.context, env.origin);
		await openAtlas(page, `${env.origin}/?motion=live#v=1&map=7/30.5/103`);
		expect(await mode(page)).toBe('live');
		const { x, y } = await mapCentre(page);
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + 100, y, { steps: 5 });
		expect(await transform(page)).toBe('');
		await page.mouse.up();
		await expect.poll(async () => (await view(page)).center[0]).toBeLessThan(103 - 50 * pxDeg(7));
		expect(await transform(page)).toBe('');
		await page.close();
		expectClean(guard);
	});
});
