/**
 * Users' own layers in the atlas: adding a file (parsed in a worker, with progress and cancel), the layers with their
 * joins and summaries, visibility, removal, and IndexedDB persistence (idb-keyval) so a reload keeps them. The data
 * never leave the browser. The controller holds one store; window.atlas.data and the panel both use it.
 */
import { del, get, set } from 'idb-keyval';
import type { SpatialIndex } from '$lib/geo/spatial-index';
import { UserDataError, type TextEncoding } from './decode';
import { parseInWorker, ParseCancelled, type ParseStage } from './parse-client';
import type { RawTable } from './parse-table';
import type { Place } from './regions';
import type { AnyLayer, Geography, LoadOptions, PointLayer, UserLayer } from './user-layer';
import type { ShapeJoin } from './shapes';
import type { JoinSummary } from './join';
import type { JoinedPoints } from '$lib/user-join/join-client';
import type { NearColumns } from '$lib/user-join/near-points';
import type { RowPlace } from '$lib/user-plans/region-counts';
import { reasonText } from './reasons';
import { USER_COLORS, type Crs } from './layer-ids';
import { sheetOf } from './sheet-of';
import type { PointStyle } from './point-style';
import { keptStyle } from './kept-style';

/** The parsing and joining code (papaparse, turf): it loads with the first file, not with the page. */
const loadCore = () => import('./core');
/** The join of point layers in workers, and reading its columns (src/lib/user-join). */
const loadJoin = () => Promise.all([import('$lib/user-join/join-client'), import('$lib/user-join/join-columns')]);

/** IndexedDB key of the stored layers. */
const STORE_KEY = 'atlas-user-data-v1';

interface Stored {
	id: string;
	name: string;
	/** The parsed table; left out of IndexedDB for a large file, which is kept as its `file` and read again. */
	raw: RawTable;
	options: LoadOptions;
	encoding: TextEncoding;
	/** A workbook's file, kept so that another of its sheets can be read; and a large file's, kept instead of rows. */
	file?: Blob;
	/** A point layer's colour and size by column, kept so a reload shows it as it was. */
	style?: PointStyle;
	/** The worker placed the points and sent their rows packed (./packed-rows.ts): `raw` holds no rows, and reading
	 * the layer again (another datum, a reload) reads `file` again. */
	packed?: boolean;
}

/** A table of more rows than this is kept in IndexedDB as its file (a Blob, stored without copying on the page's
 * thread) rather than as rows: a million rows cloned into IndexedDB would hold the page for seconds. */
export const KEEP_ROWS_UP_TO = 20_000;

export interface UserEntry {
	layer: AnyLayer;
	visible: boolean;
	color: [number, number, number];
	encoding: TextEncoding;
	/** The join's summary; null while the join runs (the points are drawn before it). */
	summary: JoinSummary | null;
	/** For a workbook: the sheet read and the names of all its sheets. */
	sheet: { sheet: string; sheets: string[] } | null;
	/** For a layer of shapes: each shape's counties, regions and plan features inside (its profile). */
	shapes: ShapeJoin[] | null;
}

/** What `atlas.data.add` answers. */
export interface AddResult {
	id: string;
	name: string;
	kind: AnyLayer['kind'];
	rows: number;
	skipped: number;
	/** The bad rows: spreadsheet row number and reason (English). */
	bad: { row: number; reason: string }[];
	crs: Crs | null;
	suggestedCrs: Crs | null;
	swapped: boolean;
	columns: string[];
	encoding: TextEncoding;
	/** The join's summary; null while the join runs (the points are drawn before it). */
	summary: JoinSummary | null;
	/** For a workbook: the sheet read (bad rows are that sheet's rows) and the names of all its sheets. */
	sheet: string | null;
	sheets: string[];
}

export class UserDataStore {
	entries = $state.raw<UserEntry[]>([]);
	/** The file being read, its stage and share done (0–1), or null. */
	progress = $state.raw<{ name: string; stage: ParseStage; share: number } | null>(null);
	/** The last failure, in both languages, or null. */
	error = $state.raw<{ en: string; zh: string } | null>(null);
	/** The user's point under the pointer or clicked (pinned), by layer id and row index; or a cell of the counts
	 * shown at low zoom (index -1, its count). */
	picked = $state.raw<{ id: string; index: number; pinned: boolean; cell?: { count: number } } | null>(null);
	/** How each point layer is coloured and sized (./point-style.ts), by layer id; absent: one colour, one size. */
	styles = $state.raw<Record<string, PointStyle>>({});
	/** The map's zoom in half steps (the map sets it): below a layer's hand-over zoom it shows counts in cells. */
	zoom = $state(0);
	/** Share (0–1) of each point layer's rows joined to the plans so far, by layer id, while its join runs. */
	joining = $state.raw<Record<string, number>>({});
	/** Resolves once layers kept from an earlier visit are back. */
	readonly restored: Promise<void>;

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- what is stored, not state: entries are the state
	private raws = new Map<string, Stored>();
	private abort: AbortController | null = null;
	/** Each point layer's join in the workers (a layer read again is a new object, joined again). */
	private joins = new WeakMap<UserLayer, Promise<JoinedPoints>>();
	/** The joins under way, by layer id: removing the layer stops its join. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- what is running, not state
	private joinAborts = new Map<string, AbortController>();
	/** The restore under way, if any: a layer added meanwhile waits for it, so their ids cannot collide. */
	private restoring: Promise<void> | null = null;
	private geography: Promise<{
		index: SpatialIndex;
		geo: Geography;
		core: Awaited<ReturnType<typeof loadCore>>;
	}> | null = null;

	constructor(
		private spatial: () => Promise<SpatialIndex>,
		/** The published data folder (the file's worker reads the counties there to place points itself). */
		private dataRoot?: () => string
	) {
		this.restored = new Promise((resolve) => (this.resolveRestored = resolve));
	}
	private resolveRestored!: () => void;

	/** The plans' spatial index the layers are joined through (src/lib/user-plans asks it too). */
	spatialIndex(): Promise<SpatialIndex> {
		return this.spatial();
	}

	ids(): string[] {
		return this.entries.map((e) => e.layer.id);
	}

	entry(id: string): UserEntry | undefined {
		return this.entries.find((e) => e.layer.id === id);
	}

	private geographyOf() {
		this.geography ??= Promise.all([this.spatial(), loadCore()]).then(([index, core]) => {
			const { placesAt, regionMatcher } = core;
			const places = (items: SpatialIndex['counties']['items']) => items.map((f) => f.properties as unknown as Place);
			const geo: Geography = {
				matcher: regionMatcher(places(index.counties.items), places(index.prefectures.items)),
				countyAt: (p) => placesAt(index, p).county?.code ?? null
			};
			return { index, geo, core };
		});
		return this.geography;
	}

	private nextId(): string {
		let n = 1;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const taken = new Set([...this.ids(), ...this.raws.keys()]);
		while (taken.has(`data-${n}`)) n++;
		return `data-${n}`;
	}

	/** The layer's entry; a layer of points the worker made is used as it is (it needs no spatial index to draw). */
	private async build(stored: Stored, visible = true, made?: PointLayer): Promise<UserEntry> {
		let layer: AnyLayer;
		let index: SpatialIndex | null = null;
		if (!made && stored.packed && stored.file) made = (await this.read(stored.file, stored.options)).layer;
		if (made) layer = { ...made, id: stored.id, name: stored.name };
		else {
			const g = await this.geographyOf();
			index = g.index;
			mark('built-start');
			layer = g.core.buildLayer(stored.raw, g.geo, stored.id, { ...stored.options, name: stored.name });
			mark('built');
		}
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const used = new Set(this.entries.map((e) => e.color.join()));
		const color = USER_COLORS.find((c) => !used.has(c.join())) ?? USER_COLORS[this.entries.length % USER_COLORS.length];
		const shapes = layer.kind === 'shapes' && index ? (await loadCore()).joinShapes(layer, index) : null;
		return { layer, visible, color, encoding: stored.encoding, summary: null, sheet: sheetOf(stored.raw), shapes };
	}

	/** The data folder's absolute URL for the join's workers; null where no worker can run (then the page joins). */
	private joinDataRoot(): string | null {
		const root = this.dataRoot?.();
		if (!root || typeof Worker === 'undefined' || typeof location === 'undefined') return null;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off absolute address, not state
		return new URL(root, location.href).href.replace(/\/$/, '');
	}

	/** A point layer's join in the join's workers (src/lib/user-join), started once per layer object; null where
	 * there are no workers or no data folder (then the page joins, as join.ts does). */
	private pointJoin(layer: AnyLayer): Promise<JoinedPoints> | null {
		if (layer.kind !== 'points') return null;
		const known = this.joins.get(layer);
		if (known) return known;
		const dataRoot = this.joinDataRoot();
		if (!dataRoot) return null;
		const id = layer.id;
		this.joinAborts.get(id)?.abort();
		const abort = new AbortController();
		this.joinAborts.set(id, abort);
		this.joining = { ...this.joining, [id]: 0 };
		const started = loadJoin().then(([client]) =>
			client.joinInWorkers(
				Float64Array.from(layer.positions),
				dataRoot,
				(share) => {
					if (!abort.signal.aborted) this.joining = { ...this.joining, [id]: share };
				},
				abort.signal
			)
		);
		const done = () => {
			if (this.joinAborts.get(id) === abort) this.joinAborts.delete(id);
			if (id in this.joining && (this.joinAborts.get(id) ?? abort) === abort) {
				const { [id]: _gone, ...rest } = this.joining;
				this.joining = rest;
			}
		};
		started.then(done, () => {
			done();
			// a failed or cancelled join can be asked again
			if (this.joins.get(layer) === started) this.joins.delete(layer);
		});
		this.joins.set(layer, started);
		return started;
	}

	/** A point layer's join from the workers, or null where they cannot give it (none can run, or they failed: the
	 * page joins instead); a join stopped by the layer's removal still rejects (JoinCancelled). */
	private async workerJoin(layer: AnyLayer): Promise<JoinedPoints | null> {
		const inWorkers = this.pointJoin(layer);
		if (!inWorkers) return null;
		try {
			return await inWorkers;
		} catch (e) {
			if ((e as Error).name === 'JoinCancelled') throw e;
			return null;
		}
	}

	/** Joins a shown layer to the plans for its summary, after the map has had a frame to draw it; the entry (if it is
	 * still there, not read again meanwhile) gets the summary. A point layer is joined row for row in the join's
	 * workers (the summary counts every row); elsewhere the page joins in slices (a sample for a large layer). A join
	 * stopped by the layer's removal leaves the summary null. */
	private async summarise(entry: UserEntry): Promise<UserEntry> {
		const layer = entry.layer;
		await new Promise((r) => setTimeout(r, 0));
		// removed before its join began (there was no join to stop then): nothing to join
		if (!this.entries.some((e) => e.layer === layer)) return entry;
		let summary: JoinSummary | null = null;
		try {
			const joined = await this.workerJoin(layer);
			if (joined) summary = (await loadJoin())[1].summariseColumns(joined.columns, joined.names);
		} catch {
			return entry; // the layer was removed while it was joined
		}
		if (!summary) {
			const { index, core } = await this.geographyOf();
			// in slices, yielding to the page between them: the map keeps drawing and answering while the join runs
			const pause = () => new Promise((r) => setTimeout(r, 0));
			summary = entry.shapes
				? core.summariseShapes(entry.shapes)
				: await core.summariseLayerSliced(layer as UserLayer, index, pause);
		}
		mark('summary');
		const done = { ...entry, summary };
		const current = this.entries.find((e) => e.layer === layer);
		if (current) this.entries = this.entries.map((e) => (e === current ? { ...current, summary } : e));
		return current ? { ...current, summary } : done;
	}

	/** "Which points lie within km of a feature of kinds", asked of a point layer in the join's workers (see
	 * src/lib/user-join/near-points.ts); null where no worker can run or they failed (then ask on the page). */
	async nearInWorkers(
		layer: PointLayer,
		km: number,
		kinds: readonly string[],
		onProgress?: (share: number) => void
	): Promise<NearColumns | null> {
		const dataRoot = this.joinDataRoot();
		if (!dataRoot) return null;
		const [client] = await loadJoin();
		// failed workers: null, and the page asks instead
		return client.nearInWorkers(Float64Array.from(layer.positions), dataRoot, km, kinds, onProgress).catch(() => null);
	}

	/** Each row's county, prefecture and economic region (for region profiles and questions): from the workers' join
	 * for a point layer, else counted on the page (src/lib/user-plans/region-counts.ts). */
	async rowPlaces(layer: UserLayer): Promise<RowPlace[]> {
		const joined = await this.workerJoin(layer);
		if (joined) return (await loadJoin())[1].rowPlacesOf(joined.columns, joined.names);
		const [index, counts] = await Promise.all([this.spatial(), import('$lib/user-plans/region-counts')]);
		return counts.rowPlaces(layer, index);
	}

	/** Reads a file (File, Blob, text of a CSV or GeoJSON, or a GeoJSON object) into a new layer; resolves once it is
	 * joined. `shown` hears the layer's id as soon as it is on the map (before the join). */
	async add(source: unknown, options: LoadOptions = {}, shown?: (id: string) => void): Promise<AddResult> {
		const blob = toBlob(source);
		const name = options.name ?? (source instanceof File ? source.name : `数据 ${this.entries.length + 1}`);
		this.abort?.abort();
		const abort = (this.abort = new AbortController());
		this.error = null;
		this.progress = { name, stage: 'reading', share: 0 };
		try {
			mark('add');
			const { table, encoding, layer, packed } = await this.read(
				blob,
				options,
				(stage, share) => {
					if (this.abort === abort) this.progress = { name, stage, share };
				},
				abort.signal
			);
			mark('parsed');
			await this.restoring;
			const { name: _name, ...kept } = options;
			const stored: Stored = { id: this.nextId(), name, raw: table, options: kept, encoding };
			if (packed) stored.packed = true;
			if (sheetOf(table) || packed || table.rows.length > KEEP_ROWS_UP_TO) stored.file = blob;
			const entry = await this.build(stored, true, layer);
			this.raws.set(stored.id, stored);
			this.entries = [...this.entries, entry];
			mark('shown');
			shown?.(stored.id);
			// the file is read: the card's progress goes, its "joining…" line says what follows
			if (this.abort === abort) [this.abort, this.progress] = [null, null];
			const joined = await this.summarise(entry);
			await this.save();
			mark('saved');
			return resultOf(joined);
		} catch (e) {
			const err =
				e instanceof UserDataError
					? e
					: new UserDataError((e as Error).message, `无法读取文件：${(e as Error).message}`);
			if (!(err instanceof ParseCancelled)) this.error = { en: err.message, zh: err.zh };
			throw err;
		} finally {
			if (this.abort === abort) {
				this.abort = null;
				this.progress = null;
			}
		}
	}

	/** Reads a file in a worker; a table of points is placed there too when the data folder is known. */
	private read(
		blob: Blob,
		options: LoadOptions,
		onProgress?: (stage: ParseStage, share: number) => void,
		signal?: AbortSignal
	) {
		return parseInWorker(blob, onProgress, signal, options.sheet, this.workerPlacing(options));
	}

	/** What the file's worker needs to place a table of points itself: the options and the data folder's URL. */
	private workerPlacing(options: LoadOptions) {
		const root = this.dataRoot?.();
		if (!root || typeof location === 'undefined') return undefined;
		const { name: _name, ...kept } = options;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off absolute address, not state
		return { options: kept, dataRoot: new URL(root, location.href).href.replace(/\/$/, '') };
	}

	/** Stops reading the file being added. */
	cancel(): void {
		this.abort?.abort();
	}

	/** Reads a point layer again in another datum (or with its columns swapped back). */
	async reread(id: string, patch: Pick<LoadOptions, 'crs' | 'swap'>): Promise<AddResult> {
		const stored = this.raws.get(id);
		const old = this.entry(id);
		if (!stored || !old) throw unknownLayer(id);
		stored.options = { ...stored.options, ...patch };
		const entry = { ...(await this.build(stored, old.visible)), color: old.color };
		this.entries = this.entries.map((e) => (e.layer.id === id ? entry : e));
		const joined = await this.summarise(entry);
		await this.save();
		return resultOf(joined);
	}

	/** Reads another sheet of a workbook layer in its place (same id, colour and options). */
	async chooseSheet(id: string, sheet: string): Promise<AddResult> {
		const stored = this.raws.get(id);
		const old = this.entry(id);
		if (!stored || !old) throw unknownLayer(id);
		if (!stored.file) throw new UserDataError('this layer is not from a workbook', '这个图层不是从工作簿读入的');
		try {
			const options = { ...stored.options, sheet };
			const { table, layer, packed } = await this.read(stored.file, options);
			const next: Stored = { ...stored, raw: table, options, packed };
			const entry = { ...(await this.build(next, old.visible, layer)), color: old.color };
			this.raws.set(id, next);
			this.entries = this.entries.map((e) => (e.layer.id === id ? entry : e));
			this.error = null;
			const joined = await this.summarise(entry);
			await this.save();
			return resultOf(joined);
		} catch (e) {
			const err = e instanceof UserDataError ? e : new UserDataError((e as Error).message, (e as Error).message);
			this.error = { en: err.message, zh: err.zh };
			throw err;
		}
	}

	/** Colours or sizes a point layer by a column (null: back to one colour or size); kept with the layer. */
	async setStyle(id: string, patch: Partial<PointStyle>): Promise<void> {
		if (!this.entry(id)) throw unknownLayer(id);
		const old = this.styles[id] ?? { colorBy: null, sizeBy: null };
		this.styles = { ...this.styles, [id]: { ...old, ...patch } };
		const stored = this.raws.get(id);
		if (!stored) return;
		stored.style = this.styles[id];
		await this.save();
	}

	toggle(id: string, visible?: boolean): void {
		this.entries = this.entries.map((e) => (e.layer.id === id ? { ...e, visible: visible ?? !e.visible } : e));
	}

	async remove(id: string): Promise<void> {
		if (!this.entry(id)) throw unknownLayer(id);
		this.raws.delete(id);
		this.joinAborts.get(id)?.abort();
		this.entries = this.entries.filter((e) => e.layer.id !== id);
		if (this.picked?.id === id) this.picked = null;
		await this.save();
	}

	async removeAll(): Promise<void> {
		for (const a of this.joinAborts.values()) a.abort();
		this.raws.clear();
		this.entries = [];
		this.picked = null;
		await del(STORE_KEY).catch(() => {});
	}

	/** The layer's rows joined to the plans, as objects (its columns, then the plan columns). */
	async join(id: string): Promise<{ columns: string[]; rows: Record<string, string>[] }> {
		const { columns, rows } = await this.joinedRows(id);
		return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))) };
	}

	async joinedRows(id: string): Promise<{ columns: string[]; rows: string[][] }> {
		const entry = this.entry(id);
		if (!entry) throw unknownLayer(id);
		const layer = entry.layer;
		const joined = await this.workerJoin(layer);
		if (joined && layer.kind === 'points') {
			const [, read] = await loadJoin();
			const rows = Array.from({ length: layer.rows.length }, (_, i) =>
				read.joinedCells(layer, joined.columns, joined.names, i)
			);
			return { columns: read.joinedColumns(layer), rows };
		}
		const { index, core } = await this.geographyOf();
		if (layer.kind === 'shapes') return core.shapeTable(layer, entry.shapes!);
		return core.joinedTable(layer, core.joinLayer(layer, index));
	}

	/** The joined table as pieces of text (a point layer's written a slice at a time, the page answering between
	 * slices): formula-safe CSV or GeoJSON. */
	private async joinedPieces(id: string, format: 'csv' | 'geojson'): Promise<string[]> {
		const entry = this.entry(id);
		if (!entry) throw unknownLayer(id);
		const layer = entry.layer;
		const joined = await this.workerJoin(layer);
		if (joined && layer.kind === 'points') {
			// the workers joined it: the page's spatial index is not needed (a point's geometry is its position)
			const [core, [, read]] = await Promise.all([loadCore(), loadJoin()]);
			const pause = () => new Promise((r) => setTimeout(r, 0));
			const geometry = core.pointGeometry(layer);
			let from = 0;
			const pieces = await read.joinedPieces(
				layer,
				joined.columns,
				joined.names,
				(columns, rows, first) => {
					if (format === 'csv') return (first ? '' : '\r\n') + core.toCsv(columns, rows, first);
					const at = from;
					from += rows.length;
					const text = JSON.stringify(core.tableToGeoJson(columns, rows, (i) => geometry(at + i)).features);
					return (first ? '' : ',') + text.slice(1, -1);
				},
				pause
			);
			return format === 'csv' ? pieces : ['{"type":"FeatureCollection","features":[', ...pieces, ']}'];
		}
		const { core, index } = await this.geographyOf();
		const { columns, rows } = await this.joinedRows(id);
		if (format === 'csv') return [core.toCsv(columns, rows)];
		return [JSON.stringify(core.tableToGeoJson(columns, rows, core.layerGeometry(layer, index)))];
	}

	/** The joined table as formula-safe CSV. */
	async joinedCsv(id: string): Promise<string> {
		return (await this.joinedPieces(id, 'csv')).join('');
	}

	/** The joined table as GeoJSON: each row's WGS84 point, shape or region outline, its cells as properties. */
	async joinedGeoJson(id: string): Promise<string> {
		return (await this.joinedPieces(id, 'geojson')).join('');
	}

	/** The joined table as a file's contents (a Blob of its pieces: a million rows need not become one string). */
	async joinedBlob(id: string, format: 'csv' | 'geojson'): Promise<Blob> {
		const pieces = await this.joinedPieces(id, format);
		return format === 'csv'
			? new Blob(['\ufeff', ...pieces], { type: 'text/csv;charset=utf-8' })
			: new Blob(pieces, { type: 'application/geo+json' });
	}

	/** The joined table as text: formula-safe CSV or GeoJSON. */
	exportJoined(id: string, format: unknown = 'csv'): Promise<string> {
		if (format === 'csv') return this.joinedCsv(id);
		if (format === 'geojson') return this.joinedGeoJson(id);
		const f = JSON.stringify(String(format)).slice(0, 30);
		return Promise.reject(
			new UserDataError(
				`the export format is 'csv' or 'geojson', not ${f}`,
				`导出格式只能是 'csv' 或 'geojson'，不是 ${f}`
			)
		);
	}

	/** The bad rows as CSV: row number, reason (in the reader's language), then the row's cells. */
	async badCsv(id: string, lang: 'zh' | 'en'): Promise<string> {
		const { toCsv } = await loadCore();
		const entry = this.entry(id);
		if (!entry) throw unknownLayer(id);
		const head = lang === 'zh' ? ['行号', '原因'] : ['row', 'reason'];
		const rows = entry.layer.bad.map((b) => [String(b.row), reasonText(b.code, b.detail, lang), ...b.cells]);
		return toCsv([...head, ...entry.layer.columns], rows);
	}

	private async save(): Promise<void> {
		try {
			// a large file is kept as itself (./KEEP_ROWS_UP_TO), its rows read again on restore
			const kept = [...this.raws.values()].map((s) =>
				s.file && (s.packed || s.raw.rows.length > KEEP_ROWS_UP_TO) ? { ...s, raw: undefined } : s
			);
			await set(STORE_KEY, kept);
		} catch {
			// Private windows and full disks refuse IndexedDB: the layers stay for this visit only.
			this.error = {
				en: 'the layers could not be kept in this browser (storage refused); they last until the page is closed',
				zh: '无法在本浏览器中保存图层（存储被拒绝）；关闭页面后图层将消失'
			};
		}
	}

	/** Brings back the layers kept from an earlier visit (once the geography can be loaded). */
	restore(): Promise<void> {
		this.restoring ??= this.restoreStored();
		return this.restoring;
	}

	private async restoreStored(): Promise<void> {
		try {
			const stored = ((await get(STORE_KEY)) ?? []) as Stored[];
			for (const s of stored) {
				if (!s?.id || !(s.raw || s.file instanceof Blob) || this.raws.has(s.id)) continue;
				try {
					let made: PointLayer | undefined;
					if (!s.raw) {
						const again = await this.read(s.file!, s.options ?? {});
						[s.raw, s.packed, made] = [again.table, again.packed, again.layer];
					}
					this.raws.set(s.id, s);
					// appended one by one: a layer added meanwhile stays
					const entry = await this.build(s, true, made);
					this.entries = [...this.entries, entry];
					const style = keptStyle(s.style, entry.layer.columns);
					if (style) this.styles = { ...this.styles, [s.id]: style };
					void this.summarise(entry);
				} catch {
					this.raws.delete(s.id);
				}
			}
		} catch {
			// No IndexedDB (or a damaged store): start without kept layers.
		} finally {
			this.resolveRestored();
		}
	}
}

/** A performance mark of the add path (`user-data:…`), read by the benchmark's profile. */
const mark = (name: string) => globalThis.performance?.mark?.(`user-data:${name}`);

const unknownLayer = (id: string) =>
	new UserDataError(
		`no user layer with id ${JSON.stringify(String(id)).slice(0, 60)}`,
		`没有这个数据图层：${String(id).slice(0, 60)}`
	);

function toBlob(source: unknown): Blob {
	if (source instanceof Blob) return source;
	if (typeof source === 'string') return new Blob([source], { type: 'text/plain' });
	if (source && typeof source === 'object') return new Blob([JSON.stringify(source)], { type: 'application/json' });
	throw new UserDataError(
		'atlas.data.add takes a File, a Blob, the text of a CSV or GeoJSON, or a GeoJSON object',
		'atlas.data.add 接受 File、Blob、CSV 或 GeoJSON 文本，或 GeoJSON 对象'
	);
}

function resultOf(entry: UserEntry): AddResult {
	const l = entry.layer;
	return {
		id: l.id,
		name: l.name,
		kind: l.kind,
		rows: l.rows.length,
		skipped: l.bad.length,
		bad: l.bad.map((b) => ({ row: b.row, reason: reasonText(b.code, b.detail, 'en') })),
		crs: l.kind === 'regions' ? null : l.crs,
		suggestedCrs: l.kind === 'regions' ? null : l.suggestion.crs,
		swapped: l.kind === 'points' && l.swapped,
		columns: l.columns,
		encoding: entry.encoding,
		summary: entry.summary,
		sheet: entry.sheet?.sheet ?? null,
		sheets: entry.sheet?.sheets ?? []
	};
}
