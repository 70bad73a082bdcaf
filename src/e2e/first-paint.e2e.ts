/**
 * The live map's first paint (issue 12, src/lib/map/hold-painting.ts): while the prerendered first map covers it, the
 * live map paints nothing until the base and the plan are loaded, then paints them in one frame; a plan file that
 * fails to load leaves the base map painted, never a blank one.
 */
import { expect, test } from 'vitest';
import { guardedPage, expectClean, imageStats, useAtlas, GL_DRAW_COUNTER, type GlFrame } from './harness';

const env = useAtlas({ page: false });

test('the live map paints its first view once, with the plan layers on it', async () => {
	const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addInitScript(GL_DRAW_COUNTER);
	const { page, guard } = await guardedPage(context, env.origin);
	await page.goto(`${env.origin}/`, { waitUntil: 'domcontentloaded' });
	await page.waitForFunction(() => document.documentElement.dataset.atlasPlanReady === 'true', null, {
		timeout: 90_000
	});
	const frames = await page.evaluate(() => (window as unknown as { __frames: GlFrame[] }).__frames);
	const before = frames.filter((f) => !f.ready);
	// Unheld, the map painted a dozen frames before ready (the base, then again with each source and label batch).
	expect(before.length, JSON.stringify(frames)).toBeGreaterThan(0);
	expect(before.length, JSON.stringify(frames)).toBeLessThanOrEqual(3);
	// The first painted frame already has everything the map draws at ready: the plan's layers are in it.
	const atReady = Math.max(...frames.map((f) => f.draws));
	expect(before[0].draws).toBe(atReady);
	expectClean(guard);
	await context.close();
});

for (const file of ['plan-map.json', 'plan-atlas.json']) {
	test(`a plan file that does not load (${file}) leaves the map painted and says why`, async () => {
		const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.route(`**/data/${file}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
		await page.goto(`${env.origin}/`, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(() => document.documentElement.dataset.atlasReady === 'true', null, {
			timeout: 90_000
		});
		await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30_000 });
		const stats = imageStats(await page.locator('.maplibregl-canvas').screenshot());
		expect(stats.distinctColours).toBeGreaterThan(8);
		await expect.poll(() => page.locator('body').textContent()).toContain(file);
		await context.close();
	});
}
