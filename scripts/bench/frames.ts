/**
 * Counts the map's WebGL frames and draw calls from navigation to `ready` and to the plan layers drawn, and the pan
 * frames (a person's tool for finding where frame time goes; not a test).
 *   npx tsx scripts/bench/frames.ts [runs=2] [hash=] [builds=build]
 * Each run: a fresh headless Chromium (software WebGL) on the built site, 1280×800. `builds` (comma-separated folders)
 * compares builds, alternating, one run of each per round.
 */
import { GL_DRAW_COUNTER, launchChromium, serveStatic } from '../../src/e2e/harness.ts';

const [runs = '2', hash = '', builds = 'build'] = process.argv.slice(2);

/** Page-side (plain JS, run before any page script): when `ready` and the plan layers were set. */
const MARK_READY = `
(() => {
	const mark = () => {
		const el = document.documentElement;
		if (el && el.dataset.atlasReady === 'true' && window.__readyAt == null) window.__readyAt = performance.now();
		if (el && el.dataset.atlasPlanReady === 'true' && window.__planAt == null) window.__planAt = performance.now();
	};
	new MutationObserver(mark).observe(document, { attributes: true, subtree: true });
})();
`;

const servers = await Promise.all(builds.split(',').map((dir) => serveStatic(dir)));
try {
	for (let i = 0; i < +runs * servers.length; i++) {
		const r = Math.floor(i / servers.length);
		const server = servers[i % servers.length];
		const build = builds.split(',')[i % servers.length];
		const browser = await launchChromium();
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		await context.addInitScript(GL_DRAW_COUNTER);
		await context.addInitScript(MARK_READY);
		const page = await context.newPage();
		page.on('pageerror', (e) => console.log('pageerror', e.message));
		await page.goto(`${server.origin}/${hash}`);
		await page.waitForFunction(() => (window as unknown as { __planAt?: number }).__planAt != null, null, {
			timeout: 120_000,
			polling: 100
		});
		const res = await page.evaluate(() => {
			const w = window as unknown as {
				__frames: { t: number; draws: number; ms: number }[];
				__readyAt: number;
				__planAt: number;
			};
			return { ready: w.__readyAt, plan: w.__planAt, frames: w.__frames.slice() };
		});
		const before = (t: number) => res.frames.filter((f) => f.t <= t);
		const sum = (fs: { ms: number }[]) => fs.reduce((a, f) => a + f.ms, 0);
		const toReady = before(res.ready);
		const toPlan = before(res.plan).filter((f) => f.t > res.ready);
		console.log(
			`${build} run ${r + 1}: ready ${Math.round(res.ready)} ms after ${toReady.length} GL frames; plan ${Math.round(res.plan)} ms, ` +
				`${toPlan.length} GL frames between (${sum(toPlan)} ms), draws/frame ${toPlan.map((f) => f.draws).join(',')}`
		);
		console.log('  frames ms ready→plan: ' + toPlan.map((f) => f.ms).join(','));
		// pan: drag as the peers harness does
		const n0 = (await page.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.length)) as number;
		await page.evaluate(() => {
			const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
			const widths = [canvas.width];
			(window as unknown as { __widths: number[] }).__widths = widths;
			new MutationObserver(() => widths.push(canvas.width)).observe(canvas, { attributes: true });
		});
		await page.mouse.move(640, 400);
		await page.mouse.down();
		const t0 = Date.now();
		while (Date.now() - t0 < 1500) {
			const a = (2 * Math.PI * (Date.now() - t0)) / 1500;
			await page.mouse.move(640 + 160 * Math.sin(a), 400 + 100 * (1 - Math.cos(a)) * 0.8, { steps: 1 });
			await new Promise((ok) => setTimeout(ok, 16));
		}
		await page.mouse.up();
		await new Promise((ok) => setTimeout(ok, 1500));
		const pan = (await page.evaluate(
			(n) => (window as unknown as { __frames: { ms: number; draws: number }[] }).__frames.slice(n),
			n0
		)) as {
			ms: number;
			draws: number;
		}[];
		const ms = pan.map((f) => f.ms).sort((a, b) => a - b);
		console.log(
			`  pan: ${pan.length} GL frames, p50 ${ms[Math.floor(ms.length / 2)]} ms, mean ${Math.round(sum(pan) / Math.max(1, pan.length))} ms, draws ${pan.map((f) => f.draws).join(',')}, ` +
				`canvas widths ${await page.evaluate(() => (window as unknown as { __widths: number[] }).__widths.join(','))}`
		);
		await browser.close();
	}
} finally {
	for (const server of servers) await server.close();
}
