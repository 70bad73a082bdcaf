/**
 * Where each row of a user's layer lies in the plans' geography — county, prefecture and economic region — and, from
 * that, what a region's profile says of the user's data: the count of each layer's rows in the region and, for a table
 * by region, the rows that name the region itself (their cells as text). Pure, no DOM.
 *
 * A point counts in the county and prefecture holding it and in the economic region whose area holds it. A row of a
 * county table counts in its county, that county's prefecture and the economic region holding the county (a point on
 * its surface, as the join does); a row of a prefecture table counts in its prefecture and that prefecture's economic
 * region, and in no county — a prefecture's figure says nothing of one of its counties.
 */
import { pointOnFeature } from '@turf/turf';
import type { Position } from 'geojson';
import { placesAt, type SpatialIndex } from '$lib/geo/spatial-index';
import type { UserLayer } from '$lib/user-data/user-layer';

/** Where one row lies: GB/T 2260 codes and the economic region's feature id ('' / null where none). */
export interface RowPlace {
	county: string;
	prefecture: string;
	region: string | null;
}

/** A region a profile shows: a county or prefecture by its code, or an economic region by its feature id. */
export type RegionKey =
	{ level: 'county'; code: string } | { level: 'prefecture'; code: string } | { level: 'economic_region'; id: string };

/** The region a selection names: `county-510100`, `prefecture-513300`, or an economic region's feature id. */
export function regionKeyOf(selected: string | null, kindOf: (id: string) => string | undefined): RegionKey | null {
	if (!selected) return null;
	const m = /^(county|prefecture)-(\d{6})$/.exec(selected);
	if (m) return { level: m[1] as 'county' | 'prefecture', code: m[2] };
	return kindOf(selected) === 'economic_region' ? { level: 'economic_region', id: selected } : null;
}

/** The prefecture a Sichuan county belongs to: GB/T 2260 puts it in the code's first four digits. */
export const prefectureOfCounty = (code: string) => (code ? `${code.slice(0, 4)}00` : '');

function placeOf(index: SpatialIndex, p: Position): RowPlace {
	const { county, prefecture, regions } = placesAt(index, p);
	return {
		county: county?.code ?? '',
		prefecture: prefecture?.code ?? '',
		region: regions.find((r) => r.kind === 'economic_region')?.id ?? null
	};
}

const cache = new WeakMap<UserLayer, RowPlace[]>();

/** Each good row's place (computed once per layer object: a layer read again is a new object). */
export function rowPlaces(layer: UserLayer, index: SpatialIndex): RowPlace[] {
	const kept = cache.get(layer);
	if (kept) return kept;
	let places: RowPlace[];
	if (layer.kind === 'points') {
		places = layer.rows.map((_, i) => placeOf(index, [layer.positions[2 * i], layer.positions[2 * i + 1]]));
	} else {
		const items = layer.level === 'county' ? index.counties.items : index.prefectures.items;
		const byCode = new Map(items.map((f) => [String(f.properties?.code), f]));
		const byPlace = new Map<string, RowPlace>();
		places = layer.codes.map((code) => {
			if (!byPlace.has(code)) {
				const f = byCode.get(code);
				const region = f ? placeOf(index, pointOnFeature(f).geometry.coordinates).region : null;
				byPlace.set(
					code,
					layer.level === 'county'
						? { county: code, prefecture: prefectureOfCounty(code), region }
						: { county: '', prefecture: code, region }
				);
			}
			return byPlace.get(code)!;
		});
	}
	cache.set(layer, places);
	return places;
}

/** Whether a row's place lies in the region. */
export function placeIn(place: RowPlace, key: RegionKey): boolean {
	if (key.level === 'economic_region') return place.region === key.id;
	return key.level === 'county' ? place.county === key.code : place.prefecture === key.code;
}

export interface LayerHere {
	id: string;
	name: string;
	kind: UserLayer['kind'];
	/** Rows of the layer in the region. */
	count: number;
	/** A table by region at the region's own level: the columns and the rows naming the region (cells as text). */
	rows: { columns: string[]; cells: string[][] } | null;
}

/** Rows of a region table listed in a profile at most (the count has them all). */
export const MAX_LISTED_ROWS = 5;

/** What a region's profile says of each user layer: its rows there and, for a table by region, the region's rows. */
export function layerHere(layer: UserLayer, places: RowPlace[], key: RegionKey): LayerHere {
	const inside: number[] = [];
	places.forEach((p, i) => {
		if (placeIn(p, key)) inside.push(i);
	});
	const ownLevel = layer.kind === 'regions' && layer.level === key.level;
	return {
		id: layer.id,
		name: layer.name,
		kind: layer.kind,
		count: inside.length,
		rows: ownLevel
			? { columns: layer.columns, cells: inside.slice(0, MAX_LISTED_ROWS).map((i) => layer.rows[i]) }
			: null
	};
}

/** Rows per region of one level, most first: [key value, count]. */
export function countsBy(places: RowPlace[], level: RegionKey['level']): [string, number][] {
	const counts = new Map<string, number>();
	for (const p of places) {
		const k = level === 'economic_region' ? p.region : level === 'county' ? p.county : p.prefecture;
		if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
