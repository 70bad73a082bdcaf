/**
 * Fast and whole on every machine (issue 12), in real Chromium against the built site: the prerendered first map (in
 * the HTML, on screen with scripts off, framed where the live map draws), and the atlas without WebGL
 * (`--disable-webgl --disable-3d-apis`): Sichuan with the default layers drawn as SVG, a click that selects a feature
 * and opens its panel, search, layers, share links, pan and zoom, a PNG export, and the reader's own layers (points,
 * tables by region, shapes) drawn, clicked and exported.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Page } from 'playwright-core';
import { expectClean, guardedPage, imageStats, openAtlas, type PageGuard, useAtlas } from './harness';

type Feature = {
	properties: { id: string; kind: string; layers: string[]; location: { precision: string } };
	geometry: { type: string; coordinates: number[] } | null;
};
const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as { features: Feature[] };
/** Exactly placed points of a default layer: drawn one by one (not in a seat stack), at their own sites. */
const sitePoints = plan.features.filter(
	(f) =>
		f.geometry?.type === 'Point' &&
		f.properties.layers.includes('aba-parks') &&
		['site', 'town'].includes(f.properties.location.precision)
);
const subregion = plan.features.find((f) => f.properties.layers.includes('aba-subregions'))!;

const env = useAtlas({ page: false, noWebgl: true });

describe('the first map', () => {
	test('is in the prerendered HTML of the atlas and the embed, with the default layers and real text', () => {
		for (const file of ['build/index.html', 'build/embed/index.html']) {
			const html = readFileSync(file, 'utf8');
			expect(html).toContain('<div id="first-view" aria-hidden="true"><svg');
			expect(html).toContain('id="layer-aba-subregions-areas"');
			expect(html).toContain(`data-id="${subregion.properties.id}"`);
			expect(html).toMatch(/<text class="label-prefecture"[^>]*>成都市<\/text>/);
		}
		expect(readFileSync('build/sources/index.html', 'utf8')).not.toContain('id="first-view"');
	});

	test('is on screen before any script runs', async () => {
		const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${env.origin}/`);
		const stats = imageStats(await page.screenshot());
		expect(stats.distinctColours).toBeGreaterThan(40);
		// Sichuan's land colour fills the middle of the province (near 遂宁).
		const box = await page.locator('#first-view svg').boundingBox();
		expect(box!.width).toBeGreaterThan(500);
		await context.close();
	});

	test('frames the ground the live map frames, and goes once the plan layers are drawn', async () => {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 1600, height: 900 },
			{ width: 390, height: 844 }
		]) {
			const context = await env.browser.newContext({ viewport });
			const { page, guard } = await guardedPage(context, env.origin);
			await page.goto(`${env.origin}/`, { waitUntil: 'domcontentloaded' });
			// Where the first map draws some exactly placed parks (the centre of each zero-length round-capped mark).
			const ids = sitePoints.slice(0, 4).map((f) => f.properties.id);
			const drawn = await page.evaluate((ids) => {
				return ids.map((id) => {
					const mark = document.querySelector(`#first-view [data-id="${id}"] path`) as SVGGraphicsElement | null;
					if (!mark) return null;
					const r = mark.getBoundingClientRect();
					return [r.left + r.width / 2, r.top + r.height / 2];
				});
			}, ids);
			await page.waitForFunction(() => document.documentElement.dataset.atlasPlanReady === 'true', null, {
				timeout: 90_000
			});
			const live = await page.evaluate(
				(points) => points.map((p) => window.atlas!.inspect.project(p as [number, number])),
				sitePoints.slice(0, 4).map((f) => f.geometry!.coordinates)
			);
			for (let i = 0; i < ids.length; i++) {
				expect(drawn[i], `${ids[i]} in the first map at ${viewport.width}×${viewport.height}`).not.toBeNull();
				expect(Math.abs(drawn[i]![0] - live[i]![0])).toBeLessThan(2);
				expect(Math.abs(drawn[i]![1] - live[i]![1])).toBeLessThan(2);
			}
			await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 5_000 });
			expectClean(guard);
			await context.close();
		}
	});
});

describe('the atlas without WebGL', () => {
	let page: Page;
	let guard: PageGuard;

	beforeAll(async () => {
		const context = await env.noWebgl.newContext({ viewport: { width: 1280, height: 800 } });
		({ page, guard } = await guardedPage(context, env.origin));
		await openAtlas(page, `${env.origin}/`, { plan: true });
	});

	test('draws Sichuan with the default layers as SVG and says what is reduced, in the interface language', async () => {
		expect(await page.evaluate(() => window.atlas!.inspect.renderer())).toBe('svg');
		const map = page.locator('[data-renderer="svg"] svg');
		await expect.poll(() => map.locator('#layer-aba-subregions-areas path').count()).toBeGreaterThan(0);
		expect(await map.locator('#layer-ganzi-axes-belt-lines [data-id]').count()).toBeGreaterThan(0);
		expect(await map.locator('text.label-prefecture', { hasText: '成都市' }).count()).toBe(1);
		await expect.poll(() => page.locator('.fallback-notice').textContent()).toContain('WebGL');
		expect(await page.locator('.fallback-notice').textContent()).toContain('简化');
		expect(imageStats(await page.screenshot()).distinctColours).toBeGreaterThan(40);
		expectClean(guard);
	});

	test('a click on a feature selects it and opens its panel; a click on a county picks its place', async () => {
		// A point with no other mark within 16 px, so the click can only mean it.
		const marks = await page.evaluate(() =>
			[
				...document.querySelectorAll('[data-renderer="svg"] #plan-points [data-id], [data-renderer="svg"] .seat-stack')
			].map((el) => {
				const r = el.getBoundingClientRect();
				return { id: el.getAttribute('data-id'), x: r.left + r.width / 2, y: r.top + r.height / 2 };
			})
		);
		const park = marks.find(
			(m) =>
				m.id &&
				m.x > 340 &&
				m.x < 1200 &&
				m.y > 60 &&
				m.y < 740 &&
				marks.every((o) => o === m || Math.hypot(o.x - m.x, o.y - m.y) > 16)
		)!;
		const [x, y] = [park.x, park.y];
		await page.mouse.click(x, y);
		await expect.poll(() => page.evaluate(() => window.atlas!.getState().selected)).toBe(park.id);
		await expect.poll(() => page.locator('aside.side-panel h2').count()).toBeGreaterThan(0);
		// Empty land in 凉山州 at province zoom: the prefecture is picked.
		await page.evaluate(() => window.atlas!.setState({ selected: null }));
		const [lx, ly] = (await page.evaluate(() => window.atlas!.inspect.project([102.3, 27.2])))!;
		await page.mouse.click(lx, ly);
		await expect.poll(() => page.evaluate(() => window.atlas!.getState().selected)).toBe('prefecture-513400');
	});

	test('search, layers and the view work through the same API', async () => {
		const hits = await page.evaluate(() => window.atlas!.query.search('两河口'));
		expect(hits[0].id).toBe('hydro-station-lianghekou');
		await page.evaluate(() =>
			window.atlas!.setState({
				layers: ['energy-hydro'],
				selected: 'hydro-station-lianghekou',
				view: { center: [102, 30.5], zoom: 6 }
			})
		);
		const map = page.locator('[data-renderer="svg"] svg');
		await expect.poll(() => map.locator('[data-id="hydro-station-lianghekou"]').count()).toBeGreaterThan(0);
		expect(await map.locator('#layer-aba-subregions-areas').count()).toBe(0);
		// Drag pans, the wheel zooms.
		const before = await page.evaluate(() => window.atlas!.getState().view);
		await page.mouse.move(700, 400);
		await page.mouse.down();
		await page.mouse.move(800, 450, { steps: 5 });
		await page.mouse.up();
		const panned = await page.evaluate(() => window.atlas!.getState().view);
		expect(panned.center[0]).toBeLessThan(before.center[0]);
		await page.mouse.wheel(0, -480);
		await expect.poll(() => page.evaluate(() => window.atlas!.getState().view.zoom)).toBeGreaterThan(panned.zoom);
	});

	test('a share link opens with its view, layers and selection, and the PNG export draws the map', async () => {
		await page.evaluate(() =>
			window.atlas!.setState({
				view: { center: [101.3, 30.2], zoom: 7.5 },
				layers: ['energy-hydro'],
				selected: 'hydro-station-lianghekou',
				lang: 'en'
			})
		);
		const url = await page.evaluate(() => window.atlas!.shareUrl());
		const context = await env.noWebgl.newContext({ viewport: { width: 1024, height: 700 } });
		const { page: second, guard: g2 } = await guardedPage(context, env.origin);
		await openAtlas(second, url.replace(/^https?:\/\/[^/]+/, env.origin), { plan: true });
		await expect.poll(() => second.evaluate(() => window.atlas!.getState().selected)).toBe('hydro-station-lianghekou');
		const state = await second.evaluate(() => window.atlas!.getState());
		expect(state.view.center[0]).toBeCloseTo(101.3, 1);
		expect(state.view.zoom).toBeCloseTo(7.5, 1);
		expect(state.layers).toEqual(['energy-hydro']);
		expect(await second.locator('.fallback-notice').textContent()).toContain('simpler');
		const png = await second.evaluate(async () => {
			const blob = await window.atlas!.exportImage({ preset: 'viewport', scale: 1 });
			return { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
		});
		expect(png.type).toBe('image/png');
		const stats = imageStats(Buffer.from(png.bytes));
		expect(stats.distinctColours).toBeGreaterThan(40);
		expectClean(g2);
		await context.close();
	});

	test('the lens shades its regions (a pointer on one reports its count); answers are drawn; shapes are drawn click by click', async () => {
		await page.evaluate(() =>
			window.atlas!.setState({
				lang: 'zh',
				lens: 'lithium',
				selected: null,
				layers: [],
				view: { center: [102.2, 31], zoom: 7.5 }
			})
		);
		const map = page.locator('[data-renderer="svg"] svg');
		await expect.poll(() => map.locator('[data-lens] path').count()).toBeGreaterThan(0);
		const shaded = await page.evaluate(() => window.atlas!.getState().lens);
		expect(shaded).toBe('lithium');
		// A point inside a shaded county, found by the browser's own hit test of its path.
		const spot = await page.evaluate(() => {
			const path = document.querySelector<SVGPathElement>('[data-renderer="svg"] [data-lens] path')!;
			const box = path.getBBox();
			const matrix = path.getScreenCTM()!;
			for (let i = 1; i < 20; i++)
				for (let j = 1; j < 20; j++) {
					const p = new DOMPoint(box.x + (box.width * i) / 20, box.y + (box.height * j) / 20);
					if (path.isPointInFill(p)) {
						const s = p.matrixTransform(matrix);
						const top = document.elementFromPoint(s.x, s.y);
						if (top?.getAttribute('data-code') === path.getAttribute('data-code'))
							return { x: s.x, y: s.y, code: path.getAttribute('data-code')! };
					}
				}
			return null;
		});
		expect(spot).not.toBeNull();
		await page.mouse.move(spot!.x, spot!.y);
		await expect.poll(() => page.locator('[data-lens-hover]').textContent()).toMatch(/\d/);
		await page.mouse.move(5, 795);
		await page.evaluate(() => window.atlas!.setState({ lens: null }));
		await expect.poll(() => map.locator('[data-lens]').count()).toBe(0);

		// A shape from a link: drawn, its answer's features ringed.
		const zone = {
			type: 'Polygon',
			coordinates: [
				[
					[101.6, 29.7],
					[102.2, 29.7],
					[102.2, 30.2],
					[101.6, 30.2],
					[101.6, 29.7]
				]
			]
		};
		await page.evaluate(
			(z) => window.atlas!.setState({ drawn: z as never, view: { center: [101.9, 29.95], zoom: 8 } }),
			zone
		);
		await expect.poll(() => map.locator('#layer-query path').count()).toBeGreaterThan(0);
		await expect.poll(() => map.locator('[data-query-hit]').count()).toBeGreaterThan(0);
		// "What is here": the marker where the map was clicked.
		await page.evaluate(() => window.atlas!.setState({ drawn: null }));
		const tools = page.locator('section.tools');
		if (!(await tools.isVisible())) await page.getByText('空间查询', { exact: true }).click();
		await tools.locator('button[data-tool="here"]').click();
		const screen = async (p: number[]) =>
			(await page.evaluate((q) => window.atlas!.inspect.project(q as [number, number]), p))!;
		const [hx, hy] = await screen([101.96, 30.05]);
		await page.mouse.click(hx, hy);
		await expect.poll(() => map.locator('[data-query-marker]').count()).toBe(1);
		await tools.locator('button[data-tool="here"]').click();

		// Measuring, click by click: a line ended with a double click reads its geodesic length.
		await tools.locator('button[data-tool="measure"]').click();
		const from = [101.9556, 30.0013];
		const to = [102.2346, 29.9144];
		const [ax, ay] = await screen(from);
		const [bx, by] = await screen(to);
		await page.mouse.click(ax, ay);
		await page.mouse.move(bx, by, { steps: 3 });
		await expect.poll(() => page.locator('[data-sketch] path').count()).toBe(1);
		await page.mouse.dblclick(bx, by);
		const shown = await expect
			.poll(() => tools.locator('[data-measure="length"]').textContent())
			.toMatch(/km/)
			.then(() => tools.locator('[data-measure="length"]').textContent());
		const { lineLengthKm } = await import('../lib/geo/measure');
		expect(Math.abs(parseFloat(shown!) - lineLengthKm([from, to]))).toBeLessThan(0.8);
		expect(await page.locator('[data-sketch]').count()).toBe(0);
		expect(await map.locator('#layer-query path').count()).toBe(1);
		await tools.locator('button[data-tool="measure"]').click();

		// An area: a rectangle from two clicks is asked about, and kept in the link's state.
		await tools.locator('button[data-tool="area"]').click();
		await page.mouse.click(ax - 40, ay - 40);
		await page.mouse.click(bx + 40, by + 40);
		await expect.poll(() => tools.locator('[data-answer="inside"]').count()).toBe(1);
		const drawn = await page.evaluate(() => window.atlas!.getState().drawn);
		expect(drawn?.coordinates[0]).toHaveLength(5);
		expect(await map.locator('[data-query-hit]').count()).toBeGreaterThan(0);
		// Edit: a corner dragged reshapes the area, which is asked about again.
		await tools.locator('button[data-draw="select"]').click();
		await expect.poll(() => page.locator('[data-sketch] [data-corner]').count()).toBe(4);
		const corner = (await page.locator('[data-sketch] [data-corner="2"]').boundingBox())!;
		await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
		await page.mouse.down();
		await page.mouse.move(corner.x + 120, corner.y + 90, { steps: 4 });
		await page.mouse.up();
		await expect
			.poll(() => page.evaluate(() => JSON.stringify(window.atlas!.getState().drawn)))
			.not.toBe(JSON.stringify(drawn));
		const edited = await page.evaluate(() => window.atlas!.getState().drawn);
		expect(edited?.coordinates[0]).toHaveLength(5);
		expect(edited!.coordinates[0][0]).toEqual(drawn!.coordinates[0][0]);
		await tools.locator('button[data-draw="clear"]').click();
		await tools.locator('button[data-tool="area"]').click();
		await page.evaluate(() => window.atlas!.setState({ lang: 'en' }));
		expectClean(guard);
	});

	test('the reader’s own layers are drawn: points (a click shows the row), a table by region, shapes, PMTiles; and exported', async () => {
		await page.evaluate(() =>
			window.atlas!.setState({
				lang: 'en',
				selected: null,
				layers: ['energy-hydro'],
				view: { center: [104.07, 30.66], zoom: 9 }
			})
		);
		const map = page.locator('[data-renderer="svg"] svg');
		const csv = 'name,lon,lat\n甲<b>点</b>,104.05,30.65\n乙点,104.10,30.70\n';
		const rows = await page.evaluate(
			(t) => window.atlas!.data.add(t, { name: 'pts.csv', crs: 'wgs84' }).then((r) => r.rows),
			csv
		);
		expect(rows).toBe(2);
		await expect.poll(() => map.locator('[data-user-points] path').count()).toBe(2);
		const [x, y] = (await page.evaluate(() => window.atlas!.inspect.project([104.05, 30.65])))!;
		await page.mouse.click(x, y);
		const row = page.locator('[data-user-row]');
		await expect.poll(() => row.textContent()).toContain('甲<b>点</b>');
		expect(await page.evaluate(() => window.atlas!.getState().selected)).toBeNull();

		const table = 'county,value\n武侯区,5\n锦江区,10\n';
		await page.evaluate((t) => window.atlas!.data.add(t, { name: 'by-county.csv' }), table);
		await expect.poll(() => map.locator('[data-user-regions] path').count()).toBe(2);
		const zones = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: '甲片区' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[104.15, 30.55],
								[104.25, 30.55],
								[104.25, 30.62],
								[104.15, 30.62],
								[104.15, 30.55]
							]
						]
					}
				}
			]
		};
		await page.evaluate((z) => window.atlas!.data.add(z, { name: 'zones.geojson' }), zones);
		await expect.poll(() => map.locator('[data-user-shape]').count()).toBe(1);
		// A click inside the zone shows its row (no plan feature there at this zoom).
		const [zx, zy] = (await page.evaluate(() => window.atlas!.inspect.project([104.2, 30.585])))!;
		await page.mouse.click(zx, zy);
		await expect.poll(() => row.textContent()).toContain('甲片区');
		// The notice in the panel no longer says the layers are missing from the map.
		expect(await page.locator('[data-no-webgl]').count()).toBe(0);
		if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/svg-user-data.png` });

		const exported = await page.evaluate(async () => (await window.atlas!.exportSvg({ preset: 'viewport' })).text());
		expect(exported).toContain('data-user-points=');
		expect(exported).toContain('data-user-regions=');
		expect(exported).toContain('data-user-shape=');
		expect(exported).not.toContain('<b>');

		// A PMTiles archive: its tiles read from the file and drawn; a click on a site shows its properties as text.
		await page.locator('details.user-data').evaluate((d: HTMLDetailsElement) => (d.open = true));
		await page.locator('[data-user-file]').setInputFiles({
			name: 'sites.pmtiles',
			mimeType: 'application/octet-stream',
			buffer: readFileSync(new URL('../lib/user-data/fixtures/sites.pmtiles', import.meta.url))
		});
		await expect.poll(() => map.locator('[data-tiles-layer] circle').count()).toBeGreaterThan(0);
		expect(await map.locator('[data-tiles-layer] path').count()).toBeGreaterThan(0);
		await page.evaluate(() => window.atlas!.setState({ view: { center: [104.64, 28.75], zoom: 8 } }));
		const [sx, sy] = (await page.evaluate(() => window.atlas!.inspect.project([104.64, 28.75])))!;
		await expect
			.poll(async () => {
				await page.mouse.click(sx, sy);
				return page.locator('[data-tile-feature]').count();
			})
			.toBe(1);
		expect(await page.locator('[data-tile-feature] dd').first().textContent()).toBe('<img src=x onerror=alert(1)>');
		expect(await page.locator('[data-tile-feature] img').count()).toBe(0);
		const tilesExported = await page.evaluate(async () =>
			(await window.atlas!.exportSvg({ preset: 'viewport' })).text()
		);
		expect(tilesExported).toContain('data-tiles-layer=');

		const ids = await page.evaluate(() => window.atlas!.data.list().map((l) => l.id));
		for (const id of ids) await page.evaluate((i) => window.atlas!.data.remove(i), id);
		await expect.poll(() => map.locator('#layer-user-data').count()).toBe(0);
		await page.locator('[data-user-tiles] button', { hasText: /Remove|移除/ }).click();
		await expect.poll(() => map.locator('#layer-user-tiles').count()).toBe(0);
		expectClean(guard);
	});
});
