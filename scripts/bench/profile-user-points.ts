/**
 * Where the seconds of `/?bench-points=N` go (issue 13): opens the built atlas in headless Chromium, waits for ready
 * and prints the `user-data:*` performance marks (ms from the page's start) and the JS heap. Run after a build:
 *   npx tsx scripts/bench/profile-user-points.ts [N]
 */
import { launchChromium, serveStatic } from '../../src/e2e/harness.ts';

const n = Number(process.argv[2]) || 100_000;
const server = await serveStatic('build');
const browser = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('console', (m) =>
		m.type() === 'error' || m.text().startsWith('W ') ? console.log('console:', m.text()) : undefined
	);
	const t0 = Date.now();
	await page.goto(`${server.origin}/?bench-points=${n}`);
	await page.waitForSelector('html[data-atlas-ready="true"]', { timeout: 600_000 });
	console.log(`ready after ${Date.now() - t0} ms (wall, from goto)`);
	const marks = await page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.filter((m) => m.name.startsWith('user-data:'))
			.map((m) => [m.name, Math.round(m.startTime), (m as PerformanceMark).detail])
	);
	for (const [name, t, d] of marks)
		console.log(`${String(t).padStart(7)} ms  ${name}${typeof d === 'number' ? ` (took ${d} ms)` : ''}`);
	const alerts = await page.evaluate(() => [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent));
	if (alerts.length) console.log('alerts:', alerts.join(' | ').slice(0, 400));
	const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory);
	if (heap) console.log(`heap ${(heap.usedJSHeapSize / 1048576).toFixed(0)} MB`);
	await new Promise((r) => setTimeout(r, Number(process.env.AFTER_MS ?? 0)));
	const later = await page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.filter((m) => m.name.startsWith('user-data:'))
			.map((m) => [m.name, Math.round(m.startTime)])
	);
	if (later.length > marks.length)
		for (const [name, t] of later.slice(marks.length))
			console.log(`${String(t).padStart(7)} ms  ${name} (after ready)`);
} finally {
	await browser.close();
	await server.close();
}
