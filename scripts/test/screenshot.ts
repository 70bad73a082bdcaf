/**
 * Takes screenshots of atlas routes for a person to look at (not a test).
 *   npx tsx scripts/test/screenshot.ts [path=/] [width=1280] [height=800] [out=.cache/shots/atlas.png] [stateJSON]
 * Links are hashes (`/#map=9/30.62/104.1&layers=region-parks&lang=zh`). The plan's marks are drawn by deck.gl after
 * `ready`; SETTLE_MS (default 6000) waits for them under software WebGL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { guardedPage, launchChromium, openAtlas, serveStatic } from '../../src/e2e/harness.ts';

const [path = '/', width = '1280', height = '800', out = '.cache/shots/atlas.png', state] = process.argv.slice(2);
const server = await serveStatic();
const browser = await launchChromium();
try {
	const context = await browser.newContext({ viewport: { width: +width, height: +height }, deviceScaleFactor: 1 });
	const { page, guard } = await guardedPage(context, server.origin);
	await openAtlas(page, server.origin + path);
	if (state) await page.evaluate((s) => window.atlas!.setState(JSON.parse(s)), state);
	await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 6000));
	mkdirSync(dirname(out), { recursive: true });
	await page.screenshot({ path: out });
	console.log(`wrote ${out}`, JSON.stringify(guard));
} finally {
	await browser.close();
	await server.close();
}
