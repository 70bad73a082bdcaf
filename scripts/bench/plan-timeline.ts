/**
 * Where the time from navigation to `ready` and on to the plan layers live (`planReady`) goes (issue 12; a person's
 * tool, not a test): in a fresh headless Chromium (software WebGL) on a built site, 1280×800, it records a CPU profile
 * of the page's main thread (CDP `Profiler`), the GL frames, the data files' fetch times, the `atlas:` performance
 * marks, and prints them on one time line with the main thread's busiest functions in each span.
 *   npx tsx scripts/bench/plan-timeline.ts [runs=1] [builds=build] [--top 25]
 * Builds given as a comma list are compared, alternating, one run of each per round.
 */
import { GL_DRAW_COUNTER, launchChromium, serveStatic, type GlFrame } from '../../src/e2e/harness.ts';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const [runs = '1', builds = 'build'] = args;

const MARK_READY = `
(() => {
	const mark = () => {
		const el = document.documentElement;
		if (el && el.dataset.atlasReady === 'true' && window.__readyAt == null) window.__readyAt = performance.now();
		if (el && el.dataset.atlasPlanReady === 'true' && window.__planAt == null) {
			window.__planAt = performance.now();
			// a named busy moment of 10 ms the CPU profile can find: it aligns the profile's clock with the page's
			(function __anchorPlanReady() { const end = performance.now() + 10; while (performance.now() < end); })();
		}
	};
	new MutationObserver(mark).observe(document, { attributes: true, subtree: true });
})();
`;

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

const ms = (n: number) => `${Math.round(n)}`.padStart(6) + ' ms';

const names = builds.split(',');
const servers = await Promise.all(names.map((dir) => serveStatic(dir)));
try {
	for (let i = 0; i < +runs * servers.length; i++) {
		const server = servers[i % servers.length];
		const build = names[i % servers.length];
		const browser = await launchChromium();
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
		await context.addInitScript(GL_DRAW_COUNTER);
		await context.addInitScript(MARK_READY);
		const page = await context.newPage();
		page.on('pageerror', (e) => console.log('pageerror', e.message));
		const cdp = await context.newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		// the profile's clock (µs, monotonic) against the page's performance.now(): read both at once after load
		await page.goto(`${server.origin}/`);
		await page.waitForFunction(() => (window as unknown as { __planAt?: number }).__planAt != null, null, {
			timeout: 120_000,
			polling: 50
		});
		const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
		const res = await page.evaluate(() => {
			const w = window as unknown as { __frames: GlFrame[]; __readyAt: number; __planAt: number };
			const files = performance
				.getEntriesByType('resource')
				.map((e) => e as PerformanceResourceTiming)
				.filter((e) => /\/data\/|\.json|worker|glyphs|_app\/immutable\/(nodes|entry)/.test(e.name))
				.map((e) => ({
					name: new URL(e.name).pathname,
					start: e.startTime,
					end: e.responseEnd,
					kb: e.encodedBodySize / 1024
				}));
			const marks = performance
				.getEntriesByType('mark')
				.map((m) => ({ name: m.name, t: m.startTime }))
				.filter((m) => m.name.startsWith('atlas:'));
			// the origin of performance.now() on the monotonic clock the profile uses (s → µs below)
			return {
				ready: w.__readyAt,
				plan: w.__planAt,
				frames: w.__frames.slice(),
				files,
				marks
			};
		});
		await browser.close();

		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		const parent = new Map<number, number>();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		let t = profile.startTime;
		const times = profile.timeDeltas.map((d) => (t += d));
		const origin = server.origin;
		// spans between the marks that come before `ready`, then ready → planReady
		const early = res.marks.filter((m) => m.t < res.ready).sort((x, y) => x.t - y.t);
		const cuts = [{ name: 'navigation', t: 0 }, ...early, { name: 'ready', t: res.ready }];
		const spans: [string, number, number][] = [
			...cuts.slice(1).map((m, k): [string, number, number] => [`${cuts[k].name} → ${m.name}`, cuts[k].t, m.t]),
			['ready → planReady', res.ready, res.plan]
		];
		console.log(`\n== ${build}: ready ${ms(res.ready)}, planReady ${ms(res.plan)} (page clock)`);
		console.log(`  data and code fetched (start → end, encoded KB):`);
		for (const f of res.files.sort((a, b) => a.start - b.start))
			console.log(`    ${ms(f.start)} → ${ms(f.end)}  ${f.kb.toFixed(1).padStart(7)} KB  ${f.name}`);
		console.log(`  marks:`);
		for (const m of res.marks) console.log(`    ${ms(m.t)}  ${m.name}`);
		console.log(`  GL frames (end time, ms, draws):`);
		console.log(
			'    ' +
				res.frames.map((f) => `${f.t}${f.t > res.plan ? '*' : ''}:${f.ms}/${f.draws}`).join('  ') +
				'   (* after planReady)'
		);
		// the profile's clock against the page's: the first sample in the anchor function is at planReady
		const anchor = profile.samples.findIndex((id) => byId.get(id)!.callFrame.functionName === '__anchorPlanReady');
		// (when the anchor was not sampled, the profile's end stands for planReady: Profiler.stop is sent within ~60 ms)
		const at = anchor >= 0 ? times[anchor] : profile.endTime - 60_000;
		const offset = (at - profile.startTime) / 1000 - res.plan;
		console.log(
			`  profile: ${profile.samples.length} samples, aligned at planReady${anchor >= 0 ? '' : ' (by its end, ±60 ms)'}`
		);
		for (const [label, a, b] of spans) {
			const self = new Map<string, number>();
			const total = new Map<string, number>();
			const cats = new Map<string, number>();
			for (let k = 0; k < profile.samples.length; k++) {
				const at = (times[k] - profile.startTime) / 1000 - offset;
				if (at < a || at >= b) continue;
				const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
				const leaf = byId.get(profile.samples[k])!;
				const key = (n: ProfileNode) => {
					const f = n.callFrame;
					const file = f.url.replace(origin, '').replace(/^.*\//, '');
					return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
				};
				self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
				const cat = leaf.callFrame.url
					? leaf.callFrame.url.replace(origin, '').replace(/^.*\//, '')
					: leaf.callFrame.functionName;
				cats.set(cat, (cats.get(cat) ?? 0) + dt);
				const seen = new Set<string>();
				for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
					const k2 = key(byId.get(id)!);
					if (seen.has(k2)) continue;
					seen.add(k2);
					total.set(k2, (total.get(k2) ?? 0) + dt);
				}
			}
			const sorted = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, top);
			console.log(`  -- ${label} (${Math.round(b - a)} ms): self time by script/category`);
			for (const [k, v] of sorted(cats)) console.log(`    ${ms(v)}  ${k}`);
			console.log(`  -- ${label}: self time by function`);
			for (const [k, v] of sorted(self)) console.log(`    ${ms(v)}  ${k}`);
			console.log(`  -- ${label}: total (inclusive) time by function`);
			for (const [k, v] of sorted(total)) console.log(`    ${ms(v)}  ${k}`);
		}
	}
} finally {
	await Promise.all(servers.map((s) => s.close()));
}
