/** Small GeoJSON builders for the SVG renderer's and the vector exports' unit tests (imported by tests only). */
import type { Feature, FeatureCollection, Point } from 'geojson';

/** A square polygon `d` degrees wide from its south-west corner. */
export const square = (x: number, y: number, d: number, props: Record<string, unknown>): Feature => ({
	type: 'Feature',
	properties: props,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			]
		]
	}
});

export const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

export const point = (x: number, y: number, props: Record<string, unknown>): Feature<Point> => ({
	type: 'Feature',
	properties: props,
	geometry: { type: 'Point', coordinates: [x, y] }
});
