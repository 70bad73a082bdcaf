/**
 * `window.atlas`: the automation and embedding API (documented in README.md "Automation and embedding API").
 * Tests, host pages and scripts use it; the UI goes through the same controller, so there is one implementation.
 */
import { base } from '$app/paths';
import type { PlacedRow } from '$lib/indicators/indicators';
import { SEED_FILES } from '$lib/data/plan-schema';
import { checkReaderTarget, readerHref } from '$lib/reader/links';
import type { AtlasState } from './state';
import type { SearchHit } from './search/plan-search';
import type { Tour } from './tours/tour-schema';
import type { ExportOptions } from '$lib/export/export-image';
import type { VectorExportOptions } from '$lib/export-vector/export-svg';
import type { PptxOptions } from '$lib/export-vector/export-pptx';
import type { PdfOptions } from '$lib/export-vector/export-pdf';
import type { AtResult, DistanceHit, InsideHit } from '$lib/geo/spatial-index';
import type { TableRow } from './table/table-filter';
import type { RegionProfile } from './lens/region-profile';
import type { WhereRow } from './lens/industry-where';
import type { AddResult, UserDataStore } from '$lib/user-data/user-data-store.svelte';
import type { LoadOptions } from '$lib/user-data/user-layer';

/** A table row as the API gives it: the table's columns (figures as written and normalised), without geometry. */
export type TableRecord = Omit<TableRow, 'bbox' | 'categories'> & { industries: string[] };

export interface AtlasController {
	getState(): AtlasState;
	/** Applies a partial state; resolves with the new state once the map has rendered it. Rejects with a clear message on bad input. */
	setState(patch: unknown): Promise<AtlasState>;
	/** Properties of the features of one style layer that are drawn in the current view (symbols: only placed ones). */
	rendered(layerId: string): Record<string, unknown>[];
	/** Ids of the map's style layers, bottom to top (deck.gl layers included, interleaved). */
	styleLayers(): string[];
	/** What draws the map, or null before it exists. */
	renderer(): 'webgl' | 'svg' | null;
	/** Screen px of a position in the map's box, or null before the map exists. */
	projectPosition(position: unknown): [number, number] | null;
	/** Ranked search over plan features, counties and prefectures. */
	search(text: string, limit?: number): Promise<SearchHit[]>;
	/** Resolves once the default plan layers are drawn. */
	readonly planReady: Promise<void>;
	shareUrl(): string;
	exportImage(options?: ExportOptions): Promise<Blob>;
	exportQuoteCard(id: string, scale?: number): Promise<Blob>;
	exportSvg(options?: VectorExportOptions): Promise<Blob>;
	exportPptx(options?: PptxOptions): Promise<Blob>;
	exportPdf(options?: PdfOptions): Promise<Blob>;
	preparePrint(): Promise<void>;
	/** The tours, once loaded ([] before). */
	readonly tourList: Tour[];
	queryAt(position: unknown): Promise<AtResult>;
	queryNear(id: unknown, km: unknown): Promise<DistanceHit[]>;
	queryInside(polygon: unknown): Promise<InsideHit[]>;
	queryTable(filter?: unknown, sort?: unknown): Promise<TableRow[]>;
	queryProfile(id: unknown): Promise<RegionProfile>;
	queryWhere(category: unknown): Promise<WhereRow[]>;
	queryIndicators(id: unknown): Promise<PlacedRow[]>;
	readonly visible: string[];
	paint(layerId: string, property: string): unknown;
	readonly matching: Set<string> | null;
	readonly userData: UserDataStore;
}

export interface AtlasApi {
	readonly version: string;
	/** Resolves after the first complete render of the base map (geography drawn, labels placed). */
	readonly ready: Promise<void>;
	/** Resolves once the default plan layers are drawn as well (they load right after the first view). */
	readonly planReady: Promise<void>;
	isReady(): boolean;
	/** The state; `userData` lists the ids of the reader's own layers when there are some (never part of links: the
	 * data stay in this browser). */
	getState(): AtlasState & { userData?: string[] };
	setState(patch: unknown): Promise<AtlasState>;
	/** A link that reopens the atlas as it is now (view, layers, selection, filter, language, drawn shape, tour step). */
	shareUrl(): string;
	/** The map as a PNG Blob with title, legend, scale bar, north arrow, attribution and citations baked in. */
	exportImage(options?: ExportOptions): Promise<Blob>;
	/** A slide-sized PNG card of one plan feature: mini map, name, key figure, verbatim quote and citation. */
	exportQuoteCard(id: string, scale?: number): Promise<Blob>;
	/**
	 * The map as an editable SVG (image/svg+xml): `{ preset?: 'viewport' | '16:9' | 'a4-landscape' | 'a4-portrait' |
	 * 'a3-landscape' | 'a3-portrait' }`; layers as `<g id="layer-…">`, features with `data-id`, labels as text.
	 */
	exportSvg(options?: VectorExportOptions): Promise<Blob>;
	/**
	 * A PowerPoint deck (16:9, editable text, the map as SVG with a PNG preview, the share link in the speaker notes):
	 * `{ tour: id }` gives one slide per step of the tour; without it, one slide of the current view.
	 */
	exportPptx(options?: PptxOptions): Promise<Blob>;
	/**
	 * A vector PDF with a Chinese font subset embedded: `{ preset?: 'a4-landscape' (default) | 'a4-portrait' |
	 * 'a3-landscape' | 'a3-portrait' | '16:9' | 'viewport', tour?: id }` (a tour: one page per step).
	 */
	exportPdf(options?: PdfOptions): Promise<Blob>;
	/** Takes the still of the map that the print stylesheet shows (the Print button does this before printing). */
	preparePrint(): Promise<void>;
	/** The guided tours (available once planReady has resolved): `[{id, title, steps}]` in the current language. */
	tours(): { id: string; title: string; steps: number }[];
	/** Questions about the plan data. */
	readonly query: {
		/** Ranked matches for Chinese, pinyin (full or initials) or English text: `[{id, name_zh, name_en, kind, score}]`. */
		search(text: string): Promise<{ id: string; name_zh: string; name_en: string; kind: string }[]>;
		/** What is here: `{point, inSichuan, county, prefecture, regions, corridors, nearest: [{id, kind, km, precision}], note?}`. */
		at(position: [number, number]): Promise<AtResult>;
		/** Everything within `km` (0.1–500) of a point or line feature: `[{id, kind, km, …}]`, nearest first. */
		near(id: string, km: number): Promise<DistanceHit[]>;
		/** Everything inside a GeoJSON Polygon / MultiPolygon (or Feature of one): `[{id, kind, relation, …}]`. */
		inside(polygon: unknown): Promise<InsideHit[]>;
		/**
		 * The table's rows for a filter, over features in visible layers: `{ text?, kinds?, prefectures?, statuses?,
		 * precision?, capacity?: [minMW, maxMW], investment?: [min, max] (million CNY), inView? }`, optionally sorted
		 * (`{ column: 'capacity', dir: 'desc' }`). The map is not changed (use setState({ table }) for that).
		 */
		table(filter?: unknown, sort?: unknown): Promise<TableRecord[]>;
		/**
		 * A place's or area feature's industry profile: `{ total, industries: [{ category, count, ids, words, groups,
		 * sources }], figures: [{ metric, unit, kind, sum, ids }], capacityByFamily, byKind }`.
		 */
		profile(
			id: string
		): Promise<Omit<RegionProfile, 'byKind'> & { byKind: { kind: string; count: number; ids: string[] }[] }>;
		/** Where a category is planned: `[{ code, name_zh, name_en, level: 'county' | 'prefecture', count, ids }]`. */
		where(category: string): Promise<WhereRow[]>;
		/**
		 * The plans' targets for a place or plan area (`prefecture-513300` …): the main-indicator rows `[{ id,
		 * indicator_zh, indicator_en, unit, binding?, baseline?: { year, raw, period? }, milestone?, target, later?,
		 * category_zh, category_en, seed, line, quote, placeId, draft, table_zh, table_en }]`; [] when none.
		 */
		indicators(id: string): Promise<PlacedRow[]>;
	};
	/** The source reader (/read/). */
	readonly reader: {
		/** Opens the reader at a seed's line (`/read/<seed>/#L<line>`, in the atlas's language); resolves with the URL.
		 * Rejects for an unknown seed or a line that is not a whole number from 1. */
		open(seed: string, line?: number): Promise<string>;
	};
	/** The user's own data on the map (kept in this browser only, in IndexedDB; never sent anywhere). */
	readonly data: {
		/**
		 * Reads a CSV / TSV (UTF-8 or GB18030) or GeoJSON — a File, Blob, its text, or a GeoJSON object — into a layer:
		 * points (lon/lat, 经度/纬度 … columns) or a table by county / prefecture (name or GB/T 2260 code). Options:
		 * `{ name?, crs?: 'wgs84' | 'gcj02' | 'bd09', swap?, lon?, lat?, region? }`. Answers `{ id, rows, skipped, bad:
		 * [{ row, reason }], crs, suggestedCrs, swapped, columns, encoding, summary }`.
		 */
		add(source: File | Blob | string | object, options?: LoadOptions): Promise<AddResult>;
		/** The layers: `[{ id, name, kind, rows, skipped, visible, crs }]`. */
		list(): {
			id: string;
			name: string;
			kind: string;
			rows: number;
			skipped: number;
			visible: boolean;
			crs: string | null;
		}[];
		/** Removes a layer (and its stored copy). */
		remove(id: string): Promise<void>;
		/** The layer's rows joined to the plans: `{ columns, rows: [{ …its columns, county, prefecture, economic_region, nearest_park, nearest_park_km, nearest_park_placement … }] }`. */
		join(id: string): Promise<{ columns: string[]; rows: Record<string, string>[] }>;
		/** The joined table as text: `'csv'` (formula-safe, the default) or `'geojson'` (a FeatureCollection in WGS84:
		 * points, the user's shapes, or a region table's county / prefecture outlines; every cell a string property). */
		export(id: string, format?: 'csv' | 'geojson'): Promise<string>;
	};
	/** Read-only looks at what is on screen, for tests and automation. */
	readonly inspect: {
		/** Properties of the features of a style layer drawn in the current view (labels: only those placed). */
		rendered(layerId: string): Record<string, unknown>[];
		/** Ids of the map's style layers, bottom to top (deck.gl layers included). */
		styleLayers(): string[];
		/** Ids of the plan features drawn at full strength: visible ones the industry and table filters leave. */
		emphasised(): string[];
		/** A style layer's paint property as the map holds it (for example the lens's fill colours), or undefined. */
		paint(layerId: string, property: string): unknown;
		/** What draws the map: 'webgl' (MapLibre and deck.gl), 'svg' (the map without WebGL), or null before either. */
		renderer(): 'webgl' | 'svg' | null;
		/** Where a [lng, lat] position is on screen, in CSS px from the map's top-left corner (null before the map). */
		project(position: [number, number]): [number, number] | null;
	};
}

/** Runs a query; a refusal becomes a rejection whose message names the call (`atlas.query.near: km must be …`). */
async function named<T>(name: string, run: () => Promise<T>): Promise<T> {
	try {
		return structuredClone(await run());
	} catch (e) {
		throw new Error(`atlas.query.${name}: ${(e as Error).message}`);
	}
}

/** A user-data call; a refusal becomes a rejection whose message names the call (`atlas.data.add: …`). */
async function dataCall<T>(name: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		throw new Error(`atlas.data.${name}: ${(e as Error).message}`);
	}
}

export function createAtlasApi(controller: AtlasController, version: string, ready: Promise<void>): AtlasApi {
	let isReady = false;
	const readyDone = ready.then(() => {
		isReady = true;
		document.documentElement.dataset.atlasReady = 'true';
	});
	const planReady = controller.planReady.then(() => {
		document.documentElement.dataset.atlasPlanReady = 'true';
	});
	return Object.freeze({
		version,
		ready: readyDone,
		planReady,
		isReady: () => isReady,
		getState: () => {
			const ids = controller.userData.ids();
			// listed only when there are some, so a state without them is exactly what a link restores
			return { ...structuredClone(controller.getState()), ...(ids.length && { userData: ids }) };
		},
		setState: (patch: unknown) => controller.setState(patch),
		shareUrl: () => controller.shareUrl(),
		exportImage: (options?: ExportOptions) => controller.exportImage(options),
		exportQuoteCard: (id: string, scale?: number) => controller.exportQuoteCard(String(id), scale),
		exportSvg: (options?: VectorExportOptions) => controller.exportSvg(options),
		exportPptx: (options?: PptxOptions) => controller.exportPptx(options),
		exportPdf: (options?: PdfOptions) => controller.exportPdf(options),
		preparePrint: () => controller.preparePrint(),
		tours: () =>
			controller.tourList.map((t) => ({
				id: t.id,
				title: controller.getState().lang === 'zh' ? t.title_zh : t.title_en,
				steps: t.steps.length
			})),
		query: Object.freeze({
			search: async (text: string) =>
				(await controller.search(String(text ?? ''))).map(({ id, name_zh, name_en, kind }) => ({
					id,
					name_zh,
					name_en,
					kind
				})),
			at: (position: [number, number]) => named('at', () => controller.queryAt(position)),
			near: (id: string, km: number) => named('near', () => controller.queryNear(id, km)),
			inside: (polygon: unknown) => named('inside', () => controller.queryInside(polygon)),
			table: (filter?: unknown, sort?: unknown) =>
				named('table', async () =>
					(await controller.queryTable(filter, sort)).map(({ bbox: _bbox, categories, ...rest }) => ({
						...rest,
						industries: categories
					}))
				),
			profile: (id: string) =>
				named('profile', async () => {
					const profile = await controller.queryProfile(id);
					// the list by kind as ids (the panel's rows carry whole features)
					const byKind = profile.byKind.map((g) => ({ kind: g.kind, count: g.count, ids: g.items.map((i) => i.id) }));
					return { ...profile, byKind };
				}),
			where: (category: string) => named('where', () => controller.queryWhere(category)),
			indicators: (id: string) => named('indicators', () => controller.queryIndicators(id))
		}),
		reader: Object.freeze({
			open: async (seed: string, line?: number) => {
				let url: string;
				try {
					url = readerHref(base, checkReaderTarget(SEED_FILES, seed, line), line, controller.getState().lang);
				} catch (e) {
					throw new Error(`atlas.reader.open: ${(e as Error).message}`);
				}
				location.assign(url);
				return url;
			}
		}),
		data: Object.freeze({
			add: (source: File | Blob | string | object, options?: LoadOptions) =>
				dataCall('add', () => controller.userData.add(source, options)),
			list: () =>
				controller.userData.entries.map((e) => ({
					id: e.layer.id,
					name: e.layer.name,
					kind: e.layer.kind,
					rows: e.layer.rows.length,
					skipped: e.layer.bad.length,
					visible: e.visible,
					crs: e.layer.kind === 'regions' ? null : e.layer.crs
				})),
			remove: (id: string) => dataCall('remove', () => controller.userData.remove(id)),
			join: (id: string) => dataCall('join', () => controller.userData.join(id)),
			export: (id: string, format?: 'csv' | 'geojson') =>
				dataCall('export', () => controller.userData.exportJoined(id, format))
		}),
		inspect: Object.freeze({
			rendered: (layerId: string) => controller.rendered(layerId),
			styleLayers: () => controller.styleLayers(),
			emphasised: () => controller.visible.filter((id) => !controller.matching || controller.matching.has(id)),
			paint: (layerId: string, property: string) => structuredClone(controller.paint(layerId, property)),
			renderer: () => controller.renderer(),
			project: (position: [number, number]) => controller.projectPosition(position)
		})
	});
}
