/**
 * The foundation, as a user sees it: the atlas opens offline, draws Sichuan with legible Chinese names, frames the
 * province on desktop and phone, and answers the window.atlas API.
 */
import { describe, expect, test } from 'vitest';
import { expectClean, guardedPage, imageStats, openAtlas, useAtlas } from './harness';

const env = useAtlas({ page: false });

describe('the atlas page on a desktop screen', () => {
	test('renders a non-blank map of Sichuan with Chinese labels, offline, without errors', async () => {
		const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const { page, guard } = await guardedPage(context, env.origin);
		await openAtlas(page, `${env.origin}/`);

		const ready = await page.evaluate(async () => {
			await window.atlas!.ready;
			return { isReady: window.atlas!.isReady(), version: window.atlas!.version };
		});
		expect(ready.isReady).toBe(true);
		expect(ready.version).toMatch(/^\d+\.\d+\.\d+/);

		const shot = await page.screenshot();
		const stats = imageStats(shot);
		expect(stats.distinctColours).toBeGreaterThan(20);
		expect(stats.nonPaperShare).toBeGreaterThan(0.3);

		// Every prefecture seat is inside the initial view, and prefecture names are placed in Chinese.
		const seats = await page.evaluate(() => window.atlas!.inspect.rendered('prefecture-seat'));
		expect(new Set(seats.map((s) => s.code)).size).toBe(21);
		const labels = await page.evaluate(() => window.atlas!.inspect.rendered('label-prefectures'));
		const names = labels.map((l) => String(l.label_zh));
		expect(names).toContain('甘孜州');
		expect(names).toContain('成都市');
		await context.close();
		expectClean(guard);
	});

	test('county names appear in Chinese when zoomed in, and in English after switching language', async () => {
		const { page, guard } = await guardedPage(env.browser, env.origin);
		await page.setViewportSize({ width: 1280, height: 800 });
		await openAtlas(page, `${env.origin}/`);
		const state = await page.evaluate(() => window.atlas!.setState({ view: { center: [101.96, 30.0], zoom: 8 } }));
		expect(state.view.zoom).toBeCloseTo(8, 3);
		expect(state.view.center[0]).toBeCloseTo(101.96, 4);
		const counties = await page.evaluate(() => window.atlas!.inspect.rendered('label-counties').map((p) => p.label_zh));
		expect(counties).toContain('雅江县');
		expect(counties).toContain('泸定县');

		await page.getByRole('button', { name: '切换到英文' }).click();
		await page.waitForFunction(() => window.atlas!.getState().lang === 'en');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Sichuan Plan Atlas');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		const back = await page.evaluate(() => window.atlas!.setState({ lang: 'zh' }));
		expect(back.lang).toBe('zh');
		await page.close();
		expectClean(guard);
	});

	test('setState rejects bad input with a clear message and keeps the map', async () => {
		const { page, guard } = await guardedPage(env.browser, env.origin);
		await openAtlas(page, `${env.origin}/`);
		const before = await page.evaluate(() => window.atlas!.getState());
		const message = await page.evaluate(() =>
			window.atlas!.setState({ view: { zoom: 'near' }, lang: 'fr' }).then(
				() => 'resolved',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/view\.zoom/);
		expect(message).toMatch(/lang/);
		expect(await page.evaluate(() => window.atlas!.getState())).toEqual(before);
		await page.close();
		expectClean(guard);
	});
});

describe('the atlas page on a phone screen', () => {
	test('frames all of Sichuan', async () => {
		const context = await env.browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true
		});
		const { page, guard } = await guardedPage(context, env.origin);
		await openAtlas(page, `${env.origin}/`);
		const seats = await page.evaluate(() => window.atlas!.inspect.rendered('prefecture-seat'));
		expect(new Set(seats.map((s) => s.code)).size).toBe(21);
		await context.close();
		expectClean(guard);
	});
});

describe('the sources page', () => {
	test('states the sources and that this is not an official map', async () => {
		const { page, guard } = await guardedPage(env.browser, env.origin);
		await page.goto(`${env.origin}/sources/`);
		await expect.poll(() => page.locator('body').textContent()).toMatch(/非官方地图/);
		expect(await page.locator('body').textContent()).toMatch(/GCJ-02/);
		await page.close();
		expectClean(guard);
	});
});
