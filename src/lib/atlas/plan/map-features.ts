/**
 * Prepares plan features for drawing: the small set of properties the MapLibre style and deck.gl layers read
 * (colours, label text, label priority), and one label point per feature.
 */
import { centroid, along, length, pointOnFeature, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { PlanMapFeature } from '$lib/data/plan-data';
import { familyOf, kindColour, partitionHue } from '$lib/style/plan-palette';
import { SICHUAN_BOUNDS } from '$lib/atlas/state';

const insideBox = ([x, y]: Position, [[x0, y0], [x1, y1]]: [[number, number], [number, number]]) =>
	x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Label priority by kind (lower is placed first): the structures the plans are built around win collisions. */
const KIND_RANK: Record<string, number> = {
	economic_region: 1,
	subregion: 2,
	axis: 3,
	enclave_park: 4,
	zone: 5,
	belt: 6,
	hydro_station: 7,
	pv_base: 8,
	wind_base: 8,
	hydro_base: 9,
	new_district: 10,
	park: 12,
	mine: 13,
	central_city: 14
};
const DEFAULT_RANK = 20;
/** Placements precise enough to draw a point filled, as a site (the others stand in at a seat). */
const PRECISE = ['site', 'town'];

/** Importance of a kind (lower first): label priority, and which of several stacked points a click picks. */
export function kindRank(kind: string): number {
	return KIND_RANK[kind] ?? DEFAULT_RANK;
}

export interface MapProps {
	id: string;
	kind: string;
	family: string;
	colour: string;
	fill: string;
	rank: number;
	label_zh: string;
	label_en: string;
	placement: 'point' | 'line' | 'area';
	/** Placed at its own site or town (a point drawn filled); otherwise (or absent) it stands in at a seat (a ring). */
	precise?: boolean;
}

/** Short names for labels: the plans' long formal names lose their generic tail on the map (kept in the panel). */
export function shortLabelZh(name: string): string {
	return name.replace(/[（(][^）)]*[）)]$/, '').trim();
}

/**
 * Map properties for every feature. Areas of one partition (same kind and layer, e.g. the four Aba sub-regions) get
 * distinct hues in a stable order.
 */
export function mapProps(features: PlanMapFeature[]): Map<string, MapProps> {
	const partitions = new Map<string, string[]>();
	for (const f of features) {
		if (!f.geometry.type.includes('Polygon')) continue;
		const key = `${f.properties.kind}|${f.properties.layers[0]}`;
		partitions.set(key, [...(partitions.get(key) ?? []), f.properties.id].sort());
	}
	const out = new Map<string, MapProps>();
	for (const f of features) {
		const p = f.properties;
		const isArea = f.geometry.type.includes('Polygon');
		const siblings = partitions.get(`${p.kind}|${p.layers[0]}`);
		out.set(p.id, {
			id: p.id,
			kind: p.kind,
			family: familyOf(p.kind),
			colour: kindColour(p.kind),
			fill: isArea && siblings && siblings.length > 1 ? partitionHue(siblings.indexOf(p.id)) : kindColour(p.kind),
			rank: kindRank(p.kind),
			label_zh: shortLabelZh(p.name_zh),
			label_en: p.name_en,
			placement: isArea ? 'area' : f.geometry.type === 'Point' ? 'point' : 'line',
			precise: PRECISE.includes(p.location.precision)
		});
	}
	return out;
}

/** Where a feature's label goes: the point itself, the middle of a line, a point inside an area. */
export function labelPoint(f: PlanMapFeature): Position {
	const g = f.geometry;
	if (g.type === 'Point') return g.coordinates;
	if (g.type === 'LineString') {
		// The middle of the line, or the nearest point to it inside Sichuan (lines to Shanghai label in Sichuan).
		const line = f as Feature<LineString>;
		const km = length(line);
		for (const share of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.05]) {
			const p = along(line, km * share).geometry.coordinates;
			if (insideBox(p, SICHUAN_BOUNDS)) return p;
		}
		return along(line, km / 2).geometry.coordinates;
	}
	if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
		const area = f as Feature<Polygon | MultiPolygon>;
		const c = centroid(area);
		return booleanPointInPolygon(c, area) ? c.geometry.coordinates : pointOnFeature(area).geometry.coordinates;
	}
	return centroid(f).geometry.coordinates;
}

/** GeoJSON for the MapLibre sources: drawable geometry with map props, and label points. */
export function mapCollections(features: PlanMapFeature[], props: Map<string, MapProps>) {
	const shapes: FeatureCollection = {
		type: 'FeatureCollection',
		features: features.map((f) => ({
			type: 'Feature',
			id: f.properties.id,
			properties: props.get(f.properties.id)!,
			geometry: f.geometry
		}))
	};
	const labels: FeatureCollection<Point> = {
		type: 'FeatureCollection',
		features: features.map((f) => ({
			type: 'Feature',
			id: f.properties.id,
			properties: props.get(f.properties.id)!,
			geometry: { type: 'Point', coordinates: labelPoint(f) }
		}))
	};
	return { shapes, labels };
}
