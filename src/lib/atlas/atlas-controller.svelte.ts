/**
 * The atlas's one state holder. View and language, visible layers, selection and industry filter live here (and on
 * the map); the UI, the window.atlas API and share links all go through it, so there is one implementation.
 */
import type { PlacedRow } from '$lib/indicators/indicators';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { applyLabelLanguage } from '$lib/style/base-style';
import type { PlanData, PlanFeature, PlanMapData } from '$lib/data/plan-data';
import {
	applyPatch,
	parseStatePatch,
	roundView,
	type AtlasState,
	type Lang,
	type StatePatch,
	type ViewState,
	MAX_COMPARE,
	SICHUAN_BOUNDS
} from './state';
import type { AtlasController as Controller } from './api';
import { DEFAULT_LAYERS } from './plan/layer-defaults';
import { intersectIds, matchingIds, pointsIn, visibleIds } from './plan/visibility';
import { SeatStackState } from './stacks/stack-state.svelte';
import { TableStore } from './table/table-state.svelte';
import type { Bounds, TableFilter, TableRow, TableSort } from './table/table-filter';
import { tableFilterSchema, tableSortSchema } from './state';
import { formatIssues } from '$lib/data/zod';
import { CATEGORY_IDS } from '$lib/data/vocab';
import { namesByCode } from '$lib/data/base-geography';
import { possibleAreas } from '$lib/geo/placement';
import { featuresInArea, type AreaFeature, type AreaHit } from '$lib/geo/features-in-area';
import type { RegionProfile } from './lens/region-profile';
import type { WhereRow } from './lens/industry-where';
import type { SearchDoc, SearchHit, SearchIndex } from './search/plan-search';
import { bbox } from '@turf/turf';
import { hashToPatch, stateToHash } from './share/share-url';
import type { ExportOptions } from '$lib/export/export-image';
import type { VectorExportOptions } from '$lib/export-vector/export-svg';
import type { PptxOptions } from '$lib/export-vector/export-pptx';
import type { PdfOptions } from '$lib/export-vector/export-pdf';
import type { ExportSize } from '$lib/export/image-layout';
import type { Camera as CaptureCamera } from '$lib/export/capture-map';
import type { MapCamera } from '$lib/map/map-camera';
import type { Tour } from './tours/tour-schema';
import { loadTours, stepPatch } from './tours/tours';
import type { AtResult, DistanceHit, InsideHit, Proximity, SpatialIndex } from '$lib/geo/spatial-index';
import { UserDataStore } from '$lib/user-data/user-data-store.svelte';
import { UserTileStore } from '$lib/user-tiles/tile-store.svelte';
import { UserQuestionStore } from '$lib/user-plans/question-store.svelte';

/** The spatial tool in use: a map click asks "what is here", or the map is drawn on (an area, or a measurement). */
export type SpatialTool = 'here' | 'area' | 'measure';
/** How the map is drawn on: shapes for "inside", a line or polygon to measure, or editing what was drawn. */
export type DrawMode = 'polygon' | 'rectangle' | 'circle' | 'linestring' | 'select';
/** The answer shown in the spatial-questions card. */
export type SpatialAnswer =
	| { question: 'at'; result: AtResult }
	| { question: 'near'; id: string; km: number; hits: DistanceHit[] }
	| { question: 'inside'; hits: InsideHit[] }
	| { question: 'measure'; lengthKm?: number; areaKm2?: number; perimeterKm?: number }
	| { question: 'error'; message: string };

/** The base geography as the atlas uses it (decoded collections plus the topology, for merging areas). */
export interface BaseLayers {
	counties: FeatureCollection;
	prefectures: FeatureCollection;
	prefectureSeats: FeatureCollection;
	topology: Topology;
}

export type Place = { type: 'county' | 'prefecture'; code: string; name_zh: string; name_en: string };

const PLACE_ID = /^(county|prefecture)-(\d{6})$/;
/** Camera moves are quick: the reader asked to go there. */
const FLY_MS = 900;

function placeDoc(kind: 'county' | 'prefecture', p: Record<string, string>): SearchDoc {
	const aliases = [p.label_zh, p.label_en].filter((a) => a && a !== p.name_zh && a !== p.name_en);
	return { id: `${kind}-${p.code}`, kind, name_zh: p.name_zh, name_en: p.name_en, aliases };
}

export class AtlasController implements Controller {
	lang = $state<Lang>('zh');
	layers = $state<string[]>([...DEFAULT_LAYERS]);
	selected = $state<string | null>(null);
	filter = $state<string[]>([]);
	hovered = $state<string | null>(null);
	/** The shape drawn for "what is inside" (a circle or rectangle is drawn as a polygon too), or null. */
	drawn = $state.raw<Polygon | null>(null);
	/** The industry whose "where is it planned" map is shown, or null. */
	lens = $state<string | null>(null);
	/** Features and places pinned side by side. */
	compare = $state<string[]>([]);
	/** Whether the regions × industries table is open (not part of links: a working view, like an open menu). */
	matrixOpen = $state(false);
	/** The region the pointer is on while the lens is shown (for its count), with the pointer's place on the map. */
	lensHover = $state<{ code: string; level: 'county' | 'prefecture'; x: number; y: number } | null>(null);
	/** The level the lens shades now: prefectures at province zoom, counties when zoomed in. */
	readonly lensLevel = $derived.by((): 'county' | 'prefecture' => {
		void this.viewTick;
		return (this.camera?.getZoom() ?? 0) < AtlasController.PROVINCE_ZOOM ? 'prefecture' : 'county';
	});
	/** The guided tour on show and its step (from 1), or null. */
	tour = $state<string | null>(null);
	step = $state<number | null>(null);
	/** Bumped after every camera move, so what mirrors the view (the URL, an embedding page) can follow it. */
	viewTick = $state(0);
	/** The view a link asked for, used when the map is created instead of framing Sichuan. */
	initialView: ViewState | null = null;
	/** A short message about the last link opened (parameters ignored), or null. */
	linkNotice = $state<string | null>(null);
	/** Folder of the published data files (base.topo.json, plan-atlas.json, tours.json). */
	dataRoot = '';
	/** Absolute URL of the atlas page: share links point there (from an embedded map too). */
	siteUrl = '';
	/** The tours, once loaded (right after the first view). */
	tourList = $state.raw<Tour[]>([]);
	map = $state.raw<MapLibreMap | null>(null);
	/** Where the map looks and how it moves: the MapLibre map, or the SVG map's camera when WebGL is missing. */
	camera = $state.raw<MapCamera | null>(null);
	/** True when the map is drawn as SVG because WebGL is missing or failed (fewer effects; everything else works). */
	svgFallback = $state(false);
	/** Draws the map into a frame for exports, on the map in use (MapLibre's capture, or the SVG renderer). */
	captureFrame: ((frame: ExportSize, camera?: Partial<CaptureCamera>) => Promise<HTMLCanvasElement>) | null = null;
	base = $state.raw<BaseLayers | null>(null);
	/** The plan's full records (sources, quotes, industries, figures): what panels, search, tables and questions use. */
	plan = $state.raw<PlanData | null>(null);
	/** What the map draws before the full records are in (plan-map.json: the first view's plan layers). */
	planMap = $state.raw<PlanMapData | null>(null);
	/** The plan as drawn: the full records once in, else the map file. */
	readonly drawnPlan = $derived<PlanMapData | null>(this.plan ?? this.planMap);
	/** Things the reader should know about the data (records left out, a file that failed to load). */
	notices = $state<string[]>([]);
	/** The spatial tool in use, if any (then a map click answers it instead of selecting). */
	tool = $state<SpatialTool | null>(null);
	/** The latest answer to a spatial question, shown in the tools card and highlighted on the map. */
	answer = $state.raw<SpatialAnswer | null>(null);
	/** The distance of the "near" slider, km. */
	nearKm = $state(20);
	drawMode = $state<DrawMode>('rectangle');
	/** Bumped to wipe what is drawn on the map. */
	drawClears = $state(0);

	/** Ids of plan features in visible layers. */
	visible = $derived(this.drawnPlan ? visibleIds(this.drawnPlan.features, this.layers) : []);
	/** County and prefecture names by code. */
	readonly placeNames = $derived({
		counties: namesByCode(this.base?.counties),
		prefectures: namesByCode(this.base?.prefectures)
	});
	/** Where each seat-placed point may be (its county or prefecture): lists say what is only possibly in an area. */
	private readonly possibleArea = $derived(
		this.base ? possibleAreas(this.base.counties.features, this.base.prefectures.features) : undefined
	);
	/** Where the lens's industry is planned, per county and per prefecture; null while no lens is on. */
	/** The lens's counting code, loaded when a lens is first shown (not for the first view). */
	private whereCore = $state.raw<typeof import('./lens/industry-where') | null>(null);
	private loadWhere() {
		return import('./lens/industry-where').then((core) => (this.whereCore = core));
	}
	readonly lensRows = $derived(
		this.lens && this.plan && this.whereCore ? this.whereRows(this.whereCore, this.lens) : null
	);

	/** The table of plan features: its rows, sort and filter (which the map shares). */
	readonly table = new TableStore(() => ({
		features: this.plan?.features ?? [],
		visible: this.visible,
		counties: this.base?.counties,
		prefectures: this.base?.prefectures,
		lang: this.lang,
		view: () => this.viewBounds()
	}));
	/** Ids the map emphasises: those the industry filter and the table's filter both leave; null when neither filters. */
	matching = $derived(
		intersectIds(
			this.plan ? matchingIds(this.plan.features, this.lens ? [...this.filter, this.lens] : this.filter) : null,
			this.table.matching
		)
	);
	/** Point features in visible layers. */
	visiblePoints = $derived(pointsIn(this.drawnPlan?.features ?? [], this.visible));
	/** Points standing at one seat, drawn as one mark with a count, and the one whose list is open. */
	readonly stacks = new SeatStackState(() => ({ points: this.visiblePoints, matching: this.matching }));

	private resolveMapIdle!: () => void;
	private resolvePlanDrawn!: () => void;
	private resolvePlanRecords!: () => void;
	private readonly mapIdle = new Promise<void>((r) => (this.resolveMapIdle = r));
	/** The plan layers are on the map (from the map file or the full records) or the plan could not load. */
	private readonly layersDrawn = new Promise<void>((r) => (this.resolvePlanDrawn = r));
	/** The full records are in (`plan` is set) or could not load. */
	private readonly planRecords = new Promise<void>((r) => (this.resolvePlanRecords = r));
	/** What the questions, search and panels wait for: the layers drawn and the records to answer from. */
	private readonly planDrawn = Promise.all([this.layersDrawn, this.planRecords]).then(() => {});
	/** Resolves after the first complete render of the base map (the first view). */
	readonly ready = this.mapIdle.then(() => this.settled());
	/** Resolves once the default plan layers are drawn too (they load right after the first view). */
	readonly planReady = Promise.all([this.mapIdle, this.planDrawn.then(() => this.table.load())])
		.then(() => performance.mark('atlas:plan-table'))
		.then(() => this.tours())
		.catch((e: Error) => {
			// Tours are an extra: the atlas works without them; say why they are missing.
			this.notices = [...this.notices, e.message];
		})
		.then(() => this.settled());

	constructor(lang: Lang = 'zh') {
		this.lang = lang;
	}

	/** Called by the map root once the style has loaded. */
	attach(map: MapLibreMap): void {
		this.map = map;
		this.camera = map;
		this.captureFrame = (frame, camera) =>
			import('$lib/export/capture-map').then((m) => m.captureMap(map, frame, camera));
		applyLabelLanguage(map, this.lang);
		map.once('idle', () => {
			performance.mark('atlas:map-idle');
			this.resolveMapIdle();
		});
		map.on('moveend', () => this.viewTick++);
	}

	/** Called by the SVG map (no WebGL) once it exists: it stands in for the MapLibre map from then on. */
	attachCamera(
		camera: MapCamera,
		capture: (frame: ExportSize, camera?: Partial<CaptureCamera>) => Promise<HTMLCanvasElement>
	): void {
		this.svgFallback = true;
		this.camera = camera;
		this.captureFrame = capture;
		camera.once('idle', () => this.resolveMapIdle());
		camera.on('moveend', () => this.viewTick++);
	}

	/** Called once the plan layers (MapLibre and deck.gl) are on the map, or when the plan could not load. */
	markPlanDrawn(): void {
		performance.mark('atlas:plan-drawn');
		this.resolvePlanDrawn();
	}

	/** Called once the full records are in (`plan` set), or when they could not load. */
	markPlanRecords(): void {
		this.resolvePlanRecords();
	}

	feature(id: string | null): PlanFeature | undefined {
		return id ? this.plan?.byId.get(id) : undefined;
	}

	/** A county or prefecture from a place id (`county-513334`). */
	place(id: string | null): Place | undefined {
		const m = id?.match(PLACE_ID);
		if (!m || !this.base) return undefined;
		const [, type, code] = m;
		const fc = type === 'county' ? this.base.counties : this.base.prefectures;
		const f = fc.features.find((x) => x.properties?.code === code);
		return f
			? { type: type as Place['type'], code, name_zh: f.properties!.name_zh, name_en: f.properties!.name_en }
			: undefined;
	}

	/** Selects a feature or place; with `fly`, the map moves to show it (as when chosen from search or a list). */
	select(id: string | null, { fly = false } = {}): void {
		this.selected = id;
		if (fly && id) this.flyTo(id);
	}

	/** Moves the map to frame a feature or place, never zooming in further than its placement deserves. */
	flyTo(id: string): void {
		const map = this.camera;
		const geometry =
			this.feature(id)?.geometry ??
			(() => {
				const place = this.place(id);
				const fc = place?.type === 'county' ? this.base?.counties : this.base?.prefectures;
				return fc?.features.find((f) => f.properties?.code === place?.code)?.geometry;
			})();
		if (!map || !geometry) return;
		const [x0, y0, x1, y1] = bbox(geometry);
		const precise = ['site', 'town'].includes(this.feature(id)?.properties.location.precision ?? '');
		map.fitBounds(
			[
				[x0, y0],
				[x1, y1]
			],
			{ padding: this.framePadding(), maxZoom: precise ? 10 : 8, duration: FLY_MS }
		);
	}

	/** Room around what the map frames: more at the bottom while the table covers the map's lower part. */
	private framePadding() {
		const map = this.camera;
		const covered = this.table.open && !this.table.full ? this.table.height + 40 : 0;
		const height = map?.getContainer().clientHeight ?? 800;
		// never so much that nothing is left to frame in
		const bottom = Math.min(Math.max(80, covered + 20), Math.max(80, height - 240));
		return { top: 80, left: 80, right: 80, bottom };
	}

	/** The search index over plan features and divisions; its code (pinyin dictionary included) loads on first use. */
	private index: Promise<SearchIndex> | null = null;
	async search(text: string, limit?: number): Promise<SearchHit[]> {
		await this.planDrawn;
		if (!this.plan || !this.base) return [];
		const { plan, base } = this;
		this.index ??= import('./search/plan-search').then(({ createSearchIndex, categoryDocs, topicsOf }) =>
			createSearchIndex([
				// Industries first: "锂电" or "solar" offers the category itself (and then what plans it).
				...categoryDocs(plan.features),
				...plan.features.map((f) => ({ ...f.properties, topics: topicsOf(f) })),
				...base.counties.features.map((f) => placeDoc('county', f.properties!)),
				...base.prefectures.features.map((f) => placeDoc('prefecture', f.properties!))
			])
		);
		return (await this.index).search(text, limit);
	}

	/** Users' own layers (src/lib/user-data), joined to the plans through the spatial index. */
	readonly userData = new UserDataStore(
		() => this.spatialIndex().then((s) => s.index),
		() => this.dataRoot
	);
	/** The reader's PMTiles archives (src/lib/user-tiles), drawn as vector tiles. */
	readonly userTiles = new UserTileStore();
	/** Spatial questions about the reader's points (src/lib/user-plans). */
	readonly userQuestions = new UserQuestionStore(this.userData);

	/** The spatial index over plan features, counties and prefectures; built once, on the first spatial question. */
	private spatial: Promise<{ index: SpatialIndex; core: typeof import('$lib/geo/spatial-index') }> | null = null;
	private async spatialIndex() {
		await this.planDrawn;
		const { plan, base } = this;
		if (!plan || !base) throw new Error('the plan data could not be loaded, so there is nothing to measure');
		this.spatial ??= import('$lib/geo/spatial-index').then((core) => ({
			core,
			index: core.buildSpatialIndex(plan.features, base.counties.features, base.prefectures.features)
		}));
		return this.spatial;
	}

	/** What is here: county, prefecture, planning areas, corridors and the nearest feature of each kind. */
	async queryAt(position: unknown): Promise<AtResult> {
		const { core, index } = await this.spatialIndex();
		return core.at(index, position);
	}

	/** Everything within `km` of a point or line feature, nearest first. */
	async queryNear(id: unknown, km: unknown): Promise<DistanceHit[]> {
		const { core, index } = await this.spatialIndex();
		return core.near(index, id, km);
	}

	/** Everything inside a polygon (points in it, lines and areas crossing it). */
	async queryInside(polygon: unknown): Promise<InsideHit[]> {
		const { core, index } = await this.spatialIndex();
		return core.inside(index, polygon);
	}

	/** A park's distances to the nearest energy bases and the corridors it lies on. */
	async proximity(id: string): Promise<Proximity> {
		const { core, index } = await this.spatialIndex();
		return core.proximity(index, id);
	}

	/** Asks a question for the UI: the answer (or the reason there is none) goes to `answer`, never an exception. */
	private async ask(question: () => Promise<SpatialAnswer>): Promise<void> {
		try {
			this.answer = await question();
		} catch (e) {
			this.answer = { question: 'error', message: (e as Error).message };
		}
	}
	askAt(position: [number, number]): Promise<void> {
		return this.ask(async () => ({ question: 'at', result: await this.queryAt(position) }));
	}
	askNear(id: string, km: number): Promise<void> {
		return this.ask(async () => ({ question: 'near', id, km, hits: await this.queryNear(id, km) }));
	}
	askInside(polygon: Feature<Polygon> | null): Promise<void> {
		this.drawn = polygon?.geometry ?? null;
		if (!polygon) {
			this.answer = null;
			return Promise.resolve();
		}
		return this.ask(async () => ({ question: 'inside', hits: await this.queryInside(polygon) }));
	}
	/** Switches a tool on (or off, when it is already on); switching clears the previous answer and drawing. */
	useTool(tool: SpatialTool | null): void {
		this.tool = this.tool === tool ? null : tool;
		if (this.tool === 'area') this.drawMode = 'rectangle';
		if (this.tool === 'measure') this.drawMode = 'linestring';
		this.clearDrawn();
	}
	/** Wipes the drawn shape and its answer. */
	clearDrawn(): void {
		this.drawn = null;
		this.answer = null;
		this.drawClears++;
	}

	private whereRows(
		core: typeof import('./lens/industry-where'),
		category: string
	): { county: WhereRow[]; prefecture: WhereRow[] } {
		const features = this.plan?.features ?? [];
		return {
			county: core.whereCounts(features, category, 'county', this.placeNames.counties),
			prefecture: core.whereCounts(features, category, 'prefecture', this.placeNames.prefectures)
		};
	}

	/** The area of a place (`county-…`, `prefecture-…`) or an area feature, or null. */
	areaOf(id: string | null): AreaFeature | null {
		const feature = this.feature(id);
		if (feature) {
			const t = feature.geometry.type;
			return t === 'Polygon' || t === 'MultiPolygon' ? (feature as AreaFeature) : null;
		}
		const place = this.place(id);
		if (!place || !this.base) return null;
		const fc = place.type === 'county' ? this.base.counties : this.base.prefectures;
		return (fc.features.find((f) => f.properties?.code === place.code) as AreaFeature | undefined) ?? null;
	}

	/** Everything planned in a place or area feature, with its relation and certainty ("planned here"). */
	hitsIn(id: string | null): AreaHit[] {
		const area = this.areaOf(id);
		if (!area || !id) return [];
		const place = this.place(id);
		return featuresInArea(area, this.plan?.features ?? [], {
			...(place ? { areaCode: place.code } : { excludeIds: [id] }),
			possibleArea: this.possibleArea
		});
	}

	/** The industry profile of a place or area feature. */
	async queryProfile(id: unknown): Promise<RegionProfile> {
		await this.planDrawn;
		const key = String(id ?? '');
		if (!this.areaOf(key)) throw new Error(`no county, prefecture or area feature "${key.slice(0, 60)}"`);
		const { regionProfile } = await import('./lens/region-profile');
		return regionProfile(this.hitsIn(key));
	}

	/** The plans' targets (main-indicator rows) for a prefecture, county or plan area; [] when the plans give none. */
	async queryIndicators(id: unknown): Promise<PlacedRow[]> {
		await this.planDrawn;
		const key = String(id ?? '');
		if (!this.place(key) && !this.feature(key))
			throw new Error(`no county, prefecture or plan feature "${key.slice(0, 60)}"`);
		const [{ loadIndicators }, { indicatorsFor }] = await Promise.all([
			import('$lib/indicators/indicator-store'),
			import('$lib/indicators/indicators')
		]);
		return indicatorsFor(await loadIndicators(this.dataRoot), key);
	}

	/** Where an industry category is planned: counties, then prefectures, each with its count and features. */
	async queryWhere(category: unknown): Promise<WhereRow[]> {
		const id = String(category ?? '');
		if (!CATEGORY_IDS.includes(id))
			throw new Error(`no industry category "${id.slice(0, 60)}" (see data/vocab/categories.json)`);
		await this.planDrawn;
		const { county, prefecture } = this.whereRows(await this.loadWhere(), id);
		return [...county, ...prefecture];
	}

	/** Shows where an industry is planned (regions shaded by count, its features emphasised with any industry
	 * filter's); null hides it again. */
	showWhere(category: string | null): void {
		this.lens = category;
		if (category) void this.loadWhere();
	}

	/** Below this zoom a click on the map picks a prefecture (the province view); above it, a county. */
	static readonly PROVINCE_ZOOM = 7;

	/**
	 * A click on the map where no feature is: at province zoom it picks the prefecture and frames it, unless that
	 * prefecture (or a county in it) is already chosen; then, and when zoomed in, it picks the county.
	 */
	drillTo(countyCode: string | null): void {
		if (!countyCode) return this.select(null);
		const prefecture = `${countyCode.slice(0, 4)}00`;
		const chosen = this.selected?.match(/^(county|prefecture)-(\d{4})/)?.[2];
		const zoom = this.camera?.getZoom() ?? 99;
		if (
			zoom < AtlasController.PROVINCE_ZOOM &&
			chosen !== countyCode.slice(0, 4) &&
			this.place(`prefecture-${prefecture}`)
		) {
			return this.select(`prefecture-${prefecture}`, { fly: true });
		}
		this.select(`county-${countyCode}`);
	}

	/** Pins a feature or place for comparison, or unpins it; a fifth pin replaces the oldest. */
	togglePin(id: string): void {
		this.compare = this.compare.includes(id)
			? this.compare.filter((x) => x !== id)
			: [...this.compare, id].slice(-MAX_COMPARE);
	}

	/** The nearest airport, port, logistics hub, railway and energy site of each kind to a point feature. */
	async nearestFor(id: string, kinds: readonly string[]): Promise<DistanceHit[]> {
		const { core, index } = await this.spatialIndex();
		return core.nearestKinds(index, id, kinds);
	}

	/** Back to the whole province: nothing selected, Sichuan framed. */
	showProvince(): void {
		this.select(null);
		this.camera?.fitBounds(SICHUAN_BOUNDS, { padding: 20, duration: FLY_MS });
	}

	toggleLayer(id: string): void {
		this.layers = this.layers.includes(id) ? this.layers.filter((l) => l !== id) : [...this.layers, id];
	}

	toggleCategory(id: string): void {
		this.filter = this.filter.includes(id) ? this.filter.filter((c) => c !== id) : [...this.filter, id];
	}

	setLang(lang: Lang): void {
		this.lang = lang;
		if (this.map) applyLabelLanguage(this.map, lang);
	}

	/** The map's extent now ([west, south, east, north]); reading it in a reactive context follows the map. */
	viewBounds(): Bounds | null {
		void this.viewTick;
		const b = this.camera?.getBounds();
		return b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null;
	}

	/** The table's rows for a filter (and sort), over features in visible layers, as plain records. */
	async queryTable(filter: unknown = {}, sort: unknown = null): Promise<TableRow[]> {
		const f = tableFilterSchema.safeParse(filter ?? {});
		if (!f.success) throw new Error(`filter: ${formatIssues(f.error.issues)}`);
		const s = sort === null || sort === undefined ? null : tableSortSchema.safeParse(sort);
		if (s && !s.success) throw new Error(`sort: ${formatIssues(s.error.issues)}`);
		await this.planDrawn;
		const core = await this.table.load();
		const rows = core.rowsOf(this.table.allRows, this.visible);
		const filtered = core.filterRows(rows, f.data as TableFilter, f.data.inView ? this.viewBounds() : null);
		return core.sortRows(filtered, (s?.data ?? null) as TableSort | null, this.lang);
	}

	view(): ViewState {
		const map = this.camera;
		if (!map) return { center: [0, 0], zoom: 0, bearing: 0, pitch: 0 };
		const c = map.getCenter();
		return roundView({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
	}

	/** What an opening link asks for that waits on data (selection, filter, tour): reported by getState until it
	 * applies, so automation never sees a half-applied link. */
	private pendingLink: Pick<StatePatch, 'selected' | 'filter' | 'tour' | 'step' | 'compare'> | null = null;

	getState(): AtlasState {
		const state: AtlasState = {
			view: this.view(),
			lang: this.lang,
			layers: [...this.layers],
			selected: this.selected,
			filter: [...this.filter],
			drawn: this.drawn,
			tour: this.tour,
			step: this.step,
			table: this.table.state(),
			lens: this.lens,
			compare: [...this.compare]
		};
		return this.pendingLink ? applyPatch(state, this.pendingLink) : state;
	}

	/** The tours (loaded once). */
	private toursLoad: Promise<Tour[]> | null = null;
	tours(): Promise<Tour[]> {
		this.toursLoad ??= loadTours(this.dataRoot).then(
			(list) => (this.tourList = list),
			(e: Error) => {
				this.toursLoad = null;
				throw e;
			}
		);
		return this.toursLoad;
	}

	/** A link that reopens the atlas exactly as it is now. */
	shareUrl(): string {
		return this.siteUrl + stateToHash(this.getState());
	}

	/** The map as a PNG with title, legend, scale, north arrow, attribution and citations (export code loads on use). */
	async exportImage(options: ExportOptions = {}): Promise<Blob> {
		const { exportMapImage } = await import('$lib/export/export-image');
		return this.exclusive(() => exportMapImage(this, options));
	}

	/** One feature as a slide-sized card with its quote and source. */
	async exportQuoteCard(id: string, scale = 2): Promise<Blob> {
		const { exportQuoteCard } = await import('$lib/export/export-image');
		return this.exclusive(() => exportQuoteCard(this, id, scale));
	}

	/** Vector exports (SVG, PDF, PowerPoint): src/lib/export-vector, loaded on use. */
	async exportSvg(options?: VectorExportOptions): Promise<Blob> {
		const { exportSvg } = await import('$lib/export-vector/export-svg');
		return this.exclusive(() => exportSvg(this, options));
	}
	async exportPptx(options?: PptxOptions): Promise<Blob> {
		const { exportPptx } = await import('$lib/export-vector/export-pptx');
		return this.exclusive(() => exportPptx(this, options));
	}
	async exportPdf(options?: PdfOptions): Promise<Blob> {
		const { exportPdf } = await import('$lib/export-vector/export-pdf');
		return this.exclusive(() => exportPdf(this, options));
	}

	/** A still of the map for printing (a WebGL canvas does not print reliably), or null. */
	printSnapshot = $state<string | null>(null);

	/** Takes the still that the print stylesheet shows in place of the live map; call before window.print(). */
	async preparePrint(): Promise<void> {
		const map = this.map;
		if (!map) return;
		const { grabFrame } = await import('$lib/export/capture-map');
		this.printSnapshot = (await grabFrame(map)).toDataURL('image/png');
	}

	/** True while an export redraws the map off its usual size. */
	exporting = $state(false);
	private queue: Promise<unknown> = Promise.resolve();
	/** Runs exports one at a time (each resizes the map). */
	private exclusive<T>(job: () => Promise<T>): Promise<T> {
		const run = this.queue.then(async () => {
			this.exporting = true;
			try {
				return await job();
			} finally {
				this.exporting = false;
			}
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * Opens a share link (a URL hash): everything valid in it applies, and what is not (an unknown layer, a feature
	 * that no longer exists, a broken parameter) is dropped and named in `linkNotice`. Never throws. Before the map
	 * exists, the view is kept for the map to start with.
	 */
	async openLink(hash: string): Promise<void> {
		const { patch, ignored } = hashToPatch(hash);
		if (!this.camera && patch.view) {
			const { center = [0, 0], zoom = 6, bearing = 0, pitch = 0 } = patch.view;
			if (patch.view.center && patch.view.zoom !== undefined) this.initialView = { center, zoom, bearing, pitch };
		}
		if (patch.lang) this.setLang(patch.lang);
		const { selected, filter, tour, step, compare } = patch;
		this.pendingLink = Object.fromEntries(
			Object.entries({ selected, filter, tour, step, compare }).filter(([, v]) => v !== undefined)
		);
		if (patch.selected) {
			await this.planDrawn;
			if (!this.feature(patch.selected) && !this.place(patch.selected)) {
				ignored.push(`sel=${patch.selected} (no such feature or place)`);
				delete patch.selected;
			}
		}
		if (patch.compare?.length) {
			await this.planDrawn;
			const known = patch.compare.filter((id) => this.feature(id) || this.place(id));
			if (known.length < patch.compare.length) {
				ignored.push(
					`compare: ${patch.compare.filter((id) => !known.includes(id)).join(', ')} (no such feature or place)`
				);
			}
			patch.compare = known;
		}
		if (patch.tour) {
			const tour = await this.tours().then(
				(all) => all.find((t) => t.id === patch.tour),
				() => undefined
			);
			if (!tour || (patch.step ?? 1) > tour.steps.length) {
				ignored.push(`tour=${patch.tour}${patch.step ? `&step=${patch.step}` : ''} (no such tour or step)`);
				delete patch.tour;
				delete patch.step;
			}
		}
		try {
			await this.setState(patch);
		} catch (e) {
			ignored.push((e as Error).message);
		} finally {
			this.pendingLink = null;
		}
		this.linkNotice = ignored.length ? ignored.join('; ') : null;
	}

	rendered(layerId: string): Record<string, unknown>[] {
		const map = this.map;
		if (!map || !map.getLayer(layerId)) return [];
		return map.queryRenderedFeatures({ layers: [layerId] }).map((f) => ({ ...f.properties }));
	}

	paint(layerId: string, property: string): unknown {
		const map = this.map;
		if (!map || !map.getLayer(String(layerId))) return undefined;
		return map.getPaintProperty(String(layerId), String(property) as Parameters<typeof map.getPaintProperty>[1]);
	}

	renderer(): 'webgl' | 'svg' | null {
		return this.svgFallback ? 'svg' : this.map ? 'webgl' : null;
	}

	projectPosition(position: unknown): [number, number] | null {
		const camera = this.camera;
		if (!camera || !Array.isArray(position) || position.length < 2) return null;
		const [lng, lat] = position.map(Number);
		if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
		const { x, y } = camera.project([lng, lat]);
		return [x, y];
	}

	styleLayers(): string[] {
		return this.map?.getLayersOrder() ?? [];
	}

	async setState(input: unknown): Promise<AtlasState> {
		const parsed = parseStatePatch(input);
		if (!parsed.ok) throw new Error(`atlas.setState: ${parsed.error}`);
		let { patch } = parsed;
		const tourId = patch.tour === undefined ? this.tour : patch.tour;
		if (tourId && (patch.tour !== undefined || patch.step !== undefined)) {
			// A tour step shows its own view, layers, selection and filter; what the patch names besides wins.
			const tour = (await this.tours()).find((t) => t.id === tourId);
			if (!tour) throw new Error(`atlas.setState: tour: no tour "${tourId}"`);
			const stepNo = patch.step ?? (tourId !== this.tour ? 1 : (this.step ?? 1));
			const step = tour.steps[stepNo - 1];
			if (!step) throw new Error(`atlas.setState: step: tour "${tourId}" has ${tour.steps.length} steps`);
			const canvas = this.camera?.getContainer();
			const framed = stepPatch(step, canvas?.clientWidth, canvas?.clientHeight);
			patch = { ...framed, ...patch, view: { ...framed.view, ...patch.view }, tour: tourId, step: stepNo };
		} else if (patch.step && !tourId) {
			throw new Error('atlas.setState: step: no tour is on (set tour too)');
		}
		if (patch.selected) {
			await this.planDrawn;
			if (!this.feature(patch.selected) && !this.place(patch.selected)) {
				throw new Error(`atlas.setState: selected: no feature or place "${patch.selected}"`);
			}
		}
		if (patch.compare?.length) {
			await this.planDrawn;
			const unknown = patch.compare.filter((id) => !this.feature(id) && !this.place(id));
			if (unknown.length) throw new Error(`atlas.setState: compare: no feature or place "${unknown.join('", "')}"`);
		}
		const next = applyPatch(this.getState(), patch);
		if (patch.lang) this.setLang(next.lang);
		if (patch.layers) this.layers = next.layers;
		if (patch.filter) this.filter = next.filter;
		if (patch.selected !== undefined) this.selected = next.selected;
		if (patch.drawn !== undefined) {
			// A drawn shape from a link or the API is asked about, as if drawn by hand.
			if (next.drawn) void this.askInside({ type: 'Feature', properties: {}, geometry: next.drawn });
			else this.clearDrawn();
		}
		if (patch.tour !== undefined || patch.step !== undefined) [this.tour, this.step] = [next.tour, next.step];
		if (patch.table) this.table.apply(next.table);
		if (patch.lens !== undefined) this.showWhere(next.lens);
		if (patch.compare) this.compare = next.compare;
		const map = this.camera;
		if (map && patch.view) {
			map.jumpTo({
				center: next.view.center,
				zoom: next.view.zoom,
				bearing: next.view.bearing,
				pitch: next.view.pitch
			});
		}
		await this.settled();
		return this.getState();
	}

	/** Resolves once the map has drawn everything asked of it (after Svelte has applied state to the map). */
	settled(): Promise<void> {
		const map = this.camera;
		if (!map) return Promise.resolve();
		return new Promise((resolve) => {
			// Let effects push the new state to the map first, then wait for a complete frame: none when the MapLibre map
			// is at rest, its last frame complete and nothing asked of it since (in software WebGL a frame drawn for
			// nothing costs 200–800 ms: it held `ready` and `planReady` back by one frame each).
			queueMicrotask(() =>
				requestAnimationFrame(() => {
					if (map === this.map && atRest(this.map)) return resolve();
					map.once('idle', () => resolve());
					map.triggerRepaint();
				})
			);
		});
	}
}

/**
 * True when a MapLibre map has drawn everything it has (the frame that fired, or would fire, `idle`) and no frame is
 * asked for: no change to its style, sources or camera since, no label fade or repaint loop going on.
 */
export function atRest(map: MapLibreMap): boolean {
	return (
		!map._frameRequest &&
		!map._placementDirty &&
		!map.repaint &&
		!map.isMoving() &&
		map.loaded() &&
		map.areTilesLoaded()
	);
}
