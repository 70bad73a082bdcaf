import { describe, expect, test } from 'vitest';
import {
	citedSeeds,
	exportSize,
	legendLayout,
	LEGEND_LINE,
	metresPerPixel,
	scaleBar,
	zoomForFrame
} from './image-layout';
import type { PlanFeature } from '$lib/data/plan-data';

describe('export sizes', () => {
	test('the viewport at 3× is three times the screen', () => {
		expect(exportSize('viewport', 3, { width: 1280, height: 800 })).toEqual({ width: 1280, height: 800, scale: 3 });
	});
	test('slide and A4 frames', () => {
		expect(exportSize('16:9', 2, { width: 500, height: 500 })).toMatchObject({ width: 1280, height: 720 });
		expect(exportSize('a4-landscape', 1, { width: 1, height: 1 })).toMatchObject({ width: 1123, height: 794 });
		expect(exportSize('a4-portrait', 4, { width: 1, height: 1 })).toMatchObject({ width: 794, height: 1123 });
	});
	test('unknown presets, scales and oversize frames are refused with a message', () => {
		expect(() => exportSize('poster', 1, { width: 1, height: 1 })).toThrow(/preset must be one of/);
		expect(() => exportSize('viewport', 5, { width: 1, height: 1 })).toThrow(/scale must be 1, 2, 3 or 4/);
		expect(() => exportSize('viewport', 4, { width: 2600, height: 1400 })).toThrow(/larger than 8192/);
	});
});

describe('framing and scale', () => {
	test('a smaller frame zooms out so the same ground stays in view; a larger one keeps the zoom', () => {
		expect(zoomForFrame(7, { width: 1280, height: 800 }, { width: 640, height: 400 })).toBeCloseTo(6);
		expect(zoomForFrame(7, { width: 1280, height: 800 }, { width: 1280, height: 720 })).toBeCloseTo(7 + Math.log2(0.9));
		expect(zoomForFrame(7, { width: 800, height: 600 }, { width: 1600, height: 1200 })).toBe(7);
	});
	test('metres per pixel halves with each zoom level and shrinks with latitude', () => {
		expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
		expect(metresPerPixel(30, 7) / metresPerPixel(30, 8)).toBeCloseTo(2);
		expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 3);
	});
	test('scale bars have round lengths that fit', () => {
		expect(scaleBar(1000, 120)).toEqual({ metres: 100000, px: 100, label: '100 km' });
		expect(scaleBar(10, 120)).toMatchObject({ metres: 1000, label: '1 km' });
		expect(scaleBar(3, 120)).toMatchObject({ metres: 200, px: 200 / 3, label: '200 m' });
		expect(scaleBar(1234, 150).px).toBeLessThanOrEqual(150);
	});
});

test('cited seeds are counted once per feature, most cited first', () => {
	const f = (files: string[]) =>
		({ properties: { sources: files.map((seed) => ({ seed })) } }) as unknown as PlanFeature;
	expect(citedSeeds([f(['004.txt', '004.txt']), f(['000.txt', '004.txt']), f(['000.txt'])])).toEqual([
		{ file: '000.txt', count: 2 },
		{ file: '004.txt', count: 2 }
	]);
});

describe('legendLayout', () => {
	const measure = (t: string) => t.length * 6;
	const rows = [{ heading: 'Layer' }, ...Array.from({ length: 9 }, (_, i) => ({ label: `row ${i}`, count: i }))];

	test('splits the lines into columns the room can hold, each as wide as its widest line', () => {
		const one = legendLayout(rows, 1000, measure, 14);
		expect(one.columns).toHaveLength(1);
		expect(one.height).toBe(26 + 10 * LEGEND_LINE + 6);
		const two = legendLayout(rows, 5 * LEGEND_LINE, measure, 14);
		expect(two.columns.map((c) => c.length)).toEqual([4, 4, 2]);
		expect(two.columnWidths[0]).toBe(22 + measure('row 2  2') + 8);
		expect(two.width).toBe(two.columnWidths.reduce((a, b) => a + b, 0) + 28);
	});

	test('caps a column at 320 px', () => {
		expect(legendLayout([{ heading: 'x'.repeat(200) }], 1000, measure, 14).columnWidths).toEqual([328]);
	});
});
