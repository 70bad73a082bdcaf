/**
 * Drawing a shape on the map without WebGL, click by click (the live map uses terra-draw, which needs MapLibre): a
 * rectangle from two corners, a circle from its centre and a point on its edge, a polygon closed on its first corner
 * or by a double click, a line ended by a double click. Points are longitude/latitude, so a shape being drawn stays
 * put while the map pans or zooms. Pure: a sketch and a click in, the next sketch (or the finished shape) out.
 */
import { circle, distance } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';

export type SketchMode = 'rectangle' | 'polygon' | 'circle' | 'linestring';
export const SKETCH_MODES: readonly SketchMode[] = ['rectangle', 'polygon', 'circle', 'linestring'];

export interface Sketch {
	mode: SketchMode;
	/** The points placed so far, longitude/latitude. */
	points: Position[];
}

/** A click's outcome: the sketch goes on, or the shape is finished (and a new sketch starts). */
export type SketchStep = { sketch: Sketch } | { done: Polygon | LineString };

/** Sides of the polygon a circle is drawn as. */
const CIRCLE_STEPS = 64;

function rectangle([x0, y0]: Position, [x1, y1]: Position): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x0, y0],
				[x1, y0],
				[x1, y1],
				[x0, y1],
				[x0, y0]
			]
		]
	};
}

function disc(centre: Position, edge: Position): Polygon {
	const km = distance(centre, edge, { units: 'kilometers' });
	return circle(centre, Math.max(km, 1e-6), { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry;
}

const ring = (points: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...points, points[0]]] });

/**
 * A click at `p`. `onFirst`: the click landed on the sketch's first point (within a few px, the caller judges on
 * screen), which closes a polygon; `double`: it was the second click of a double click, which ends a polygon or a line.
 */
export function sketchClick(sketch: Sketch, p: Position, { onFirst = false, double = false } = {}): SketchStep {
	const points = sketch.points;
	switch (sketch.mode) {
		case 'rectangle':
			return points.length ? { done: rectangle(points[0], p) } : { sketch: { ...sketch, points: [p] } };
		case 'circle':
			return points.length ? { done: disc(points[0], p) } : { sketch: { ...sketch, points: [p] } };
		case 'polygon':
			// a double click's second click lands where its first placed a point: that point is not placed twice
			if ((onFirst || double) && points.length >= 3) return { done: ring(points) };
			return double ? { sketch } : { sketch: { ...sketch, points: [...points, p] } };
		case 'linestring':
			if (double && points.length >= 2) return { done: { type: 'LineString', coordinates: points } };
			return double ? { sketch } : { sketch: { ...sketch, points: [...points, p] } };
	}
}

/** What to show while drawing, with the pointer at `pointer`: the shape as it would be if the next click were there. */
export function sketchPreview(sketch: Sketch, pointer: Position | null): Polygon | LineString | null {
	const points = pointer ? [...sketch.points, pointer] : sketch.points;
	if (!sketch.points.length || points.length < 2) return null;
	switch (sketch.mode) {
		case 'rectangle':
			return rectangle(points[0], points[1]);
		case 'circle':
			return disc(points[0], points[1]);
		case 'polygon':
			return points.length >= 3 ? ring(points) : { type: 'LineString', coordinates: points };
		case 'linestring':
			return { type: 'LineString', coordinates: points };
	}
}

/** The corners of a finished shape that can be dragged: a polygon's ring without its closing repeat, a line's points. */
export function shapeVertices(g: Polygon | LineString): Position[] {
	return g.type === 'Polygon' ? g.coordinates[0].slice(0, -1) : g.coordinates;
}

/** The corner of a shape nearest a screen point within `reach` px (`screen` projects a position), or -1. */
export function vertexAt(
	g: Polygon | LineString,
	screen: (p: Position) => [number, number],
	at: readonly [number, number],
	reach = 8
): number {
	let best = -1;
	let bestD = reach;
	shapeVertices(g).forEach((p, i) => {
		const [x, y] = screen(p);
		const d = Math.hypot(x - at[0], y - at[1]);
		if (d <= bestD) {
			best = i;
			bestD = d;
		}
	});
	return best;
}

/** The shape with its corner `i` moved to `p` (a polygon's first corner moves its closing repeat too). */
export function moveVertex<G extends Polygon | LineString>(g: G, i: number, p: Position): G {
	if (g.type === 'LineString') return { ...g, coordinates: g.coordinates.map((q, k) => (k === i ? p : q)) } as G;
	const ring = g.coordinates[0].slice(0, -1).map((q, k) => (k === i ? p : q));
	return { ...g, coordinates: [[...ring, ring[0]], ...g.coordinates.slice(1)] } as G;
}
