/**
 * Checks of what people and scripts pass to the spatial questions (a position, a distance, a drawn polygon), with
 * messages that say what was wrong and what is allowed. Pure functions, no DOM.
 */
import { area as areaM2, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A question the atlas cannot answer as asked; `message` says why, in words a reader can act on. */
export class SpatialQueryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SpatialQueryError';
	}
}

export const MIN_NEAR_KM = 0.1;
export const MAX_NEAR_KM = 500;
/** A drawn shape with more corners than this is not something a person drew. */
export const MAX_VERTICES = 10_000;
/** Below this (m²) a drawn shape has no area to speak of (a line, a double click). */
export const MIN_AREA_M2 = 1;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function checkPosition(input: unknown): Position {
	if (!Array.isArray(input) || input.length < 2 || !isNum(input[0]) || !isNum(input[1])) {
		throw new SpatialQueryError(`expected a position [lng, lat] of two numbers; got ${JSON.stringify(input)}`);
	}
	const [lng, lat] = input;
	if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
		throw new SpatialQueryError(`[${lng}, ${lat}] is not on Earth: lng must be −180…180 and lat −90…90`);
	}
	return [lng, lat];
}

export function checkKm(input: unknown): number {
	if (!isNum(input) || input < MIN_NEAR_KM || input > MAX_NEAR_KM) {
		throw new SpatialQueryError(`km must be between ${MIN_NEAR_KM} and ${MAX_NEAR_KM}; got ${JSON.stringify(input)}`);
	}
	return input;
}

/** A Polygon or MultiPolygon (bare or as a Feature) that is closed, simple and has an area. */
export function checkPolygon(input: unknown): Feature<Polygon | MultiPolygon> {
	const raw = input as { type?: unknown; geometry?: unknown; coordinates?: unknown } | null;
	const geometry = (raw?.type === 'Feature' ? raw.geometry : raw) as { type?: unknown; coordinates?: unknown } | null;
	if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
		throw new SpatialQueryError(
			`expected a GeoJSON Polygon or MultiPolygon (or a Feature of one); got ${String(geometry?.type ?? typeof input)}`
		);
	}
	const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
	if (!Array.isArray(polygons) || !polygons.length) throw new SpatialQueryError('the polygon has no coordinates');
	let vertices = 0;
	for (const rings of polygons) {
		if (!Array.isArray(rings) || !rings.length) throw new SpatialQueryError('a polygon has no rings');
		for (const ring of rings) {
			if (!Array.isArray(ring) || ring.length < 4) {
				throw new SpatialQueryError('every ring needs at least 4 positions (3 corners and the first again)');
			}
			for (const p of ring) checkPosition(p);
			const [first, last] = [ring[0], ring[ring.length - 1]];
			if (first[0] !== last[0] || first[1] !== last[1]) {
				throw new SpatialQueryError('a ring is not closed: its last position must repeat the first');
			}
			vertices += ring.length;
		}
	}
	if (vertices > MAX_VERTICES) {
		throw new SpatialQueryError(`the shape has ${vertices} vertices; at most ${MAX_VERTICES} are allowed`);
	}
	const feature = { type: 'Feature', properties: {}, geometry } as Feature<Polygon | MultiPolygon>;
	if (kinks(feature).features.length) {
		throw new SpatialQueryError('the shape crosses itself (self-intersecting); draw it without crossing edges');
	}
	if (!(areaM2(feature) >= MIN_AREA_M2)) throw new SpatialQueryError('the shape has no area (zero-area shape)');
	return feature;
}
