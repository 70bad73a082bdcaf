/**
 * The shape of a user's row joined to the plans — the plan columns, how a row's place and nearest park become them —
 * and of a layer's summary: shared by the page's join (./join.ts, with papaparse for CSV) and the join's workers
 * (src/lib/user-join/join-columns.ts), which must not load papaparse. Pure, no DOM.
 */
import { SEAT_PRECISIONS } from '$lib/geo/seat-placement';

/** The plan columns added to each row, in this order. */
export const PLAN_COLUMNS = [
	'county_code',
	'county',
	'prefecture',
	'economic_region',
	'nearest_park',
	'nearest_park_id',
	'nearest_park_km',
	'nearest_park_placement'
] as const;

export interface JoinedRow {
	county_code: string;
	county: string;
	prefecture: string;
	economic_region: string;
	nearest_park: string;
	nearest_park_id: string;
	/** km to the park's mark (1 decimal); for a seat-level park, also the range "min–max" over where it may be. */
	nearest_park_km: string;
	/** 'site' (the park is placed at its site or town) or 'seat-level' (only at a seat). */
	nearest_park_placement: string;
	/** For the summary: the economic region's id, and whether the row is certainly / possibly within NEAR_PARK_KM. */
	regionId: string | null;
	regionEn: string;
	near: 'certain' | 'possible' | null;
}

/** The place columns of a row from its county, prefecture and economic region (null where none). The join's workers
 * (src/lib/user-join/join-columns.ts) write theirs with it too. */
export function placeColumnsOf(
	county: { code: string; name_zh: string } | null,
	prefecture: { name_zh: string } | null,
	region: { id: string; name_zh: string; name_en: string } | null
) {
	return {
		county_code: county?.code ?? '',
		county: county?.name_zh ?? '',
		prefecture: prefecture?.name_zh ?? '',
		economic_region: region?.name_zh ?? '',
		regionId: region?.id ?? null,
		regionEn: region?.name_en ?? ''
	};
}

/** The park columns of a row from its nearest park (null: none), its km to the park's mark and, for a seat-level
 * park, the range over where it may be; `near` as the summary counts it. */
export function parkColumnsOf(
	park: { id: string; name_zh: string; precision: string } | null,
	km: number,
	range: { kmMin: number; kmMax: number } | null,
	near: JoinedRow['near']
): Pick<JoinedRow, 'nearest_park' | 'nearest_park_id' | 'nearest_park_km' | 'nearest_park_placement' | 'near'> {
	if (!park)
		return { nearest_park: '', nearest_park_id: '', nearest_park_km: '', nearest_park_placement: '', near: null };
	const seat = (SEAT_PRECISIONS as readonly string[]).includes(park.precision);
	return {
		nearest_park: park.name_zh,
		nearest_park_id: park.id,
		nearest_park_km: km.toFixed(1) + (range ? ` (${range.kmMin.toFixed(1)}–${range.kmMax.toFixed(1)})` : ''),
		nearest_park_placement: seat ? 'seat-level' : 'site',
		near
	};
}

export interface JoinSummary {
	rows: number;
	/** Rows inside a Sichuan county. */
	inSichuan: number;
	/** Rows per economic region, most first: id, Chinese name, count and share of all rows (0–1). */
	byRegion: { id: string; name_zh: string; name_en: string; count: number; share: number }[];
	/** Points within NEAR_PARK_KM of a planned park wherever it is (certain), and more that may be (seat-level parks). */
	nearPark: number;
	nearParkPossible: number;
	/** The distance "near" means, km (NEAR_PARK_KM). */
	nearParkKm: number;
	/** When the layer is large: the rows joined to estimate it (every SUMMARY_SAMPLE-th or so); counts are scaled to
	 * all rows. Absent: every row was joined. */
	sampled?: number;
}
