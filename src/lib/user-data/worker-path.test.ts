import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manyToWgs84, toWgs84 } from './coordinates';
import { parseTable } from './parse-table';
import { summaryLines } from './summary-text';
import { countyGeography, isPointTable, pointLayerOf } from './worker-layer';

const topo = JSON.parse(readFileSync('static/data/base.topo.json', 'utf8'));

describe("the worker's path for points (issue 13)", () => {
	it('converts many positions at once to the same numbers as one by one', () => {
		const pts: [number, number][] = [
			[104.0657, 30.6574],
			[103.131786, 29.924767],
			[108.5, 32.1]
		];
		for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
			expect(manyToWgs84(pts, crs)).toEqual(pts.map((p) => toWgs84(p, crs)));
		}
		expect(pts[0]).toEqual([104.0657, 30.6574]);
		expect(manyToWgs84([], 'gcj02')).toEqual([]);
	});

	it('tells a table of points from a table by region', () => {
		expect(isPointTable(parseTable('name,lng,lat\na,104,30\n'), {})).toBe(true);
		expect(isPointTable(parseTable('县,企业数\n理塘,12\n'), {})).toBe(false);
		expect(isPointTable(parseTable('name,lng,lat\na,104,30\n'), { region: 'name' })).toBe(false);
	});

	it('places points with the counties alone as the page does: GCJ-02 points land in their counties', () => {
		const geo = countyGeography(topo, 'base.topo.json');
		const raw = parseTable(
			'name,lng,lat\n雨城点,103.131786,29.924767\n长宁点,104.742971,28.428480\n大邑点,103.375349,30.542821\nbad,x,1\n'
		);
		const layer = pointLayerOf(raw, geo, { crs: 'gcj02' });
		expect(layer.kind).toBe('points');
		expect(layer.rows.map((r) => r[0])).toEqual(['雨城点', '长宁点', '大邑点']);
		expect(layer.bad.map((b) => [b.row, b.code])).toEqual([[5, 'not-number']]);
		const counties = [0, 1, 2].map((i) => geo.countyAt([layer.positions[2 * i], layer.positions[2 * i + 1]]));
		expect(counties.every((c) => c && /^51\d{4}$/.test(c))).toBe(true);
		// read as WGS84 they fall across the border: the conversion made the difference
		const asWgs = pointLayerOf(raw, geo, { crs: 'wgs84' });
		const other = [0, 1, 2].map((i) => geo.countyAt([asWgs.positions[2 * i], asWgs.positions[2 * i + 1]]));
		expect(other).not.toEqual(counties);
	});

	it('says the join is under way while there is no summary yet', () => {
		expect(summaryLines(null, 'points', 'zh')[0]).toContain('合并');
		expect(summaryLines(null, 'points', 'en')[0]).toContain('Joining');
	});
});
