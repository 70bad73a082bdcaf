/**
 * The atlas state that the automation/embedding API, share links and the UI agree on, and how a partial update from
 * outside is checked. Pure and tested (state.test.ts).
 */
import { formatIssues, z } from '$lib/data/zod';
import { CATEGORY_IDS, KIND_IDS } from '$lib/data/vocab';
import { PRECISIONS } from '$lib/data/plan-schema';
import { SORT_COLUMNS, STATUS_ORDER, type TableFilter, type TableSort } from './table/table-filter';
import type { Polygon } from 'geojson';
import { ALL_LAYER_IDS } from './plan/layer-defaults';

export type Lang = 'zh' | 'en';

export interface ViewState {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
}

export interface AtlasState {
	view: ViewState;
	lang: Lang;
	/** Visible atlas layers (ids of data/vocab/layers.json, plus `enclave-links`). */
	layers: string[];
	/** The selected plan feature id, or a place (`county-513334`, `prefecture-513300`), or null. */
	selected: string | null;
	/** Industry categories the map emphasises (ids of data/vocab/categories.json); empty = no filter. */
	filter: string[];
	/** The shape drawn for "what is inside" (a GeoJSON Polygon, WGS84), or null. */
	drawn: Polygon | null;
	/** The guided tour being presented (id in data/tours/tours.json), or null. */
	tour: string | null;
	/** The tour step shown, counted from 1; null when no tour is on. */
	step: number | null;
	/** The table of plan features: open or not, its sort and its filter (which the map shares). */
	table: TableState;
	/** The industry category whose "where is it planned" map is shown (counties shaded by count), or null. */
	lens: string | null;
	/** Features or places pinned side by side (at most MAX_COMPARE). */
	compare: string[];
}

/** Most things pinned side by side (a card wider than four columns no longer reads). */
export const MAX_COMPARE = 4;

export interface TableState {
	open: boolean;
	sort?: TableSort;
	filter?: TableFilter;
}

/** Sichuan's extent (WGS84) with a margin; the initial view frames it. */
export const SICHUAN_BOUNDS: [[number, number], [number, number]] = [
	[97.35, 26.05],
	[108.55, 34.32]
];
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 14;
export const MAX_PITCH = 60;

const viewSchema = z.strictObject({
	center: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-85), z.lte(85))]),
	zoom: z.number().check(z.gte(MIN_ZOOM), z.lte(MAX_ZOOM)),
	bearing: z.number().check(z.gte(-360), z.lte(360)),
	pitch: z.number().check(z.gte(0), z.lte(MAX_PITCH))
});

/** Feature ids are ASCII slugs; places are `county-<code>` or `prefecture-<code>`. */
const SELECTABLE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Most vertices a drawn shape may have (a hand-drawn polygon has tens; the limit keeps links and queries small). */
export const MAX_DRAWN_VERTICES = 500;
const position = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]);
const polygonSchema = z.strictObject({
	type: z.literal('Polygon'),
	coordinates: z
		.array(
			z.array(position).check(
				z.minLength(4, 'a ring needs at least 4 positions'),
				z.maxLength(MAX_DRAWN_VERTICES),
				z.refine((r) => r[0][0] === r.at(-1)![0] && r[0][1] === r.at(-1)![1], 'a ring must end where it starts')
			)
		)
		.check(z.minLength(1), z.maxLength(1, 'drawn shapes have one ring (no holes)'))
});

/** A figure range: two non-negative numbers, the smaller first. */
const rangeSchema = z
	.tuple([z.number().check(z.gte(0)), z.number().check(z.gte(0))])
	.check(z.refine(([a, b]) => a <= b, 'a range is [min, max] with min ≤ max'));
export const tableFilterSchema = z.strictObject({
	text: z.optional(z.string().check(z.maxLength(200))),
	kinds: z.optional(z.array(z.enum(KIND_IDS as [string, ...string[]]))),
	prefectures: z.optional(z.array(z.string().check(z.regex(/^\d{6}$/, 'expected a 6-digit prefecture code')))),
	statuses: z.optional(z.array(z.enum(STATUS_ORDER as unknown as [string, ...string[]]))),
	precision: z.optional(z.array(z.enum(PRECISIONS))),
	capacity: z.optional(rangeSchema),
	investment: z.optional(rangeSchema),
	inView: z.optional(z.boolean())
});
export const tableSortSchema = z.strictObject({
	column: z.enum(SORT_COLUMNS as unknown as [string, ...string[]]),
	dir: z.enum(['asc', 'desc'])
});
const tableSchema = z.strictObject({
	open: z.optional(z.boolean()),
	sort: z.optional(z.nullable(tableSortSchema)),
	filter: z.optional(tableFilterSchema)
});

export const statePatchSchema = z.strictObject({
	view: z.optional(z.partial(viewSchema)),
	lang: z.optional(z.enum(['zh', 'en'])),
	layers: z.optional(z.array(z.enum(ALL_LAYER_IDS as [string, ...string[]]))),
	selected: z.optional(z.nullable(z.string().check(z.maxLength(120), z.regex(SELECTABLE_ID, 'expected a feature id')))),
	filter: z.optional(z.array(z.enum(CATEGORY_IDS as [string, ...string[]]))),
	drawn: z.optional(z.nullable(polygonSchema)),
	tour: z.optional(z.nullable(z.string().check(z.maxLength(60), z.regex(SELECTABLE_ID, 'expected a tour id')))),
	step: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(99)))),
	table: z.optional(tableSchema),
	lens: z.optional(z.nullable(z.enum(CATEGORY_IDS as [string, ...string[]]))),
	compare: z.optional(
		z
			.array(z.string().check(z.maxLength(120), z.regex(SELECTABLE_ID, 'expected a feature or place id')))
			.check(z.maxLength(MAX_COMPARE, `at most ${MAX_COMPARE} things are compared`))
	)
});

export type StatePatch = z.infer<typeof statePatchSchema>;

export type PatchResult = { ok: true; patch: StatePatch } | { ok: false; error: string };

/** Checks a partial state from outside (API, postMessage, URL) and says precisely what is wrong. */
export function parseStatePatch(input: unknown): PatchResult {
	const r = statePatchSchema.safeParse(input);
	if (r.success) return { ok: true, patch: r.data };
	return { ok: false, error: formatIssues(r.error.issues) };
}

/** Applies a checked patch to a state, returning a new state. */
export function applyPatch(state: AtlasState, patch: StatePatch): AtlasState {
	return {
		view: { ...state.view, ...patch.view } as ViewState,
		lang: patch.lang ?? state.lang,
		layers: patch.layers ? [...new Set(patch.layers)] : state.layers,
		selected: patch.selected === undefined ? state.selected : patch.selected,
		filter: patch.filter ? [...new Set(patch.filter)] : state.filter,
		drawn: patch.drawn === undefined ? state.drawn : (patch.drawn as Polygon | null),
		tour: patch.tour === undefined ? state.tour : patch.tour,
		// Leaving a tour clears its step; entering one without a step starts at the first.
		step:
			(patch.tour === undefined ? state.tour : patch.tour) === null
				? null
				: (patch.step ?? (patch.tour !== undefined && patch.tour !== state.tour ? 1 : (state.step ?? 1))),
		table: patch.table ? applyTablePatch(state.table, patch.table) : state.table,
		lens: patch.lens === undefined ? state.lens : patch.lens,
		compare: patch.compare ? [...new Set(patch.compare)] : state.compare
	};
}

/** A table patch over the table state: `open` and `sort` replace, `filter` replaces as a whole (null sort: unsorted). */
function applyTablePatch(table: TableState, patch: NonNullable<StatePatch['table']>): TableState {
	const next: TableState = { open: patch.open ?? table.open };
	const sort = patch.sort === undefined ? table.sort : (patch.sort ?? undefined);
	if (sort) next.sort = sort as TableSort;
	const filter = patch.filter === undefined ? table.filter : (patch.filter as TableFilter);
	if (filter && Object.keys(filter).length) next.filter = filter;
	return next;
}

/** Rounds a view for reporting (6 decimals ≈ 0.1 m, zoom to 1/1000). */
export function roundView(v: ViewState): ViewState {
	const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
	return {
		center: [r(v.center[0], 6), r(v.center[1], 6)],
		zoom: r(v.zoom, 3),
		bearing: r(v.bearing, 2),
		pitch: r(v.pitch, 2)
	};
}
