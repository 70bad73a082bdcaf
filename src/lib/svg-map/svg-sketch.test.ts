import { describe, expect, it } from 'vitest';
import { area, distance } from '@turf/turf';
import {
	moveVertex,
	shapeVertices,
	sketchClick,
	sketchPreview,
	vertexAt,
	type Sketch,
	type SketchStep
} from './svg-sketch';

const start = (mode: Sketch['mode']): Sketch => ({ mode, points: [] });
const next = (s: SketchStep) => {
	if (!('sketch' in s)) throw new Error('finished too early');
	return s.sketch;
};

describe('drawing click by click', () => {
	it('a rectangle from two corners', () => {
		const s = next(sketchClick(start('rectangle'), [101, 30]));
		expect(sketchPreview(s, [102, 31])!.coordinates[0]).toHaveLength(5);
		const step = sketchClick(s, [102, 31]);
		expect(step).toEqual({
			done: {
				type: 'Polygon',
				coordinates: [
					[
						[101, 30],
						[102, 30],
						[102, 31],
						[101, 31],
						[101, 30]
					]
				]
			}
		});
	});

	it('a circle from its centre and a point on its edge, its radius geodesic', () => {
		const s = next(sketchClick(start('circle'), [102, 30]));
		const step = sketchClick(s, [102.1, 30]);
		if (!('done' in step) || step.done.type !== 'Polygon') throw new Error('no circle');
		const edge = step.done.coordinates[0][0];
		expect(distance([102, 30], edge)).toBeCloseTo(distance([102, 30], [102.1, 30]), 3);
		expect(step.done.coordinates[0]).toHaveLength(65);
	});

	it('a polygon closes on its first point or by a double click, never with fewer than three points', () => {
		let s = start('polygon');
		s = next(sketchClick(s, [101, 30]));
		s = next(sketchClick(s, [102, 30]));
		// too few points: the double click does nothing
		expect(sketchClick(s, [102, 30], { double: true })).toEqual({ sketch: s });
		expect(sketchPreview(s, null)!.type).toBe('LineString');
		s = next(sketchClick(s, [102, 31]));
		expect(sketchPreview(s, [101.5, 31.5])!.type).toBe('Polygon');
		const closed = sketchClick(s, [101, 30], { onFirst: true });
		if (!('done' in closed) || closed.done.type !== 'Polygon') throw new Error('not closed');
		expect(closed.done.coordinates[0]).toEqual([
			[101, 30],
			[102, 30],
			[102, 31],
			[101, 30]
		]);
		expect(area(closed.done)).toBeGreaterThan(0);
		const doubled = sketchClick(s, [102, 31], { double: true });
		expect('done' in doubled && doubled.done.coordinates[0]).toHaveLength(4);
	});

	it('a line ends with a double click, its last point placed once', () => {
		let s = start('linestring');
		s = next(sketchClick(s, [101, 30]));
		expect(sketchClick(s, [101, 30], { double: true })).toEqual({ sketch: s });
		s = next(sketchClick(s, [102, 30]));
		expect(sketchClick(s, [102, 30], { double: true })).toEqual({
			done: {
				type: 'LineString',
				coordinates: [
					[101, 30],
					[102, 30]
				]
			}
		});
	});
});

describe('editing a finished shape', () => {
	const square = sketchClick(next(sketchClick(start('rectangle'), [101, 30])), [102, 31]);
	const g = ('done' in square ? square.done : null)!;
	const screen = (p: number[]): [number, number] => [p[0] * 100, -p[1] * 100];

	it('finds the corner under the pointer, within reach', () => {
		expect(shapeVertices(g)).toHaveLength(4);
		expect(vertexAt(g, screen, [10203, -3098])).toBe(2);
		expect(vertexAt(g, screen, [10150, -3050])).toBe(-1);
	});

	it('moves a corner; the first corner moves the ring’s closing repeat too', () => {
		const moved = moveVertex(g, 0, [100.5, 29.5]);
		if (moved.type !== 'Polygon') throw new Error('not a polygon');
		expect(moved.coordinates[0][0]).toEqual([100.5, 29.5]);
		expect(moved.coordinates[0][4]).toEqual([100.5, 29.5]);
		expect(moved.coordinates[0][2]).toEqual([102, 31]);
		expect(g.coordinates[0][0]).toEqual([101, 30]);
		const line = moveVertex(
			{
				type: 'LineString',
				coordinates: [
					[1, 1],
					[2, 2]
				]
			},
			1,
			[3, 3]
		);
		expect(line.coordinates).toEqual([
			[1, 1],
			[3, 3]
		]);
	});
});
