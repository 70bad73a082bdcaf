/**
 * A user layer joined to the plans: each row gets its county, prefecture and economic region, and (points) the nearest
 * planned park or zone with the distance — "seat-level" when the plan places that park only at a county or prefecture
 * seat, so the distance is to the seat and the park may lie anywhere in that county or prefecture. A summary counts
 * rows per economic region and rows within NEAR_PARK_KM of a park. The joined table exports as formula-safe CSV.
 * Pure, no DOM.
 */
import Papa from 'papaparse';
import { pointOnFeature } from '@turf/turf';
import type { Position } from 'geojson';
import { nearPosition, nearestOf, placesAt, type SpatialIndex } from '$lib/geo/spatial-index';
import type { UserLayer } from './user-layer';

import { NEAR_PARK_KM, PARK_KINDS } from './park-kinds';
import { PLAN_COLUMNS, parkColumnsOf, placeColumnsOf, type JoinedRow, type JoinSummary } from './joined-row';

export { NEAR_PARK_KM, PARK_KINDS };
export { PLAN_COLUMNS, parkColumnsOf, placeColumnsOf, type JoinedRow, type JoinSummary } from './joined-row';

const EMPTY = placeColumnsOf(null, null, null);

function placeColumns(index: SpatialIndex, p: Position) {
	const { county, prefecture, regions } = placesAt(index, p);
	return placeColumnsOf(county, prefecture, regions.find((r) => r.kind === 'economic_region') ?? null);
}

function parkColumns(index: SpatialIndex, p: Position) {
	const park = nearestOf(index, p, PARK_KINDS);
	if (!park) return parkColumnsOf(null, 0, null, null);
	const range = park.kmMin !== undefined && park.kmMax !== undefined ? { kmMin: park.kmMin, kmMax: park.kmMax } : null;
	const lo = park.kmMin ?? park.km;
	const hi = park.kmMax ?? park.km;
	const near = hi <= NEAR_PARK_KM ? 'certain' : lo <= NEAR_PARK_KM ? nearAmong(index, p) : null;
	return parkColumnsOf(park, park.km, range, near);
}

/** The nearest park by least possible distance may be a seat-level one that is only possibly within NEAR_PARK_KM
 * while a site-placed park certainly is (the spatial question "my points near parks" counts such a row as certain). */
function nearAmong(index: SpatialIndex, p: Position): 'certain' | 'possible' {
	const hits = nearPosition(index, p, NEAR_PARK_KM, PARK_KINDS);
	return hits.some((h) => (h.kmMax ?? h.km) <= NEAR_PARK_KM) ? 'certain' : 'possible';
}

/** Each good row's plan columns. Region tables take the place's own county / prefecture (a point on its surface for
 * the economic region) and no park: a park's distance from a whole county says little. */
export function joinLayer(layer: UserLayer, index: SpatialIndex): JoinedRow[] {
	if (layer.kind === 'points') {
		return layer.rows.map((_, i) => {
			const p = [layer.positions[2 * i], layer.positions[2 * i + 1]];
			return { ...placeColumns(index, p), ...parkColumns(index, p) };
		});
	}
	const items = layer.level === 'county' ? index.counties.items : index.prefectures.items;
	const byCode = new Map(items.map((f) => [f.properties?.code as string, f]));
	const cache = new Map<
		string,
		Omit<JoinedRow, 'nearest_park' | 'nearest_park_id' | 'nearest_park_km' | 'nearest_park_placement' | 'near'>
	>();
	return layer.codes.map((code) => {
		if (!cache.has(code)) {
			const f = byCode.get(code);
			const cols = f ? placeColumns(index, pointOnFeature(f).geometry.coordinates) : EMPTY;
			cache.set(code, layer.level === 'county' ? cols : { ...cols, county_code: '', county: '' });
		}
		return {
			...cache.get(code)!,
			nearest_park: '',
			nearest_park_id: '',
			nearest_park_km: '',
			nearest_park_placement: '',
			near: null
		};
	});
}

/**
 * Rows joined for a large layer's summary. Joining a row costs about a millisecond here (county polygons, geodesic
 * distances to parks), so a million rows would hold the tab for a quarter of an hour: the summary of a larger layer is
 * an estimate from evenly spaced rows, and says so; the joined export joins every row.
 */
export const SUMMARY_SAMPLE = 2000;

/** The rows `picked` of a layer, as a layer (joinLayer reads only positions or codes, and the count of rows). */
function partOf(layer: UserLayer, picked: number[]): UserLayer {
	const rows = picked.map(() => [] as string[]);
	return layer.kind === 'points'
		? {
				...layer,
				rows,
				positions: Float64Array.from(picked.flatMap((i) => [layer.positions[2 * i], layer.positions[2 * i + 1]]))
			}
		: { ...layer, rows, codes: picked.map((i) => layer.codes[i]) };
}

/** The rows the summary joins: all up to `sample`, else `sample` evenly spaced ones. */
function sampleOf(n: number, sample: number): number[] | null {
	if (n <= sample) return null;
	const step = n / sample;
	return Array.from({ length: sample }, (_, k) => Math.floor(k * step));
}

/** The summary of a layer: exact up to SUMMARY_SAMPLE rows, else estimated from that many evenly spaced rows. */
export function summariseLayer(layer: UserLayer, index: SpatialIndex, sample = SUMMARY_SAMPLE): JoinSummary {
	const picked = sampleOf(layer.rows.length, sample);
	return scaled(summarise(joinLayer(picked ? partOf(layer, picked) : layer, index)), layer.rows.length, picked);
}

/** Rows joined between two yields to the page (about a millisecond a row: the page answers within ~0.1 s). */
export const JOIN_SLICE = 100;

/** `summariseLayer` in slices of JOIN_SLICE rows, awaiting `pause` between them so the page stays responsive (and
 * draws); the same summary. */
export async function summariseLayerSliced(
	layer: UserLayer,
	index: SpatialIndex,
	pause: () => Promise<unknown>,
	sample = SUMMARY_SAMPLE
): Promise<JoinSummary> {
	const n = layer.rows.length;
	const picked = sampleOf(n, sample) ?? Array.from({ length: n }, (_, i) => i);
	const joined: JoinedRow[] = [];
	for (let k = 0; k < picked.length; k += JOIN_SLICE) {
		if (k) await pause();
		joined.push(...joinLayer(partOf(layer, picked.slice(k, k + JOIN_SLICE)), index));
	}
	return scaled(summarise(joined), n, n <= sample ? null : picked);
}

function scaled(s: JoinSummary, n: number, picked: number[] | null): JoinSummary {
	if (!picked) return s;
	const sample = picked.length;
	const scale = (c: number) => Math.round((c * n) / sample);
	return {
		...s,
		rows: n,
		inSichuan: scale(s.inSichuan),
		byRegion: s.byRegion.map((r) => ({ ...r, count: scale(r.count) })),
		nearPark: scale(s.nearPark),
		nearParkPossible: scale(s.nearParkPossible),
		sampled: sample
	};
}

export function summarise(joined: JoinedRow[]): JoinSummary {
	const counts = new Map<string, { id: string; name_zh: string; name_en: string; count: number }>();
	let inSichuan = 0;
	let nearPark = 0;
	let nearParkPossible = 0;
	for (const r of joined) {
		if (r.county_code || r.prefecture) inSichuan++;
		if (r.near === 'certain') nearPark++;
		if (r.near === 'possible') nearParkPossible++;
		if (!r.regionId) continue;
		const c = counts.get(r.regionId) ?? { id: r.regionId, name_zh: r.economic_region, name_en: r.regionEn, count: 0 };
		c.count++;
		counts.set(r.regionId, c);
	}
	const n = joined.length;
	const byRegion = [...counts.values()]
		.map((c) => ({ ...c, share: n ? c.count / n : 0 }))
		.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
	return { rows: n, inSichuan, byRegion, nearPark, nearParkPossible, nearParkKm: NEAR_PARK_KM };
}

/** The layer's columns followed by the plan columns (points: also the WGS84 longitude and latitude used). */
export function joinedTable(layer: UserLayer, joined: JoinedRow[]): { columns: string[]; rows: string[][] } {
	const points = layer.kind === 'points';
	const columns = [...layer.columns, ...(points ? ['wgs84_lon', 'wgs84_lat'] : []), ...PLAN_COLUMNS];
	const rows = layer.rows.map((cells, i) => [
		...cells,
		...(points ? [layer.positions[2 * i].toFixed(6), layer.positions[2 * i + 1].toFixed(6)] : []),
		...PLAN_COLUMNS.map((c) => joined[i][c])
	]);
	return { columns, rows };
}

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR), except a plain signed number. */
const FORMULA = /^(?![-+]\d+(\.\d+)?$)[=+\-@\t\r]/;

/** CSV of a table, every cell a spreadsheet could run as a formula prefixed with ' (papaparse's escapeFormulae);
 * without its header line for a slice after the first. */
export function toCsv(columns: string[], rows: string[][], header = true): string {
	return Papa.unparse({ fields: columns, data: rows }, { escapeFormulae: FORMULA, newline: '\r\n', header });
}
