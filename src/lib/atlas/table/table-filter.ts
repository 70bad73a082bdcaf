/**
 * What the table's state is made of — its filter, sort and the statuses it knows — with the small pure helpers the
 * atlas state and links need at once. The rows, sorting and files are in table-rows.ts, which loads with the plan.
 */

/** The status a row has when the plan states none (most features). */
export const NO_STATUS = 'unstated';
/** Statuses in the order a reader scans them: from built to only planned, then none stated. */
export const STATUS_ORDER = [
	'existing',
	'expanding',
	'under_construction',
	'to_start',
	'study',
	'planned',
	NO_STATUS
] as const;

export type Bounds = [west: number, south: number, east: number, north: number];

/** A figure as the table shows it: the value and unit as the plan writes them, and the value in normalised units. */
export interface RowFigure {
	metric: string;
	/** As written: `5395 万千瓦`, `2×475 MW`. */
	text: string;
	/** In normalised units (MW for capacity, million CNY for investment), summed over units where the plan counts them. */
	value: number;
	unit: string;
	period: string;
	source: string;
}

export interface TableRow {
	id: string;
	name_zh: string;
	name_en: string;
	kind: string;
	prefecture_code: string | null;
	county_code: string | null;
	prefecture_zh: string;
	prefecture_en: string;
	county_zh: string;
	county_en: string;
	/** Industry category ids, each once, in the order the feature lists them. */
	categories: string[];
	/** The plans' own words for the industries, each once. */
	industries_zh: string;
	capacity: RowFigure | null;
	investment: RowFigure | null;
	status: string;
	precision: string;
	/** `file:line` of every citation. */
	sources: string[];
	/** Extent of the geometry, for "only what is in view". */
	bbox: Bounds;
}

export type SortColumn =
	| 'name'
	| 'kind'
	| 'prefecture'
	| 'county'
	| 'industries'
	| 'capacity'
	| 'investment'
	| 'status'
	| 'precision'
	| 'sources';
export const SORT_COLUMNS: readonly SortColumn[] = [
	'name',
	'kind',
	'prefecture',
	'county',
	'industries',
	'capacity',
	'investment',
	'status',
	'precision',
	'sources'
];
export interface TableSort {
	column: SortColumn;
	dir: 'asc' | 'desc';
}

/** What the table (and with it the map) is limited to. Every part is optional; an empty list means "any". */
export interface TableFilter {
	/** Words that must all occur in the name (zh or en), county, prefecture or industries. */
	text?: string;
	kinds?: string[];
	/** Prefecture codes (GB/T 2260). */
	prefectures?: string[];
	/** Statuses (`unstated` for features whose plan gives none). */
	statuses?: string[];
	precision?: string[];
	/** Capacity range in MW (inclusive); rows without a capacity are left out while it is set. */
	capacity?: [number, number];
	/** Planned investment range in million CNY (inclusive); rows without one are left out while it is set. */
	investment?: [number, number];
	/** Only rows whose feature lies in the map's current view. */
	inView?: boolean;
}

/** The words of a text filter, lower-cased. */
export const words = (text: string | undefined) => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** True when the filter limits anything the map shows (the view limit is the table's own). */
export function filtersMap(filter: TableFilter): boolean {
	return (
		words(filter.text).length > 0 ||
		!!filter.kinds?.length ||
		!!filter.prefectures?.length ||
		!!filter.statuses?.length ||
		!!filter.precision?.length ||
		!!filter.capacity ||
		!!filter.investment
	);
}

/** A filter without empty parts (what links and the API report). */
export function compactFilter(filter: TableFilter): TableFilter {
	const out: TableFilter = {};
	if (filter.text?.trim()) out.text = filter.text.trim();
	for (const k of ['kinds', 'prefectures', 'statuses', 'precision'] as const)
		if (filter[k]?.length) out[k] = [...filter[k]];
	if (filter.capacity) out.capacity = [...filter.capacity];
	if (filter.investment) out.investment = [...filter.investment];
	if (filter.inView) out.inView = true;
	return out;
}
