/**
 * The join's columns (./fast-join.ts) read as join.ts's rows, summary and region places: the names come with the
 * columns (`JoinNames`, made where the index is), so the page needs no spatial index to read them. Pure, no DOM.
 */
import type { SpatialIndex } from '$lib/geo/spatial-index';
import { NEAR_PARK_KM } from '$lib/user-data/park-kinds';
import {
	PLAN_COLUMNS,
	parkColumnsOf,
	placeColumnsOf,
	type JoinedRow,
	type JoinSummary
} from '$lib/user-data/joined-row';
import type { PointLayer } from '$lib/user-data/user-layer';
import type { RowPlace } from '$lib/user-plans/region-counts';
import { NEAR, type JoinColumns } from './fast-join';

interface PlaceName {
	code: string;
	name_zh: string;
}
interface FeatureName {
	id: string;
	name_zh: string;
	name_en: string;
	precision: string;
}
/** What the columns' numbers name: counties and prefectures by position, the regions and parks they use by position
 * in the index's features. */
export interface JoinNames {
	counties: PlaceName[];
	prefectures: PlaceName[];
	features: Record<number, FeatureName>;
}

const placeName = (f: { properties: unknown }): PlaceName => {
	const p = (f.properties ?? {}) as { code?: string; name_zh?: string };
	return { code: String(p.code ?? ''), name_zh: String(p.name_zh ?? '') };
};

/** The names the columns may use. */
export function joinNames(index: SpatialIndex, c: JoinColumns): JoinNames {
	const features: JoinNames['features'] = {};
	for (const col of [c.region, c.park]) {
		for (const i of col) {
			if (i < 0 || features[i]) continue;
			const p = index.features[i].properties;
			features[i] = { id: p.id, name_zh: p.name_zh, name_en: p.name_en, precision: p.location.precision };
		}
	}
	return {
		counties: index.counties.items.map(placeName),
		prefectures: index.prefectures.items.map(placeName),
		features
	};
}

/** Row i as join.ts's joinLayer makes it. */
export function joinedRowAt(c: JoinColumns, names: JoinNames, i: number): JoinedRow {
	const county = c.county[i] >= 0 ? names.counties[c.county[i]] : null;
	const prefecture = c.prefecture[i] >= 0 ? names.prefectures[c.prefecture[i]] : null;
	const region = c.region[i] >= 0 ? names.features[c.region[i]] : null;
	const park = c.park[i] >= 0 ? names.features[c.park[i]] : null;
	const ranged = !Number.isNaN(c.kmMin[i]) && !Number.isNaN(c.kmMax[i]);
	const near = c.near[i] === NEAR.certain ? 'certain' : c.near[i] === NEAR.possible ? 'possible' : null;
	return {
		...placeColumnsOf(county, prefecture, region),
		...parkColumnsOf(park, c.km[i], ranged ? { kmMin: c.kmMin[i], kmMax: c.kmMax[i] } : null, park ? near : null)
	};
}

/** join.ts's summary of every row, counted from the columns. */
export function summariseColumns(c: JoinColumns, names: JoinNames): JoinSummary {
	const n = c.county.length;
	const perRegion = new Map<number, number>();
	let [inSichuan, nearPark, nearParkPossible] = [0, 0, 0];
	for (let i = 0; i < n; i++) {
		if (
			(c.county[i] >= 0 && names.counties[c.county[i]].code) ||
			(c.prefecture[i] >= 0 && names.prefectures[c.prefecture[i]].name_zh)
		)
			inSichuan++;
		if (c.near[i] === NEAR.certain) nearPark++;
		else if (c.near[i] === NEAR.possible) nearParkPossible++;
		if (c.region[i] >= 0) perRegion.set(c.region[i], (perRegion.get(c.region[i]) ?? 0) + 1);
	}
	const byRegion = [...perRegion]
		.map(([k, count]) => {
			const r = names.features[k];
			return { id: r.id, name_zh: r.name_zh, name_en: r.name_en, count, share: n ? count / n : 0 };
		})
		.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
	return { rows: n, inSichuan, byRegion, nearPark, nearParkPossible, nearParkKm: NEAR_PARK_KM };
}

/** Each row's county, prefecture and economic region (region-counts.ts's RowPlace), one object per distinct place. */
export function rowPlacesOf(c: JoinColumns, names: JoinNames): RowPlace[] {
	const shared = new Map<string, RowPlace>();
	const out: RowPlace[] = new Array(c.county.length);
	for (let i = 0; i < out.length; i++) {
		const key = `${c.county[i]},${c.prefecture[i]},${c.region[i]}`;
		let place = shared.get(key);
		if (!place) {
			place = {
				county: c.county[i] >= 0 ? names.counties[c.county[i]].code : '',
				prefecture: c.prefecture[i] >= 0 ? names.prefectures[c.prefecture[i]].code : '',
				region: c.region[i] >= 0 ? names.features[c.region[i]].id : null
			};
			shared.set(key, place);
		}
		out[i] = place;
	}
	return out;
}

/** The joined table's columns for a point layer: its own, the WGS84 position, then the plan columns (join.ts's
 * joinedTable). */
export const joinedColumns = (layer: PointLayer) => [...layer.columns, 'wgs84_lon', 'wgs84_lat', ...PLAN_COLUMNS];

/** Row i of the joined table, as join.ts's joinedTable makes it. */
export function joinedCells(layer: PointLayer, c: JoinColumns, names: JoinNames, i: number): string[] {
	const r = joinedRowAt(c, names, i);
	const p = layer.positions;
	return [...layer.rows[i], p[2 * i].toFixed(6), p[2 * i + 1].toFixed(6), ...PLAN_COLUMNS.map((k) => r[k])];
}

/** Rows of the joined table put into text a slice at a time (CSV lines, GeoJSON features). */
export const EXPORT_SLICE = 20_000;

/**
 * The joined table as text in pieces of EXPORT_SLICE rows, awaiting `pause` between them (the page keeps answering
 * while a million rows are written). `piece(columns, rows, first)` writes one slice; the pieces joined in order
 * are the whole text.
 */
export async function joinedPieces(
	layer: PointLayer,
	c: JoinColumns,
	names: JoinNames,
	piece: (columns: string[], rows: string[][], first: boolean) => string,
	pause: () => Promise<unknown>
): Promise<string[]> {
	const columns = joinedColumns(layer);
	const n = layer.positions.length / 2;
	const out: string[] = [];
	for (let from = 0; from < n || from === 0; from += EXPORT_SLICE) {
		if (from) await pause();
		const rows: string[][] = [];
		for (let i = from; i < Math.min(n, from + EXPORT_SLICE); i++) rows.push(joinedCells(layer, c, names, i));
		out.push(piece(columns, rows, from === 0));
	}
	return out;
}
