/**
 * The plans as a table: one row per plan feature with the columns a reader sorts and filters by, the filter that the
 * table and the map share, sorting (Chinese by pinyin), status counts, figure histograms and the rows as files.
 * Pure and tested (table-rows.test.ts); the table's store and components use it, and so does `atlas.query.table`.
 */
import { bbox as turfBbox } from '@turf/turf';
import { bin } from 'd3-array';
import type { PlanFeature } from '$lib/data/plan-data';
import type { Figure } from '$lib/data/plan-schema';
import { METRICS, KINDS, CATEGORIES } from '$lib/data/vocab';
import { PRECISION_LABELS, SEED_TITLES, STATUS_LABELS } from '$lib/i18n/strings';
import type { Lang } from '../state';
import { csvCell } from '$lib/geo/export-results';
import {
	NO_STATUS,
	STATUS_ORDER,
	filtersMap,
	type RowFigure,
	type TableRow,
	words,
	type Bounds,
	type SortColumn,
	type TableFilter,
	type TableSort
} from './table-filter';

export * from './table-filter';

import { namesByCode, type Names } from '$lib/data/base-geography';

export { namesByCode };

const figureText = (f: Figure, units: number) => `${units > 1 ? `${units}×` : ''}${f.value} ${f.unit}`;

function rowFigure(f: Figure | undefined): RowFigure | null {
	if (!f || f.value_normalised === undefined) return null;
	const units = METRICS[f.metric]?.units ?? 1;
	return {
		metric: f.metric,
		text: figureText(f, units),
		value: f.value_normalised * units,
		unit: f.unit_normalised ?? f.unit,
		period: f.period,
		source: `${f.source.seed}:${f.source.line}`
	};
}

/** Which figure speaks for a feature: what it has or will have, before a target, before where it stood (baseline). */
const FIGURE_KIND_RANK: Record<Figure['kind'], number> = {
	capacity: 0,
	planned: 1,
	investment: 1,
	target: 2,
	baseline: 3
};
const firstByKind = (figures: Figure[]) =>
	figures.reduce<Figure | undefined>(
		(best, x) => (!best || FIGURE_KIND_RANK[x.kind] < FIGURE_KIND_RANK[best.kind] ? x : best),
		undefined
	);

/** The feature's generating capacity, if the plan gives one: a stated or planned capacity before a target, and a
 * target before a baseline (the first of each kind as the feature lists them). */
export function capacityFigure(f: PlanFeature): RowFigure | null {
	return rowFigure(
		firstByKind(f.properties.figures.filter((x) => METRICS[x.metric]?.power_capacity && x.unit_normalised === 'MW'))
	);
}

/** The feature's planned investment, if the plan gives one. */
export function investmentFigure(f: PlanFeature): RowFigure | null {
	return rowFigure(f.properties.figures.find((x) => x.kind === 'investment' && x.unit_normalised === 'million CNY'));
}

/** One row per feature, in the features' order. */
export function tableRows(features: PlanFeature[], counties: Names, prefectures: Names): TableRow[] {
	return features.map((f) => {
		const p = f.properties;
		const county = p.county_code ? counties.get(p.county_code) : undefined;
		const prefecture = p.prefecture_code ? prefectures.get(p.prefecture_code) : undefined;
		return {
			id: p.id,
			name_zh: p.name_zh,
			name_en: p.name_en,
			kind: p.kind,
			prefecture_code: p.prefecture_code,
			county_code: p.county_code,
			prefecture_zh: prefecture?.name_zh ?? '',
			prefecture_en: prefecture?.name_en ?? '',
			county_zh: county?.name_zh ?? '',
			county_en: county?.name_en ?? '',
			categories: [...new Set(p.industries.map((i) => i.category))],
			industries_zh: [...new Set(p.industries.map((i) => i.text_zh))].join('、'),
			capacity: capacityFigure(f),
			investment: investmentFigure(f),
			status: p.status ?? NO_STATUS,
			precision: p.location.precision,
			sources: [...new Set(p.sources.map((s) => `${s.seed}:${s.line}`))],
			bbox: turfBbox(f.geometry) as Bounds
		};
	});
}

/** The rows of the given ids (features in visible layers), in the rows' order. */
export function rowsOf(rows: TableRow[], ids: readonly string[]): TableRow[] {
	const on = new Set(ids);
	return rows.filter((r) => on.has(r.id));
}

const inRange = (fig: RowFigure | null, range: [number, number] | undefined) =>
	!range || (!!fig && fig.value >= range[0] && fig.value <= range[1]);
const anyOf = (list: string[] | undefined, value: string | null) => !list?.length || list.includes(value ?? '');

/** Whether a box overlaps the view (a view across the antimeridian never happens in Sichuan). */
export function overlaps(b: Bounds, view: Bounds): boolean {
	return b[0] <= view[2] && b[2] >= view[0] && b[1] <= view[3] && b[3] >= view[1];
}

function haystack(r: TableRow): string {
	const categoryNames = r.categories.flatMap((c) => [CATEGORIES[c]?.zh, CATEGORIES[c]?.en]);
	return [r.name_zh, r.name_en, r.county_zh, r.county_en, r.prefecture_zh, r.prefecture_en, r.industries_zh, r.id]
		.concat(categoryNames)
		.join(' ')
		.toLowerCase();
}
const haystacks = new WeakMap<TableRow, string>();

/** The filter's parts, each as a test; `except` leaves one out (a facet's own counts ignore its own choice). */
function tests(filter: TableFilter, view: Bounds | null, except?: keyof TableFilter): ((r: TableRow) => boolean)[] {
	const t: ((r: TableRow) => boolean)[] = [];
	const w = words(filter.text);
	const on = (k: keyof TableFilter) => k !== except && filter[k] !== undefined;
	if (on('text') && w.length) {
		t.push((r) => {
			let h = haystacks.get(r);
			if (h === undefined) haystacks.set(r, (h = haystack(r)));
			return w.every((x) => h.includes(x));
		});
	}
	if (on('kinds')) t.push((r) => anyOf(filter.kinds, r.kind));
	if (on('prefectures')) t.push((r) => anyOf(filter.prefectures, r.prefecture_code));
	if (on('statuses')) t.push((r) => anyOf(filter.statuses, r.status));
	if (on('precision')) t.push((r) => anyOf(filter.precision, r.precision));
	if (on('capacity')) t.push((r) => inRange(r.capacity, filter.capacity));
	if (on('investment')) t.push((r) => inRange(r.investment, filter.investment));
	if (on('inView') && filter.inView && view) t.push((r) => overlaps(r.bbox, view));
	return t;
}

/** The rows a filter leaves (`view`: the map's extent, used when `inView` is set). */
export function filterRows(
	rows: TableRow[],
	filter: TableFilter,
	view: Bounds | null = null,
	except?: keyof TableFilter
) {
	const t = tests(filter, view, except);
	return t.length ? rows.filter((r) => t.every((test) => test(r))) : rows;
}

/** The ids the filter leaves among the rows, ignoring the view limit (what the map emphasises), or null when it
 * limits nothing. */
export function matchingRowIds(rows: TableRow[], filter: TableFilter): Set<string> | null {
	return filtersMap(filter) ? new Set(filterRows(rows, { ...filter, inView: false }).map((r) => r.id)) : null;
}

/** Counts per status over the rows the rest of the filter leaves (the status checkboxes' live counts). */
export function statusCounts(rows: TableRow[], filter: TableFilter, view: Bounds | null): Map<string, number> {
	const counts = new Map<string, number>(STATUS_ORDER.map((s) => [s, 0]));
	for (const r of filterRows(rows, filter, view, 'statuses')) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
	return counts;
}

/** Counts per value of a column over the rows the rest of the filter leaves (for the kind, prefecture and precision menus). */
export function facetCounts(
	rows: TableRow[],
	filter: TableFilter,
	view: Bounds | null,
	facet: 'kinds' | 'prefectures' | 'precision'
): Map<string, number> {
	const key = { kinds: 'kind', prefectures: 'prefecture_code', precision: 'precision' } as const;
	const counts = new Map<string, number>();
	for (const r of filterRows(rows, filter, view, facet)) {
		const v = r[key[facet]];
		if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return counts;
}

const collators = {
	zh: new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true }),
	en: new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
};

const STATUS_RANK = new Map<string, number>(STATUS_ORDER.map((s, i) => [s, i]));
const PRECISION_RANK = new Map<string, number>(Object.keys(PRECISION_LABELS).map((s, i) => [s, i]));

/** The value a row is sorted by in a column: a number, a text, or null (sorted last either way). */
function sortKey(r: TableRow, column: SortColumn, lang: Lang): number | string | null {
	switch (column) {
		case 'name':
			return lang === 'zh' ? r.name_zh : r.name_en;
		case 'kind':
			return KINDS[r.kind]?.[lang] ?? r.kind;
		case 'prefecture':
			return (lang === 'zh' ? r.prefecture_zh : r.prefecture_en) || null;
		case 'county':
			return (lang === 'zh' ? r.county_zh : r.county_en) || null;
		case 'industries':
			return r.categories.map((c) => CATEGORIES[c]?.[lang] ?? c).join(' ') || null;
		case 'capacity':
			return r.capacity?.value ?? null;
		case 'investment':
			return r.investment?.value ?? null;
		case 'status':
			return STATUS_RANK.get(r.status) ?? 99;
		case 'precision':
			return PRECISION_RANK.get(r.precision) ?? 99;
		case 'sources':
			return r.sources[0] ?? null;
	}
}

/** Rows sorted by a column (Chinese by pinyin); rows without a value go last in both directions; ties keep order. */
export function sortRows(rows: TableRow[], sort: TableSort | null | undefined, lang: Lang): TableRow[] {
	if (!sort) return rows;
	const collate = collators[lang];
	const sign = sort.dir === 'asc' ? 1 : -1;
	const keyed = rows.map((r, i) => ({ r, i, k: sortKey(r, sort.column, lang) }));
	keyed.sort((a, b) => {
		if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
		const c =
			typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collate.compare(String(a.k), String(b.k));
		return c ? sign * c : a.i - b.i;
	});
	return keyed.map((x) => x.r);
}

export interface HistogramBin {
	/** Bounds of the bin in the figure's units. */
	x0: number;
	x1: number;
	count: number;
}

/**
 * A histogram of figure values on a logarithmic axis (plan figures span orders of magnitude: a 475 MW turbine beside a
 * 53 950 MW solar base). `domain` is the full extent the slider covers.
 */
export function logHistogram(values: number[], bins = 12): { domain: [number, number]; bins: HistogramBin[] } | null {
	const positive = values.filter((v) => v > 0 && Number.isFinite(v));
	if (!positive.length) return null;
	const lo = Math.log10(Math.min(...positive));
	const hi = Math.log10(Math.max(...positive));
	const [a, b] = hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
	const step = (b - a) / bins;
	const thresholds = Array.from({ length: bins - 1 }, (_, i) => a + step * (i + 1));
	const binned = bin<number, number>().domain([a, b]).thresholds(thresholds)(positive.map(Math.log10));
	return {
		domain: [10 ** a, 10 ** b],
		bins: binned.map((x) => ({ x0: 10 ** (x.x0 ?? a), x1: 10 ** (x.x1 ?? b), count: x.length }))
	};
}

/** Columns of the table's files, in order: the table's columns, in both languages, with sources. */
export const TABLE_FILE_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	'kind',
	'kind_zh',
	'kind_en',
	'prefecture_code',
	'prefecture_zh',
	'prefecture_en',
	'county_code',
	'county_zh',
	'county_en',
	'industries',
	'industries_zh',
	'capacity_as_written',
	'capacity_mw',
	'investment_as_written',
	'investment_million_cny',
	'status',
	'status_zh',
	'status_en',
	'precision',
	'sources',
	'source_titles'
] as const;

/** A row as a flat record with the file columns. */
export function fileRecord(r: TableRow): Record<(typeof TABLE_FILE_COLUMNS)[number], string | number | null> {
	const status = STATUS_LABELS[r.status];
	return {
		id: r.id,
		name_zh: r.name_zh,
		name_en: r.name_en,
		kind: r.kind,
		kind_zh: KINDS[r.kind]?.zh ?? '',
		kind_en: KINDS[r.kind]?.en ?? '',
		prefecture_code: r.prefecture_code,
		prefecture_zh: r.prefecture_zh,
		prefecture_en: r.prefecture_en,
		county_code: r.county_code,
		county_zh: r.county_zh,
		county_en: r.county_en,
		industries: r.categories.join('; '),
		industries_zh: r.industries_zh,
		capacity_as_written: r.capacity?.text ?? null,
		capacity_mw: r.capacity?.value ?? null,
		investment_as_written: r.investment?.text ?? null,
		investment_million_cny: r.investment?.value ?? null,
		status: r.status,
		status_zh: status?.zh ?? r.status,
		status_en: status?.en ?? r.status,
		precision: r.precision,
		sources: r.sources.join('; '),
		source_titles: [...new Set(r.sources.map((s) => SEED_TITLES[s.split(':')[0]]?.zh ?? ''))].join('; ')
	};
}

/** The rows as CSV that Excel opens with Chinese intact (UTF-8 with BOM), formula-like text made inert. */
export function tableCsv(rows: TableRow[]): string {
	const lines = [TABLE_FILE_COLUMNS.join(',')];
	for (const r of rows) {
		const rec = fileRecord(r);
		lines.push(TABLE_FILE_COLUMNS.map((c) => csvCell(rec[c])).join(','));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as a GeoJSON FeatureCollection with the same columns as properties. */
export function tableGeoJson(rows: TableRow[], lookup: (id: string) => PlanFeature | undefined): string {
	const features = rows.flatMap((r) => {
		const f = lookup(r.id);
		return f ? [{ type: 'Feature', id: r.id, properties: fileRecord(r), geometry: f.geometry }] : [];
	});
	return JSON.stringify({ type: 'FeatureCollection', features });
}
