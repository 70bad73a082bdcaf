/**
 * What the map shows for a question about the reader's points: the points listed, and for "near my point" the
 * buffer drawn around it. Pure: positions in, one GeoJSON FeatureCollection out (turf's circle, on the sphere).
 */
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';

/** Sides of the buffer's polygon: smooth at any zoom the atlas allows. */
const BUFFER_STEPS = 96;

export function questionOverlay(h: {
	points: [number, number][];
	buffer: { center: [number, number]; km: number } | null;
}): FeatureCollection {
	const features: Feature[] = h.points.map((p) => ({
		type: 'Feature',
		properties: { part: 'point' },
		geometry: { type: 'Point', coordinates: p }
	}));
	if (h.buffer) {
		const c = circle(h.buffer.center, h.buffer.km, { units: 'kilometers', steps: BUFFER_STEPS });
		features.unshift({ ...c, properties: { part: 'buffer' } });
	}
	return { type: 'FeatureCollection', features };
}
