/**
 * Measuring on the map: length of a drawn line and area of a drawn polygon on the WGS84 ellipsoid, with Karney's
 * geodesic algorithms (geographiclib-geodesic) — accurate to millimetres, not the few-tenths-of-a-percent of a sphere.
 */
import geodesic from 'geographiclib-geodesic';
import type { Position } from 'geojson';

const WGS84 = geodesic.Geodesic.WGS84;

/** Length in km of the geodesic polyline through the positions. */
export function lineLengthKm(positions: Position[]): number {
	let m = 0;
	for (let i = 1; i < positions.length; i++) {
		const [[lng1, lat1], [lng2, lat2]] = [positions[i - 1], positions[i]];
		m += WGS84.Inverse(lat1, lng1, lat2, lng2).s12 ?? 0;
	}
	return m / 1000;
}

/** Area in km² and perimeter in km of a polygon (outer ring minus holes), edges being geodesics. */
export function polygonAreaKm2(rings: Position[][]): { areaKm2: number; perimeterKm: number } {
	let area = 0;
	let perimeter = 0;
	rings.forEach((ring, i) => {
		const poly = WGS84.Polygon(false);
		// GeoJSON rings repeat the first position; the polygon closes itself.
		for (const [lng, lat] of ring.slice(0, -1)) poly.AddPoint(lat, lng);
		const r = poly.Compute(false, true);
		if (i === 0) perimeter = r.perimeter;
		area += (i === 0 ? 1 : -1) * Math.abs(r.area ?? 0);
	});
	return { areaKm2: area / 1e6, perimeterKm: perimeter / 1000 };
}
