import { readFileSync } from 'node:fs';
import { guardedPage, launchChromium, openAtlas, serveStatic } from './src/e2e/harness.ts';

const OUT = '/work/scratch/shots/issue13-plans';
const CSV = 'name,lon,lat\n新都桥旁,101.51,30.05\n理塘,100.275,30.005\n天府广场,104.0633,30.6598\n';
const TABLE = '县,企业数\n理塘,12\n康定市,30\n';
const server = await serveStatic();
const browser = await launchChromium();
try {
	for (const [w, h, tag] of [
		[1280, 800, 'desktop'],
		[390, 844, 'phone']
	] as const) {
		for (const lang of ['zh', 'en']) {
			const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
			const { page, guard } = await guardedPage(context, server.origin);
			await openAtlas(page, `${server.origin}/#lang=${lang}`, { plan: true });
			await page.evaluate(
				async ([c, t]) => {
					await window.atlas!.data.add(c, { name: 'points.csv', crs: 'wgs84' });
					await window.atlas!.data.add(t, { name: 'counties.csv' });
				},
				[CSV, TABLE]
			);
			await page.evaluate(() => window.atlas!.setState({ selected: 'county-513334' }));
			await page.waitForTimeout(4000);
			await page.screenshot({ path: `${OUT}/profile-${tag}-${lang}.png` });
			await page.evaluate(() => window.atlas!.setState({ selected: null, view: { center: [101.5, 30.1], zoom: 7.5 } }));
			if (tag === 'phone') await page.locator('.controls-toggle, [data-controls-toggle]').first().click().catch(() => {});
			await page.locator('details.tools').evaluate((d: HTMLDetailsElement) => (d.open = true));
			await page.locator('[data-user-km]').fill('5');
			await page.locator('[data-ask="near-parks"]').click();
			await page.waitForTimeout(3000);
			await page.screenshot({ path: `${OUT}/questions-${tag}-${lang}.png` });
			await page.locator('[data-user-questions]').screenshot({ path: `${OUT}/questions-card-${tag}-${lang}.png` });
			await page.locator('details.tools').evaluate((d: HTMLDetailsElement) => (d.open = false));
			await page.locator('details.user-data').evaluate((d: HTMLDetailsElement) => (d.open = true));
			await page.locator('[data-user-file]').setInputFiles({
				name: 'sites.pmtiles',
				mimeType: 'application/octet-stream',
				buffer: readFileSync('src/lib/user-data/fixtures/sites.pmtiles')
			});
			await page.evaluate(() => window.atlas!.setState({ view: { center: [103.5, 29.6], zoom: 6.3 } }));
			await page.waitForTimeout(4000);
			await page.screenshot({ path: `${OUT}/pmtiles-${tag}-${lang}.png` });
			console.log(tag, lang, JSON.stringify(guard));
			await context.close();
		}
	}
} finally {
	await browser.close();
	await server.close();
}
