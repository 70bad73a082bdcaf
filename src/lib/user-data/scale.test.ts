import { describe, expect, test } from 'vitest';
import {
	categoryColors,
	colorByColumn,
	continuousColors,
	isNumeric,
	MAX_CATEGORIES,
	OTHER_COLOR,
	RADIUS_RANGE,
	sizeByColumn
} from './point-style';
import { aggregatedAt, binPoints, handoverZoom, MIN_AGGREGATED } from './binning';
import { cellAlpha } from './user-marks';
import { fileLimit, MAX_LIMIT, MIN_LIMIT } from './limits';
import { MAX_BYTES } from './decode';
import { havePublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { mulberry32 } from './bench';
import { JOIN_SLICE, summariseLayer, summariseLayerSliced } from './join';
import { summaryLines } from './summary-text';
import type { PointLayer } from './user-layer';

describe('colour and size by a column', () => {
	test('a column of numbers (with a few blanks) reads as numeric; names do not', () => {
		expect(isNumeric(['1', '2.5', '', '-3', '1e3'])).toBe(true);
		expect(isNumeric(['成都', '2', '3'])).toBe(false);
		expect(isNumeric(['', ''])).toBe(false);
	});

	test('categories: the most frequent first, with counts, the rest grey as "other"', () => {
		const values = ['a', 'b', 'b', 'c', 'c', 'c'];
		const { colors, legend } = categoryColors(values, 'kind');
		expect(legend.kind).toBe('category');
		if (legend.kind !== 'category') return;
		expect(legend.items.map((i) => [i.label, i.count])).toEqual([
			['c', 3],
			['b', 2],
			['a', 1]
		]);
		// each point carries its category's colour
		expect([...colors.slice(9, 12)]).toEqual(legend.items[0].color);
		expect([...colors.slice(0, 3)]).toEqual(legend.items[2].color);
		const many = Array.from({ length: MAX_CATEGORIES + 3 }, (_, i) => `k${i}`);
		const m = categoryColors(many, 'k').legend;
		expect(m.kind === 'category' && m.items.length).toBe(MAX_CATEGORIES);
		expect(m.kind === 'category' && m.other).toBe(3);
	});

	test('numbers: quintile classes along viridis, min and max in the legend, blanks grey and counted', () => {
		const values = [...Array.from({ length: 100 }, (_, i) => String(i + 1)), 'n/a'];
		const { colors, legend } = continuousColors(values, 'staff');
		expect(legend).toMatchObject({ kind: 'continuous', min: 1, max: 100, missing: 1 });
		if (legend.kind !== 'continuous') return;
		expect(legend.breaks).toHaveLength(4);
		expect([...colors.slice(0, 3)]).toEqual(legend.colors[0]);
		expect([...colors.slice(99 * 3, 100 * 3)]).toEqual(legend.colors[4]);
		expect([...colors.slice(100 * 3)]).toEqual(OTHER_COLOR);
		// a few huge values do not wash the rest into one colour
		const skew = continuousColors(['1', '2', '3', '4', '5', '1000000'], 'x').colors;
		expect(new Set([0, 1, 2, 3, 4].map((i) => skew.slice(3 * i, 3 * i + 3).join())).size).toBeGreaterThan(2);
		expect(colorByColumn(['1', '2'], 'x').legend.kind).toBe('continuous');
		expect(colorByColumn(['甲', '乙'], 'x').legend.kind).toBe('category');
	});

	test('size: area follows the value, within the radius range', () => {
		const { radii, legend } = sizeByColumn(['0', '100', '25', ''], 'v');
		expect(radii[0]).toBeCloseTo(RADIUS_RANGE[0]);
		expect(radii[1]).toBeCloseTo(RADIUS_RANGE[1]);
		const area = (r: number) => r * r - RADIUS_RANGE[0] ** 2;
		expect(area(radii[2]) / area(radii[1])).toBeCloseTo(0.25);
		expect(legend).toMatchObject({ min: 0, max: 100, missing: 1 });
	});
});

describe('counts in cells at low zoom', () => {
	const cluster = (n: number, lon: number, lat: number, span: number) =>
		Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? lat : lon) + (((i * 7919) % 1000) / 1000) * span);

	test('every point is counted once, in a cell that holds it', () => {
		const pts = Float64Array.from([104.06, 30.65, 104.07, 30.66, 102.0, 28.0, 104.061, 30.651]);
		const { cells, max } = binPoints(pts, 6);
		expect(cells.reduce((s, c) => s + c.count, 0)).toBe(4);
		expect(max).toBe(3);
		const big = cells.find((c) => c.count === 3)!;
		const [[w, n], , [e, s]] = big.polygon;
		expect(104.06).toBeGreaterThanOrEqual(w);
		expect(104.07).toBeLessThanOrEqual(e);
		expect(30.65).toBeGreaterThanOrEqual(s);
		expect(30.66).toBeLessThanOrEqual(n);
		expect(binPoints(new Float64Array(0), 5).cells).toEqual([]);
	});

	test('cells shrink as one zooms in: more, fuller-spread cells', () => {
		const pts = cluster(2000, 103, 29, 3);
		expect(binPoints(pts, 9).cells.length).toBeGreaterThan(binPoints(pts, 5).cells.length);
	});

	test('the hand-over zoom follows density: more points, or closer together, hand over later', () => {
		const sparse = handoverZoom(cluster(1000, 97, 26, 10));
		const dense = handoverZoom(cluster(100000, 97, 26, 10));
		const tight = handoverZoom(cluster(1000, 104, 30.6, 0.1));
		expect(dense).toBeGreaterThan(sparse);
		expect(tight).toBeGreaterThan(sparse);
		expect(aggregatedAt(dense - 1, dense)).toBe(true);
		expect(aggregatedAt(dense, dense)).toBe(false);
		// one place many times does not ask for an endless zoom; a few points are always points
		expect(handoverZoom(Float64Array.from({ length: 2000 }, (_, i) => (i % 2 ? 30 : 104)))).toBeLessThanOrEqual(14);
		expect(handoverZoom(cluster(MIN_AGGREGATED, 104, 30.6, 0.01))).toBe(0);
	});

	test('a fuller cell is darker', () => {
		expect(cellAlpha(1, 1000)).toBeLessThan(cellAlpha(100, 1000));
		expect(cellAlpha(1000, 1000)).toBeGreaterThan(200);
	});
});

describe('the file-size limit', () => {
	test('follows the device memory, within bounds; the fixed limit when the browser does not say', () => {
		expect(fileLimit(undefined)).toBe(MAX_BYTES);
		expect(fileLimit(4)).toBe(64 * 1024 * 1024);
		expect(fileLimit(0.25)).toBe(MIN_LIMIT);
		expect(fileLimit(64)).toBe(MAX_LIMIT);
		expect(fileLimit(NaN)).toBe(MAX_BYTES);
	});
});

describe('the benchmark entry', () => {
	test('reads ?bench-points=N, refusing nonsense and capping the size', async () => {
		const { benchPointCount, MAX_BENCH_POINTS } = await import('./bench');
		expect(benchPointCount('?bench-points=1000')).toBe(1000);
		expect(benchPointCount('?x=1')).toBeNull();
		expect(benchPointCount('?bench-points=-5')).toBeNull();
		expect(benchPointCount('?bench-points=1e9')).toBeNull();
		expect(benchPointCount('?bench-points=99999999')).toBe(MAX_BENCH_POINTS);
	});

	test('makes the peers harness points: same generator, seed and box', async () => {
		const { benchCsvParts, mulberry32, BENCH_SEED } = await import('./bench');
		// the first draw of the peers' mulberry32 with seed 20240601
		const r = mulberry32(BENCH_SEED);
		const first = 97.3 + r() * (108.6 - 97.3);
		const text = benchCsvParts(25_000).join('');
		const lines = text.trim().split('\n');
		expect(lines[0]).toBe('lon,lat');
		expect(lines).toHaveLength(25_001);
		expect(Number(lines[1].split(',')[0])).toBe(first);
		for (const line of lines.slice(1, 200)) {
			const [lon, lat] = line.split(',').map(Number);
			expect(lon).toBeGreaterThanOrEqual(97.3);
			expect(lat).toBeLessThanOrEqual(34.3);
		}
	});
});

describe.skipIf(!havePublishedData)('a large layer’s summary', () => {
	test('is estimated from evenly spaced rows, says so, and scales its counts to all rows', () => {
		const index = publishedSpatialIndex();
		const n = 3000;
		// the first half in 成都 (inside Sichuan), the second far outside (the sea east of Shanghai)
		const positions = Float64Array.from({ length: 2 * n }, (_, i) =>
			Math.floor(i / 2) >= n / 2 ? (i % 2 ? 30.6 : 124) : i % 2 ? 30.66 : 104.06
		);
		const layer = {
			kind: 'points',
			id: 'x',
			name: 'x',
			columns: ['lon', 'lat'],
			rows: Array.from({ length: n }, () => ['', '']),
			rowNumbers: [],
			bad: [],
			positions
		} as unknown as PointLayer;
		const s = summariseLayer(layer, index, 500);
		expect(s.sampled).toBe(500);
		expect(s.rows).toBe(n);
		expect(s.inSichuan).toBe(n / 2);
		const exact = summariseLayer(
			{ ...layer, rows: layer.rows.slice(0, 400), positions: positions.slice(0, 800) },
			index,
			500
		);
		expect(exact.sampled).toBeUndefined();
		expect(exact.inSichuan).toBe(400);
		expect(summaryLines(s, 'points', 'en').at(-1)).toMatch(/Estimated from 500/);
	});

	test('joined in slices, yielding between them, it is the same summary', async () => {
		const index = publishedSpatialIndex();
		const n = 1234;
		const r = mulberry32(7);
		const positions = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 ? 26 + r() * 8.3 : 97.3 + r() * 11.3));
		const rows = Array.from({ length: n }, () => ['', '']);
		const layer = {
			kind: 'points',
			id: 'x',
			name: 'x',
			columns: ['lon', 'lat'],
			rows,
			positions
		} as unknown as PointLayer;
		let pauses = 0;
		const pause = () => Promise.resolve(pauses++);
		for (const sample of [300, 5000]) {
			pauses = 0;
			expect(await summariseLayerSliced(layer, index, pause, sample)).toEqual(summariseLayer(layer, index, sample));
			expect(pauses).toBe(Math.ceil(Math.min(n, sample) / JOIN_SLICE) - 1);
		}
	});
});
