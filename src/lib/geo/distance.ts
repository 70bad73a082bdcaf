/**
 * Straight-line distances in km between a position and a plan geometry (point, line, area), and between two
 * geometries. Pure functions, no DOM.
 *
 * Point–point is the great circle (turf `distance`, sphere of radius 6371.0088 km). For lines and area boundaries the
 * closest point of each segment is found in a local equirectangular projection centred on the query position (a
 * segment is straight in longitude/latitude, as the map draws it), and the distance to that point is then measured on
 * the great circle, so a figure is never shorter than a real distance and is within a fraction of a percent of turf's
 * `pointToLineDistance` (tested). A position inside an area is 0 km from it.
 */
import { booleanPointInPolygon, earthRadius } from '@turf/turf';
import type { BBox, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

const RAD = Math.PI / 180;
const EARTH_KM = earthRadius / 1000;
/** Edges per chunk: a chunk's bbox lets a query skip 32 edges at once. */
const CHUNK = 32;

export interface Chunk {
	box: BBox;
	part: Position[];
	from: number;
	to: number;
}
/** A geometry prepared for distance queries (built once per feature). */
export interface Shape {
	type: 'point' | 'line' | 'area';
	/** Every position (points), line parts, or area rings. */
	parts: Position[][];
	chunks: Chunk[];
	bbox: BBox;
	/** The area itself, for point-in-polygon. */
	area?: Polygon | MultiPolygon;
}

function boxOf(positions: Position[]): BBox {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of positions) {
		if (x < x0) x0 = x;
		if (y < y0) y0 = y;
		if (x > x1) x1 = x;
		if (y > y1) y1 = y;
	}
	return [x0, y0, x1, y1];
}

export function shapeOf(g: Geometry): Shape {
	let type: Shape['type'];
	let parts: Position[][];
	switch (g.type) {
		case 'Point':
			[type, parts] = ['point', [[g.coordinates]]];
			break;
		case 'MultiPoint':
			[type, parts] = ['point', [g.coordinates]];
			break;
		case 'LineString':
			[type, parts] = ['line', [g.coordinates]];
			break;
		case 'MultiLineString':
			[type, parts] = ['line', g.coordinates];
			break;
		case 'Polygon':
			[type, parts] = ['area', g.coordinates];
			break;
		case 'MultiPolygon':
			[type, parts] = ['area', g.coordinates.flat()];
			break;
		default:
			throw new Error(`unsupported geometry ${g.type}`);
	}
	const chunks: Chunk[] = [];
	if (type !== 'point') {
		for (const part of parts) {
			for (let from = 0; from < Math.max(1, part.length - 1); from += CHUNK) {
				const to = Math.min(from + CHUNK, part.length - 1);
				chunks.push({ box: boxOf(part.slice(from, to + 1)), part, from, to });
			}
		}
	}
	const area = type === 'area' ? (g as Polygon | MultiPolygon) : undefined;
	return { type, parts, chunks, bbox: boxOf(parts.flat()), area };
}

/** Great-circle distance in km: the haversine formula turf's `distance` uses, inlined (this is the innermost loop of
 * every spatial question; turf's argument handling cost more than the maths). */
export function greatCircleKm(a: Position, b: Position): number {
	const dLat = (b[1] - a[1]) * RAD;
	const dLng = (b[0] - a[0]) * RAD;
	const h = Math.sin(dLat / 2) ** 2 + Math.sin(dLng / 2) ** 2 * Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD);
	return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)) * EARTH_KM;
}

/** Degrees of longitude and latitude that bound every position within `km` of `p` (a spherical cap's bbox). */
export function capBox([x, y]: Position, km: number): BBox {
	const r = km / EARTH_KM;
	const dLat = r / RAD;
	const c = Math.cos(Math.min(89.9, Math.abs(y) + dLat) * RAD);
	const dLng = Math.sin(r) >= c ? 180 : Math.asin(Math.sin(r) / c) / RAD;
	return [x - dLng, y - dLat, x + dLng, y + dLat];
}

/** The point of segment ab closest to p, in a local equirectangular projection about p. */
function closestOnSegment(p: Position, a: Position, b: Position, kx: number): Position {
	const [ax, ay] = [(a[0] - p[0]) * kx, a[1] - p[1]];
	const [bx, by] = [(b[0] - p[0]) * kx, b[1] - p[1]];
	const [dx, dy] = [bx - ax, by - ay];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
	return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** Distance in km from p to the segment ab (its closest point, then the great circle). */
export function segmentKm(p: Position, [a, b]: [Position, Position]): number {
	return greatCircleKm(p, closestOnSegment(p, a, b, Math.cos(p[1] * RAD)));
}

/** A lower bound (km) on the distance from p to anything in box. */
function boxKm(p: Position, [x0, y0, x1, y1]: BBox): number {
	const q: Position = [Math.max(x0, Math.min(x1, p[0])), Math.max(y0, Math.min(y1, p[1]))];
	if (q[0] === p[0] && q[1] === p[1]) return 0;
	// The clamped corner is the nearest box point in the projection; 0.99 absorbs its small error on the sphere.
	return 0.99 * greatCircleKm(p, q);
}

/** Distance from p to a line or an area's boundary, skipping chunks that cannot beat `best` (src/lib/user-join gives
 * it a boundary cut to the chunks that may be nearest). */
export function edgesKm(p: Position, shape: Shape, best = Infinity): number {
	const kx = Math.cos(p[1] * RAD);
	for (const { box, part, from, to } of shape.chunks) {
		if (boxKm(p, box) >= best) continue;
		if (to === from) best = Math.min(best, greatCircleKm(p, part[from]));
		for (let k = from + 1; k <= to; k++) {
			const d = greatCircleKm(p, closestOnSegment(p, part[k - 1], part[k], kx));
			if (d < best) best = d;
		}
	}
	return best;
}

/** Distance in km from a position to a shape: 0 inside an area. */
export function positionToShapeKm(p: Position, shape: Shape, best = Infinity): number {
	if (shape.type === 'point') {
		for (const q of shape.parts[0]) best = Math.min(best, greatCircleKm(p, q));
		return best;
	}
	if (shape.area) {
		const [x0, y0, x1, y1] = shape.bbox;
		if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1 && booleanPointInPolygon(p, shape.area)) return 0;
	}
	return edgesKm(p, shape, best);
}

const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const straddles = (d1: number, d2: number) => (d1 <= 0 && d2 >= 0) || (d1 >= 0 && d2 <= 0);
const boxesMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Whether any edge of a meets any edge of b. */
function edgesMeet(a: Shape, b: Shape): boolean {
	for (const ca of a.chunks) {
		for (const cb of b.chunks) {
			if (!boxesMeet(ca.box, cb.box)) continue;
			for (let i = ca.from + 1; i <= ca.to; i++) {
				const [p, q] = [ca.part[i - 1], ca.part[i]];
				for (let j = cb.from + 1; j <= cb.to; j++) {
					const [r, s] = [cb.part[j - 1], cb.part[j]];
					if (straddles(orient(r, s, p), orient(r, s, q)) && straddles(orient(p, q, r), orient(p, q, s))) return true;
				}
			}
		}
	}
	return false;
}

/** Distance in km between two shapes (0 when they touch, cross or one lies in the other). In the plane the distance
 * between two segments that do not cross is reached at an endpoint of one of them, so vertices both ways suffice.
 * When no edges meet, one area lies in the other exactly when any one vertex of it does, so one point-in-polygon
 * test each way settles containment and the vertex loop measures to edges only. */
export function shapeToShapeKm(a: Shape, b: Shape): number {
	if (a.type === 'point') return Math.min(...a.parts[0].map((p) => positionToShapeKm(p, b)));
	if (b.type === 'point') return shapeToShapeKm(b, a);
	if (boxesMeet(a.bbox, b.bbox) && edgesMeet(a, b)) return 0;
	for (const [inner, outer] of [
		[a, b],
		[b, a]
	]) {
		if (outer.area && positionToShapeKm(inner.parts[0][0], outer) === 0) return 0;
	}
	let best = Infinity;
	for (const [from, to] of [
		[a, b],
		[b, a]
	]) {
		for (const part of from.parts) for (const p of part) best = Math.min(best, edgesKm(p, to, best));
	}
	return best;
}
