/**
 * Vector exports as users get them in real Chromium against the built site, through window.atlas: the SVG parses with a
 * group per visible layer, feature names as text and a legend of the visible layers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	expectClean,
	guardedPage,
	launchChromium,
	openAtlas,
	serveStatic,
	type PageGuard,
	type StaticServer
} from './harness';

let server: StaticServer;
let browser: Browser;
let page: Page;
let guard: PageGuard;

beforeAll(async () => {
	server = await serveStatic();
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	({ page, guard } = await guardedPage(context, server.origin));
	await openAtlas(page, `${server.origin}/`, { plan: true });
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const LAYERS = ['ganzi-poles-cores', 'aba-parks'];

describe('SVG export', () => {
	test('the SVG parses, with a group per visible layer, feature names as text and a legend of the layers', async () => {
		await page.evaluate(
			(layers) => window.atlas!.setState({ layers, view: { center: [102.5, 30.6], zoom: 6.5 }, lang: 'zh' }),
			LAYERS
		);
		const result = await page.evaluate(async () => {
			const blob = await window.atlas!.exportSvg({ preset: 'a4-landscape' });
			const text = await blob.text();
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			const ids = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => e.id);
			const visible = window.atlas!.inspect.emphasised();
			return {
				type: blob.type,
				parseError: doc.querySelector('parsererror')?.textContent ?? null,
				root: [root.localName, root.getAttribute('width'), root.getAttribute('height')],
				groups: ids('g[id^="layer-"]'),
				legendLayers: [...doc.querySelectorAll('#legend [data-layer]')].map((e) => e.getAttribute('data-layer')),
				planTexts: [...doc.querySelectorAll('#layer-labels text[data-id]')].map((e) => [
					e.getAttribute('data-id'),
					e.textContent
				]),
				featureIds: [
					...new Set([...doc.querySelectorAll('#layer-plan [data-id]')].map((e) => e.getAttribute('data-id')))
				],
				visible,
				title: doc.querySelector('#title text')?.textContent,
				foot: doc.querySelector('#foot')?.textContent ?? '',
				scale: doc.querySelector('#scale-bar text')?.textContent,
				north: doc.querySelector('#north-arrow text')?.textContent
			};
		});
		expect(result.type).toBe('image/svg+xml');
		expect(result.parseError).toBeNull();
		expect(result.root).toEqual(['svg', '1123', '794']);
		for (const layer of LAYERS) expect(result.groups.some((g) => g.startsWith(`layer-${layer}-`))).toBe(true);
		expect(result.legendLayers).toEqual(LAYERS);
		// Plan features carry their ids, all of them visible ones; their labels are text with their names.
		expect(result.featureIds.length).toBeGreaterThan(3);
		for (const id of result.featureIds) expect(result.visible).toContain(id);
		expect(result.planTexts.length).toBeGreaterThan(2);
		// Labels are the features' names (shortened as the live map shortens them, never invented).
		const rows = await page.evaluate(() => window.atlas!.query.table());
		const nameOf = new Map(rows.map((r) => [r.id, r.name_zh]));
		for (const [id, text] of result.planTexts) {
			const core = text!.replace(/…$/, '');
			expect(core.length).toBeGreaterThan(1);
			expect(nameOf.get(id!) ?? '').toContain(core);
		}
		expect(result.title).toBe('四川产业规划图集');
		expect(result.foot).toContain('非官方');
		expect(result.scale).toMatch(/^\d+ km$/);
		expect(result.north).toBe('北');
		expectClean(guard);
	}, 120_000);

	test('bad options are refused with a clear message', async () => {
		const message = await page.evaluate(() =>
			window.atlas!.exportSvg({ preset: 'poster' as never }).then(
				() => 'ok',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/preset must be one of viewport, 16:9/);
	});
});
