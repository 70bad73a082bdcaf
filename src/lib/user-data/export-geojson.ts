/**
 * The joined table of a user layer as GeoJSON, beside the CSV export: one Feature per good row, its cells and plan
 * columns as string properties (a GIS opens it as the same table), its geometry in WGS84 — the converted point, the
 * user's shape, or for a table by region the county's or prefecture's outline from the base geography. Pure, no DOM.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { SpatialIndex } from '$lib/geo/spatial-index';
import type { AnyLayer, PointLayer } from './user-layer';

/** Decimal places kept in exported coordinates (about 0.1 m, as in the CSV's wgs84 columns). */
export const COORD_DECIMALS = 6;

const round = (v: number) => Number(v.toFixed(COORD_DECIMALS));

/** Property names for the columns: a name met again (a user's column named like a plan column) gets " (2)". */
export function propertyNames(columns: string[]): string[] {
	const seen = new Map<string, number>();
	return columns.map((c) => {
		const n = (seen.get(c) ?? 0) + 1;
		seen.set(c, n);
		return n === 1 ? c : `${c} (${n})`;
	});
}

/** A table and each row's geometry → a FeatureCollection (rows without a geometry keep `geometry: null`). */
export function tableToGeoJson(
	columns: string[],
	rows: string[][],
	geometryOf: (i: number) => Geometry | null
): FeatureCollection<Geometry | null> {
	const names = propertyNames(columns);
	const features: Feature<Geometry | null>[] = rows.map((cells, i) => ({
		type: 'Feature',
		geometry: geometryOf(i),
		properties: Object.fromEntries(names.map((n, j) => [n, cells[j] ?? '']))
	}));
	return { type: 'FeatureCollection', features };
}

/** Each point's geometry: its WGS84 position, rounded to COORD_DECIMALS. */
export function pointGeometry(layer: PointLayer): (i: number) => Point {
	const p = layer.positions;
	return (i) => ({ type: 'Point', coordinates: [round(p[2 * i]), round(p[2 * i + 1])] });
}

/** Each good row's geometry in a layer: its point, its shape, or its region's outline. */
export function layerGeometry(layer: AnyLayer, index: SpatialIndex): (i: number) => Geometry | null {
	if (layer.kind === 'points') return pointGeometry(layer);
	if (layer.kind === 'regions') {
		const items = layer.level === 'county' ? index.counties.items : index.prefectures.items;
		const byCode = new Map(items.map((f) => [f.properties?.code as string, f.geometry]));
		return (i) => byCode.get(layer.codes[i]) ?? null;
	}
	return (i) => layer.geometries[i] ?? null;
}
