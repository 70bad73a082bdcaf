/**
 * The atlas beside its peers (issue 12): turns one run of the peers harness (`measure.mjs --out`, see
 * /work/shared/peers/README.md) plus the bench's own figure for the atlas's first map into one table and the ratios the
 * issue's goals name. Pure: no browser, no files; the bench (bench.ts, peers.ts) gathers the figures.
 */

/** A median with its range over the samples, as measure.mjs writes it (null when no sample gave the figure). */
export interface Span {
	median: number;
	min: number;
	max: number;
	count: number;
}

/** The part of one contestant's summary in measure.mjs's JSON that the table reads. */
export interface PeerSummary {
	ok: number;
	failed: number;
	failures?: string[];
	readyMs: Span | null;
	planReadyMs?: Span | null;
	gzBytes: Span | null;
	frameP50: Span | null;
	frameP95: Span | null;
	skipped?: number;
}

/** One sample of measure.mjs: its 3-second pan and zoom, when it ran. */
export interface PeerSample {
	ok: boolean;
	pan?: { wallMs: number; frames: number };
}

/** measure.mjs's result file (the fields the table reads). */
export interface PeerResult {
	date: string;
	n: number;
	runs: number;
	machine: { cpus: number; chromium: string; gl: string };
	contestants: Record<string, { url: string; summary: PeerSummary; samples?: PeerSample[] }>;
}

/** The contestants' names in the harness run the bench starts, and how the table names them. */
export const CONTESTANTS = [
	['echarts', 'ECharts 6 (canvas)'],
	['leaflet', 'Leaflet 1.9 (canvas)'],
	['maplibre-deck', 'plain MapLibre + deck.gl'],
	['atlas', 'the atlas, default layers'],
	['atlas-all', 'the atlas, every layer on']
] as const;
export type ContestantName = (typeof CONTESTANTS)[number][0];

/** The issue's goals (section 1 and 5). */
export const GOALS = {
	/** The atlas's first map on screen no later than ECharts's map. */
	firstMapVsEcharts: 1,
	/** Plan layers on screen within 1.3× of the plain MapLibre + deck.gl page's ready. */
	planVsMaplibreDeck: 1.3,
	/** Pan frame p50 with the default layers no worse than the plain page's. */
	panDefaultVsMaplibreDeck: 1,
	/** Pan frame p50 with every layer on within 2× of the plain page's. */
	panAllVsMaplibreDeck: 2,
	/** First-view transfer, the SVG first map included, in KB gzip. */
	firstViewKbGzip: 650
} as const;

export interface Row {
	name: string;
	label: string;
	/** ms from navigation until a map is on screen: the page's ready, or for the atlas its prerendered SVG painted. */
	mapOnScreen: number | null;
	/** ms until the live (interactive) map is ready. */
	liveReady: number | null;
	/** ms until the atlas's plan layers are drawn (null for pages without plan layers). */
	planOnScreen: number | null;
	panP50: number | null;
	panP95: number | null;
	/**
	 * The pan and zoom's wall time over the frames drawn in it (median over samples): a slow page draws few frames, and
	 * a p50 of a handful of frames can land on a short one between long ones, so the goals read both.
	 */
	panMean: number | null;
	/** gzip bytes received by the first view: the page's ready (the atlas: its live base map drawn). */
	firstViewGz: number | null;
	/** gzip bytes received by the atlas's plan layers drawn (the harness counts the atlas's bytes then). */
	planGz: number | null;
	/** Why a contestant has no figures (it failed or was not run). */
	missing?: string;
}

export interface Ratio {
	what: string;
	value: number | null;
	/** For frames: the same ratio of mean frame intervals (the goal needs both). */
	also?: number | null;
	goal: string;
	met: boolean | null;
}

const med = (s: Span | null | undefined) => s?.median ?? null;
function median(xs: number[]): number | null {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return !s.length ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const div = (a: number | null, b: number | null) => (a != null && b != null && b > 0 ? a / b : null);

/** What the bench measures of the atlas's first view itself (medians), where the harness has no figure. */
export interface OwnFigures {
	/** ms until the prerendered first map is on screen (the harness knows only when the live map is ready). */
	firstMap: number | null;
	/** gzip bytes received by `ready` (the harness counts the atlas's bytes only once the plan layers are drawn). */
	firstViewGz: number | null;
}

/** One row per contestant; without the bench's own figures, the atlas's map on screen is its live map's ready. */
export function peerRows(result: PeerResult, own: OwnFigures = { firstMap: null, firstViewGz: null }): Row[] {
	return CONTESTANTS.map(([name, label]) => {
		const c = result.contestants[name];
		if (!c) return empty(name, label, 'not run');
		const s = c.summary;
		if (!s.ok) return empty(name, label, (s.failures ?? []).join('; ') || 'failed');
		const atlas = name === 'atlas' || name === 'atlas-all';
		const liveReady = med(s.readyMs);
		return {
			name,
			label,
			mapOnScreen: name === 'atlas' && own.firstMap != null ? own.firstMap : liveReady,
			liveReady,
			planOnScreen: atlas ? med(s.planReadyMs) : null,
			panP50: med(s.frameP50),
			panP95: med(s.frameP95),
			panMean: median(
				(c.samples ?? []).flatMap((x) => (x.ok && x.pan && x.pan.frames > 0 ? [x.pan.wallMs / x.pan.frames] : []))
			),
			firstViewGz: atlas ? (name === 'atlas' ? own.firstViewGz : null) : med(s.gzBytes),
			planGz: atlas ? med(s.gzBytes) : null
		};
	});
}

function empty(name: string, label: string, missing: string): Row {
	const none = {
		mapOnScreen: null,
		liveReady: null,
		planOnScreen: null,
		panP50: null,
		panP95: null,
		panMean: null,
		firstViewGz: null,
		planGz: null
	};
	return { name, label, ...none, missing };
}

/** The ratios the issue's goals name, each with its goal and whether this run meets it (null: no figure). */
export function goalRatios(rows: Row[]): Ratio[] {
	const by = (n: ContestantName) => rows.find((r) => r.name === n);
	const [echarts, deck, atlas, all] = [by('echarts'), by('maplibre-deck'), by('atlas'), by('atlas-all')];
	const ratio = (what: string, value: number | null, limit: number, also?: number | null): Ratio => ({
		what,
		value,
		...(also !== undefined ? { also } : {}),
		goal: `≤ ${limit}×`,
		met: value == null ? null : value <= limit && (also == null || also <= limit)
	});
	const kb = atlas?.firstViewGz != null ? atlas.firstViewGz / 1024 : null;
	return [
		ratio(
			'atlas first map on screen / ECharts map on screen',
			div(atlas?.mapOnScreen ?? null, echarts?.mapOnScreen ?? null),
			GOALS.firstMapVsEcharts
		),
		ratio(
			'atlas plan layers on screen / MapLibre + deck.gl ready',
			div(atlas?.planOnScreen ?? null, deck?.liveReady ?? null),
			GOALS.planVsMaplibreDeck
		),
		ratio(
			'atlas pan p50, default layers / MapLibre + deck.gl pan p50',
			div(atlas?.panP50 ?? null, deck?.panP50 ?? null),
			GOALS.panDefaultVsMaplibreDeck,
			div(atlas?.panMean ?? null, deck?.panMean ?? null)
		),
		ratio(
			'atlas pan p50, every layer on / MapLibre + deck.gl pan p50',
			div(all?.panP50 ?? null, deck?.panP50 ?? null),
			GOALS.panAllVsMaplibreDeck,
			div(all?.panMean ?? null, deck?.panMean ?? null)
		),
		{
			what: 'atlas first-view transfer (gzip, SVG included), KB',
			value: kb,
			goal: `≤ ${GOALS.firstViewKbGzip} KB`,
			met: kb == null ? null : kb <= GOALS.firstViewKbGzip
		}
	];
}

const s = (ms: number | null) => (ms == null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const ms = (x: number | null) => (x == null ? '—' : `${Math.round(x)} ms`);
const kb = (b: number | null) => (b == null ? '—' : `${Math.round(b / 1024)} KB`);

/** The table as Markdown (what the bench prints and the README carries). */
export function peerTable(rows: Row[]): string {
	const head = [
		'',
		'map on screen',
		'live map ready',
		'plan layers on screen',
		'pan frame p50',
		'pan frame p95',
		'pan mean frame',
		'first view (gzip)',
		'by plan layers drawn (gzip)'
	];
	const body = rows.map((r) =>
		r.missing
			? [r.label, `no figures: ${r.missing}`, ...head.slice(2).map(() => '')]
			: [
					r.label,
					s(r.mapOnScreen),
					s(r.liveReady),
					s(r.planOnScreen),
					ms(r.panP50),
					ms(r.panP95),
					ms(r.panMean),
					kb(r.firstViewGz),
					kb(r.planGz)
				]
	);
	return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The goals as Markdown list lines: figure, goal, met or not. */
export function goalLines(ratios: Ratio[]): string[] {
	return ratios.map((r) => {
		const value =
			r.value == null ? 'n/a' : r.goal.endsWith('KB') ? `${Math.round(r.value)} KB` : `${r.value.toFixed(2)}×`;
		const verdict = r.met == null ? 'no figure' : r.met ? 'met' : 'NOT met';
		const also = r.also === undefined ? '' : `; mean frame ${r.also == null ? 'n/a' : `${r.also.toFixed(2)}×`}`;
		return `- ${r.what}: ${value}${also} (goal ${r.goal}): ${verdict}`;
	});
}
