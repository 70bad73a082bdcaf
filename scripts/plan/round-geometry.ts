import type { Geometry, Position } from 'geojson';

/** Rounds every coordinate of a geometry to the given number of decimals. */
export function roundGeometry(g: Geometry, decimals: number): Geometry {
	const f = 10 ** decimals;
	const r = (p: Position): Position => p.map((x) => Math.round(x * f) / f);
	switch (g.type) {
		case 'Point':
			return { ...g, coordinates: r(g.coordinates) };
		case 'LineString':
		case 'MultiPoint':
			return { ...g, coordinates: g.coordinates.map(r) };
		case 'Polygon':
		case 'MultiLineString':
			return { ...g, coordinates: g.coordinates.map((l) => l.map(r)) };
		case 'MultiPolygon':
			return { ...g, coordinates: g.coordinates.map((p) => p.map((l) => l.map(r))) };
		case 'GeometryCollection':
			return { ...g, geometries: g.geometries.map((x) => roundGeometry(x, decimals)) };
	}
}
