import { describe, expect, test } from 'vitest';
import { goalLines, goalRatios, peerRows, peerTable, type PeerResult, type PeerSummary } from './peer-figures';

const span = (median: number) => ({ median, min: median, max: median, count: 3 });
function summary(ready: number, p50: number, gz: number, plan?: number): PeerSummary {
	return {
		ok: 3,
		failed: 0,
		readyMs: span(ready),
		planReadyMs: plan == null ? null : span(plan),
		gzBytes: span(gz),
		frameP50: span(p50),
		frameP95: span(p50 * 2)
	};
}

/** The figures of issue 12's own table (one harness run, 2 December). */
const result: PeerResult = {
	date: '2026-12-02T16:18:21.004Z',
	n: 1000,
	runs: 3,
	machine: { cpus: 2, chromium: '147', gl: 'SwiftShader (software)' },
	contestants: {
		echarts: { url: '/echarts/?n=1000', summary: summary(914, 16.7, 1_451_398) },
		leaflet: { url: '/leaflet/?n=1000', summary: summary(687, 16.7, 1_127_597) },
		'maplibre-deck': { url: '/maplibre-deck/?n=1000', summary: summary(2221, 133.3, 1_608_347) },
		atlas: { url: 'http://127.0.0.1:4173/', summary: summary(2787, 250, 1_185_214, 7028) },
		'atlas-all': { url: 'http://127.0.0.1:4173/#v=1&layers=x', summary: summary(3000, 450, 1_300_000, 9000) }
	}
};

describe('the atlas beside its peers', () => {
	test('the atlas map on screen is the prerendered map when measured, else the live map', () => {
		expect(peerRows(result, { firstMap: 500, firstViewGz: 700_000 }).find((r) => r.name === 'atlas')!.mapOnScreen).toBe(
			500
		);
		expect(peerRows(result).find((r) => r.name === 'atlas')!.mapOnScreen).toBe(2787);
		// the other pages' map is on screen when they are ready
		expect(
			peerRows(result, { firstMap: 500, firstViewGz: 700_000 }).find((r) => r.name === 'echarts')!.mapOnScreen
		).toBe(914);
	});

	test("today's figures miss every goal the issue names, with the issue's ratios", () => {
		const ratios = goalRatios(peerRows(result));
		expect(ratios.map((r) => r.met)).toEqual([false, false, false, false, null]);
		expect(ratios[1].value).toBeCloseTo(7028 / 2221); // "today 3.2×"
		expect(ratios[2].value).toBeCloseTo(250 / 133.3); // "today 1.9×"
		// without the bench's own first-view bytes there is no transfer figure (the harness's are by plan layers)
		expect(ratios[4].value).toBeNull();
		expect(goalRatios(peerRows(result, { firstMap: 500, firstViewGz: 712_704 }))[4]).toMatchObject({
			value: 696,
			met: false
		});
	});

	test('goals are met at or under their limits', () => {
		const fast = structuredClone(result);
		fast.contestants.atlas.summary = summary(2000, 133.3, 900 * 1024, 2221 * 1.3);
		fast.contestants['atlas-all'].summary = summary(2500, 266.6, 1000 * 1024, 4000);
		const ratios = goalRatios(peerRows(fast, { firstMap: 914, firstViewGz: 650 * 1024 }));
		expect(ratios.map((r) => r.met)).toEqual([true, true, true, true, true]);
		expect(goalLines(ratios)[4]).toBe(
			'- atlas first-view transfer (gzip, SVG included), KB: 650 KB (goal ≤ 650 KB): met'
		);
	});

	test('a contestant that failed or did not run has no figures, and its ratios say so', () => {
		const broken = structuredClone(result);
		broken.contestants['maplibre-deck'].summary = { ...summary(0, 0, 0), ok: 0, failed: 3, failures: ['timeout'] };
		delete (broken.contestants as Record<string, unknown>)['atlas-all'];
		const rows = peerRows(broken);
		expect(rows.find((r) => r.name === 'maplibre-deck')!.missing).toBe('timeout');
		expect(rows.find((r) => r.name === 'atlas-all')!.missing).toBe('not run');
		const ratios = goalRatios(rows);
		expect(ratios.slice(1, 4).map((r) => r.met)).toEqual([null, null, null]);
		expect(goalLines(ratios)[1]).toMatch(/n\/a .* no figure$/);
		expect(peerTable(rows)).toContain('| plain MapLibre + deck.gl | no figures: timeout |');
	});

	test('the table has a row per contestant, in seconds, ms and KB', () => {
		const lines = peerTable(peerRows(result, { firstMap: 480, firstViewGz: 600 * 1024 })).split('\n');
		expect(lines).toHaveLength(2 + 5);
		expect(lines[5]).toBe(
			'| the atlas, default layers | 0.48 s | 2.79 s | 7.03 s | 250 ms | 500 ms | — | 600 KB | 1157 KB |'
		);
		expect(lines[2]).toBe('| ECharts 6 (canvas) | 0.91 s | 0.91 s | — | 17 ms | 33 ms | — | 1417 KB | — |');
	});

	test('a p50 that lands on a short frame between long ones does not meet a frame goal: the mean frame must too', () => {
		const run = structuredClone(result);
		const pan = (wallMs: number, frames: number) => ({ ok: true, pan: { wallMs, frames } });
		run.contestants['maplibre-deck'].samples = [pan(3000, 25), pan(3000, 26), pan(3000, 27)];
		run.contestants['atlas-all'].summary.frameP50 = span(17);
		run.contestants['atlas-all'].samples = [pan(3300, 9), pan(3300, 13), { ok: false }, pan(3300, 9)];
		const rows = peerRows(run);
		expect(rows.find((r) => r.name === 'atlas-all')!.panMean).toBeCloseTo(3300 / 9);
		const all = goalRatios(rows)[3];
		expect(all.value).toBeCloseTo(17 / 133.3);
		expect(all.also).toBeCloseTo(3300 / 9 / (3000 / 26));
		expect(all.met).toBe(false);
		expect(goalLines([all])[0]).toMatch(/: 0\.13×; mean frame 3\.18× \(goal ≤ 2×\): NOT met$/);
	});
});
