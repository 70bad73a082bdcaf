/**
 * The atlas as an SVG string: view + data + style → SVG, with no browser dependency. It draws what the live map draws
 * (the base map, the visible plan layers, seat stacks, labels) from the same data and palette, for the prerendered
 * first view, the map without WebGL, and vector exports. Groups are named (`<g id="layer-…">`), plan features carry
 * their ids (`data-id`), places their codes (`data-code`), and labels are real text.
 *
 * Strokes and point marks keep their screen size when the SVG is scaled (`vector-effect: non-scaling-stroke`; points
 * are zero-length round-capped strokes), so a drawing made for one screen frames the same ground on another.
 */
import { geoClipRectangle, geoPath, type GeoPermissibleObjects, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
import { mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlanMapFeature } from '$lib/data/plan-data';
import { theme } from '$lib/style/theme';
import { KIND_FAMILIES, kindColour } from '$lib/style/plan-palette';
import {
	COUNTY_LABEL_MINZOOM,
	NEIGHBOUR_LABEL_MAXZOOM,
	RIVER_LABEL_MINZOOM,
	RIVER_MORE_LABELS_MINZOOM,
	type Lang
} from '$lib/style/labels';
import { PARTITION_KINDS } from '$lib/style/plan-style';
import type { MapProps } from '$lib/atlas/plan/map-features';
import type { SeatStack } from '$lib/atlas/stacks/seat-stacks';
import type { EnclaveLink } from '$lib/atlas/plan/enclave-links';
import { project, projectionFor, type SvgView } from './web-mercator';
import { escapeXml, fmt, NON_SCALING } from './xml';
import { userLayersSvg, userRegionsSvg, userTilesSvg, type ClippedPath, type SvgUserLayer } from './render-user';
import { queryOverlaySvg, regionFillSvg, type SvgQueryOverlay, type SvgRegionFill } from './render-overlays';

/** Local fonts only (the atlas loads no web font): Noto/Source Han where installed, the system's CJK face otherwise. */
export const SVG_FONT_FAMILY =
	"'Noto Sans SC','Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

export interface SvgBase {
	topology: Topology;
	neighbours: FeatureCollection;
	province: FeatureCollection;
	prefectures: FeatureCollection;
	counties: FeatureCollection;
	prefectureSeats: FeatureCollection;
	countySeats: FeatureCollection;
	rivers: FeatureCollection;
	/** Label points of named rivers (riverLabelPoints), computed once by the caller. */
	riverLabels: FeatureCollection<Point>;
	/** Faint unnamed rivers, when loaded. */
	minorRivers?: FeatureCollection | null;
}

export interface SvgPlan {
	/** Areas and lines (points are drawn from `points` and `stacks`), with their map props. */
	shapes: Feature<Geometry, MapProps>[];
	/** One label point per feature. */
	labels: Feature<Point, MapProps>[];
	/** Ids of the features in visible layers. */
	visible: ReadonlySet<string>;
	/** Ids whose labels may be drawn (stack members are named in their list instead). */
	labelled: ReadonlySet<string>;
	/** Points drawn one by one. */
	points: PlanMapFeature[];
	stacks: SeatStack[];
	powerLines: PlanMapFeature[];
	links: EnclaveLink[];
	selected: string | null;
	hovered: string | null;
	/** Ids the filters emphasise; null: no filter. */
	matching: ReadonlySet<string> | null;
	/** The visible layers, in order: each feature is drawn in the group of the first of them it belongs to. */
	layers: readonly string[];
	/** Layer of each plan feature (its ids' layers). */
	layersOf: (id: string) => readonly string[];
}

export interface SvgMapInput {
	view: SvgView;
	lang: Lang;
	base: SvgBase;
	plan?: SvgPlan | null;
	/** Users' own layers (render-user.ts), in their order: regions beneath the county lines, shapes and points above
	 * the plan's marks and beneath the labels. */
	user?: readonly SvgUserLayer[] | null;
	/** The industry lens's shading (render-overlays.ts), beneath the county lines. */
	lens?: SvgRegionFill | null;
	/** The current spatial answer (render-overlays.ts), over everything else. */
	query?: SvgQueryOverlay | null;
	/** The county or prefecture whose panel is open (outlined). */
	highlight?: { type: 'county' | 'prefecture'; code: string } | null;
	/** Draw labels (default true). */
	labels?: boolean;
	/** Paint the paper background (default true). */
	background?: boolean;
	/** Geometry beyond the view by this many px is clipped away (default 64). */
	margin?: number;
	/**
	 * The part of the drawing the SVG frames, when not all of it ([x, y, width, height] in px of the view); the SVG then
	 * scales to its box (`preserveAspectRatio` meet) and what lies beyond the frame still shows when it overflows.
	 */
	frame?: [number, number, number, number];
	/** Vertices closer than this many px to the previous one are dropped (default 0.6). */
	tolerance?: number;
	/** Prefix of element ids, unique per SVG in one document (default "map"). */
	idPrefix?: string;
	/** Decimals of path coordinates (default 1). */
	digits?: number;
	/** Draw counties as invisible click targets (default true; a static picture does not need them). */
	hitAreas?: boolean;
	/** Extra attributes of the root element (e.g. a class). */
	attributes?: Record<string, string>;
}

/**
 * A d3-geo path context writing short SVG path data: coordinates rounded to `digits` decimals, every step relative to
 * the one before (small numbers, which compress well), repeated points skipped. Rounding is of absolute positions, so
 * relative steps never drift.
 */
export class CompactPath {
	private parts: string[] = [];
	private x = 0;
	private y = 0;
	private readonly k: number;
	constructor(digits: number) {
		this.k = 10 ** digits;
	}
	private round(v: number) {
		return Math.round(v * this.k);
	}
	private num(v: number) {
		return String(v / this.k);
	}
	moveTo(x: number, y: number) {
		const [rx, ry] = [this.round(x), this.round(y)];
		this.parts.push(`M${this.num(rx)} ${this.num(ry)}`);
		[this.x, this.y] = [rx, ry];
	}
	lineTo(x: number, y: number) {
		const [rx, ry] = [this.round(x), this.round(y)];
		const dx = rx - this.x;
		const dy = ry - this.y;
		if (!dx && !dy) return;
		this.parts.push(`l${this.num(dx)}${dy < 0 ? '' : ' '}${this.num(dy)}`);
		[this.x, this.y] = [rx, ry];
	}
	closePath() {
		this.parts.push('z');
	}
	arc() {
		// Points are not drawn through paths here.
	}
	beginPath() {
		// One path element per call of `take`.
	}
	/** The path data written since the last call. */
	take(): string {
		const out = this.parts.join('');
		this.parts = [];
		return out;
	}
}

/**
 * A projection whose output drops vertices within `tolerance` px of the last one kept (radial-distance simplification in
 * screen space: what cannot be seen is not written). Rings keep at least four points so they stay closed polygons.
 */
export function screenSimplified(projection: GeoStreamWrapper, tolerance: number): GeoStreamWrapper {
	const t2 = tolerance * tolerance;
	return {
		stream(output: GeoStream): GeoStream {
			let last: [number, number] | null = null;
			let pending: [number, number] | null = null;
			let count = 0;
			const simplifier: GeoStream = {
				point(x, y) {
					if (last && count > 0) {
						const dx = x - last[0];
						const dy = y - last[1];
						if (dx * dx + dy * dy < t2) {
							pending = [x, y];
							return;
						}
					}
					output.point(x, y);
					last = [x, y];
					pending = null;
					count++;
				},
				lineStart() {
					last = pending = null;
					count = 0;
					output.lineStart();
				},
				lineEnd() {
					// The line's (or ring's) own end is always kept.
					if (pending) output.point(pending[0], pending[1]);
					output.lineEnd();
				},
				polygonStart: () => output.polygonStart(),
				polygonEnd: () => output.polygonEnd(),
				sphere: () => output.sphere?.()
			};
			return projection.stream(simplifier);
		}
	};
}

export { escapeXml };

/** A zoom-interpolated value, as MapLibre's ['interpolate', ['linear'], ['zoom'], …]. */
export function byZoom(zoom: number, stops: [number, number][]): number {
	if (zoom <= stops[0][0]) return stops[0][1];
	for (let i = 1; i < stops.length; i++) {
		const [z1, v1] = stops[i];
		const [z0, v0] = stops[i - 1];
		if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
	}
	return stops[stops.length - 1][1];
}

/** Axis-aligned box of a placed label (px). */
interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Width of a label in px: CJK characters are square, Latin ones about 0.58 em. */
export function textWidth(text: string, size: number, letterSpacing = 0): number {
	let w = 0;
	for (const ch of text) w += (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.58) * size + letterSpacing * size;
	return w;
}

/** Greedy label placement: the first label to claim a box keeps it, as MapLibre's collision index does. */
class LabelPlacer {
	private boxes: Box[] = [];
	constructor(
		private readonly width: number,
		private readonly height: number
	) {}
	fits(b: Box, padding: number): boolean {
		if (b.x0 < 0 || b.y0 < 0 || b.x1 > this.width || b.y1 > this.height) return false;
		return !this.boxes.some(
			(o) => b.x0 - padding < o.x1 && b.x1 + padding > o.x0 && b.y0 - padding < o.y1 && b.y1 + padding > o.y0
		);
	}
	claim(b: Box): void {
		this.boxes.push(b);
	}
}

type Anchor = 'center' | 'left' | 'right' | 'top' | 'bottom';

interface LabelSpec {
	text: string;
	at: Position;
	/** Screen px, when known directly (instead of `at`). */
	screen?: [number, number];
	size: number;
	colour: string;
	bold?: boolean;
	anchors: Anchor[];
	/** Offset from the point, in em (MapLibre's text-radial-offset). */
	offset?: number;
	padding?: number;
	letterSpacing?: number;
	id?: string;
	className: string;
}

export function renderMapSvg(input: SvgMapInput): string {
	const { view, base, plan } = input;
	const { width, height, zoom } = view;
	const margin = input.margin ?? 64;
	const mercator = projectionFor(view);
	const clip = geoClipRectangle(-margin, -margin, width + margin, height + margin);
	const projection: GeoStreamWrapper = { stream: (output) => mercator.stream(clip(output)) };
	const context = new CompactPath(input.digits ?? 1);
	const path = geoPath(screenSimplified(projection, input.tolerance ?? 0.6), context);
	const d = (g: GeoPermissibleObjects | null | undefined) => {
		if (!g) return '';
		path(g);
		return context.take();
	};
	const px = (p: Position) => project(view, p);
	const out: string[] = [];
	const group = (id: string, body: string[], attrs = '') =>
		body.length ? `<g id="${id}"${attrs ? ' ' + attrs : ''}>${body.join('')}</g>` : '';

	// --- base map -------------------------------------------------------------------------------------------------
	const baseParts: string[] = [];
	if (input.background !== false)
		baseParts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${theme.paper}"/>`);
	baseParts.push(
		`<path d="${d(base.neighbours)}" fill="${theme.neighbourFill}" stroke="${theme.neighbourLine}" stroke-width="0.8" ${NON_SCALING}/>`
	);
	// The province outline is drawn three times (shadow, fill, edge): written once, used thrice.
	const provinceId = `${input.idPrefix ?? 'map'}-province`;
	const province = `#${provinceId}`;
	baseParts.push(
		`<defs><path id="${provinceId}" d="${d(base.province)}"/></defs>`,
		`<use href="${province}" fill="none" stroke="${theme.provinceHalo}" stroke-width="8" stroke-opacity="0.55" stroke-linejoin="round" transform="translate(2 3)" ${NON_SCALING}/>`,
		`<use href="${province}" fill="${theme.provinceFill}"/>`
	);
	const places = { county: base.counties, prefecture: base.prefectures };
	if (input.lens) baseParts.push(regionFillSvg(input.lens, places, d, 'data-lens=""'));
	if (input.user?.length) baseParts.push(userRegionsSvg(input.user, places, d));
	const counties = base.topology.objects.counties as GeometryCollection | undefined;
	if (counties) {
		baseParts.push(
			`<path d="${d(mesh(base.topology, counties, (a, b) => a !== b))}" fill="none" stroke="${theme.countyLine}" stroke-width="${fmt(
				byZoom(zoom, [
					[5, 0.4],
					[9, 1]
				])
			)}" ${NON_SCALING}/>`
		);
	}
	// Counties as invisible hit areas: a click on the map picks a county (or, at province zoom, its prefecture).
	if (input.hitAreas !== false)
		baseParts.push(
			`<g id="layer-counties" fill="transparent">${base.counties.features
				.map((f) => {
					const p = d(f as Feature);
					return p ? `<path data-code="${escapeXml(String(f.properties?.code ?? ''))}" d="${p}"/>` : '';
				})
				.join('')}</g>`
		);
	out.push(group('layer-base', baseParts));

	const water: string[] = [];
	if (base.minorRivers?.features.length) {
		water.push(
			`<path d="${d(base.minorRivers)}" fill="none" stroke="${theme.waterMinor}" stroke-width="${fmt(
				byZoom(zoom, [
					[5, 0.3],
					[9, 0.9]
				])
			)}" stroke-linecap="round" stroke-linejoin="round" ${NON_SCALING}/>`
		);
	}
	for (const rank of [3, 2, 1]) {
		const rivers = base.rivers.features.filter((f) => Math.min(3, Number(f.properties?.rank ?? 3)) === rank);
		if (!rivers.length) continue;
		const w = byZoom(zoom, [
			[5, rank === 1 ? 1.6 : rank === 2 ? 1.1 : 0.8],
			[9, rank === 1 ? 3.2 : rank === 2 ? 2.2 : 1.6]
		]);
		water.push(
			`<path d="${d({ type: 'FeatureCollection', features: rivers } as FeatureCollection)}" fill="none" stroke="${theme.water}" stroke-width="${fmt(w)}" stroke-linecap="round" stroke-linejoin="round" ${NON_SCALING}/>`
		);
	}
	out.push(group('layer-rivers', water));

	const lines: string[] = [];
	const prefectures = base.topology.objects.prefectures as GeometryCollection | undefined;
	if (prefectures) {
		const w = byZoom(zoom, [
			[5, 0.8],
			[9, 1.6]
		]);
		lines.push(
			`<path d="${d(mesh(base.topology, prefectures, (a, b) => a !== b))}" fill="none" stroke="${theme.prefectureLine}" stroke-width="${fmt(w)}" stroke-dasharray="${fmt(4 * w)} ${fmt(1.5 * w)}" stroke-linejoin="round" ${NON_SCALING}/>`
		);
	}
	if (input.highlight) {
		const fc = input.highlight.type === 'county' ? base.counties : base.prefectures;
		const f = fc.features.find((x) => x.properties?.code === input.highlight!.code);
		if (f)
			lines.push(
				`<path class="place-highlight" d="${d(f)}" fill="none" stroke="${theme.accent}" stroke-width="2.6" stroke-linejoin="round" ${NON_SCALING}/>`
			);
	}
	lines.push(
		`<use href="${province}" fill="none" stroke="${theme.provinceLine}" stroke-width="${fmt(
			byZoom(zoom, [
				[5, 1.4],
				[9, 2.6]
			])
		)}" stroke-linejoin="round" ${NON_SCALING}/>`
	);
	out.push(group('layer-boundaries', lines));

	// Prefecture seats: small rings under their names (drawn with the labels' layer on the live map, below the plan).
	const seatR = byZoom(zoom, [
		[5, 2.6],
		[9, 4]
	]);
	const seatMarks = base.prefectureSeats.features.map((f) => {
		const [x, y] = px((f.geometry as Point).coordinates);
		return `<path d="M${fmt(x)} ${fmt(y)}h0" stroke="${theme.ink}" stroke-width="${fmt(2 * seatR + 1.3)}" stroke-linecap="round" ${NON_SCALING}/><path d="M${fmt(x)} ${fmt(y)}h0" stroke="${theme.provinceFill}" stroke-width="${fmt(2 * seatR - 1.3)}" stroke-linecap="round" ${NON_SCALING}/>`;
	});

	// --- plan layers ----------------------------------------------------------------------------------------------
	// The reader's PMTiles archives beneath the plan (on the live map they sit under the labels).
	if (input.user?.some((l) => l.kind === 'tiles')) {
		const tolerance = input.tolerance ?? 0.6;
		const clipped: ClippedPath = (r) => {
			const clipTile = geoClipRectangle(r[0], r[1], r[2], r[3]);
			const tilePath = geoPath(screenSimplified({ stream: (o) => mercator.stream(clipTile(o)) }, tolerance), context);
			return (g) => {
				tilePath(g);
				return context.take();
			};
		};
		out.push(userTilesSvg(input.user, view, clipped));
	}
	if (plan) out.push(renderPlan(plan, d, px, view));
	if (input.user?.length) out.push(userLayersSvg(input.user, view, d));

	// --- labels ---------------------------------------------------------------------------------------------------
	out.push(group('layer-prefecture-seats', seatMarks));
	if (input.labels !== false) out.push(renderLabels(input, px, (f) => path.centroid(f)));
	// The spatial answer on top, as the live map adds its layers last.
	if (input.query) out.push(queryOverlaySvg(input.query, d, px));

	const attrs = Object.entries(input.attributes ?? {})
		.map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
		.join('');
	const box = input.frame
		? `viewBox="${input.frame.map(fmt).join(' ')}" preserveAspectRatio="xMidYMid meet"`
		: `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" ${box}` +
		` font-family="${escapeXml(SVG_FONT_FAMILY)}"${attrs}>${out.join('')}</svg>`
	);
}

const DIM = 0.18;

function renderPlan(
	plan: SvgPlan,
	d: (g: GeoPermissibleObjects) => string,
	px: (p: Position) => [number, number],
	view: SvgView
): string {
	const { selected, hovered, matching } = plan;
	const dimmed = (id: string) => !!matching && !matching.has(id);
	const layerOf = (id: string) => plan.layersOf(id).find((l) => plan.layers.includes(l)) ?? 'plan';
	/** Features grouped by their first visible layer, in layer order: `<g id="layer-…-areas">`. */
	const byLayer = (suffix: string, items: { id: string; svg: string }[]) => {
		const groups = new Map<string, string[]>();
		for (const { id, svg } of items) {
			if (!svg) continue;
			const l = layerOf(id);
			groups.set(l, [...(groups.get(l) ?? []), svg]);
		}
		return [...groups]
			.map(([l, parts]) => `<g id="layer-${escapeXml(l)}-${suffix}" data-layer="${escapeXml(l)}">${parts.join('')}</g>`)
			.join('');
	};
	const visible = plan.shapes.filter((f) => plan.visible.has(f.properties.id));
	const areas = visible.filter((f) => f.properties.placement === 'area');
	const shapeLines = visible.filter((f) => f.properties.placement === 'line');
	const partitions = new Set<string>(PARTITION_KINDS);

	const areaSvg = areas.map((f) => {
		const p = f.properties;
		const isSel = p.id === selected;
		const isHov = p.id === hovered;
		const fillOpacity = isSel
			? 0.32
			: isHov
				? 0.24
				: dimmed(p.id)
					? 0.03
					: partitions.has(p.kind)
						? p.kind === 'economic_region'
							? 0.1
							: 0.17
						: 0.06;
		const lineW = isSel ? 3 : isHov ? 2.6 : partitions.has(p.kind) ? 1.4 : 1.3;
		const lineOpacity = dimmed(p.id) ? 0.25 : partitions.has(p.kind) ? 0.9 : 0.85;
		const dash = partitions.has(p.kind) ? '' : ` stroke-dasharray="${fmt(3 * lineW)} ${fmt(2 * lineW)}"`;
		const path = d(f);
		return {
			id: p.id,
			svg: path
				? `<path data-id="${escapeXml(p.id)}" data-area="" d="${path}" fill="${p.fill}" fill-opacity="${fillOpacity}" stroke="${p.fill}" stroke-opacity="${lineOpacity}" stroke-width="${lineW}"${dash} stroke-linejoin="round" ${NON_SCALING}/>`
				: ''
		};
	});

	const lineWidth: Record<string, number> = {
		axis: 4,
		belt: 3,
		hydro_base: 3,
		corridor: 1.6,
		railway: 1.8,
		pipeline: 1.4
	};
	const lineSvg = shapeLines.map((f) => {
		const p = f.properties;
		const path = d(f);
		if (!path) return { id: p.id, svg: '' };
		const base = lineWidth[p.kind] ?? 1.4;
		const emph = p.id === selected ? 1.6 : p.id === hovered ? 1.4 : 1;
		const colour = p.id === selected || p.id === hovered ? theme.accent : p.colour;
		const op = dimmed(p.id) ? 0.2 : 0.9;
		return {
			id: p.id,
			svg:
				`<g data-id="${escapeXml(p.id)}" fill="none" stroke-linecap="round" stroke-linejoin="round">` +
				`<path d="${path}" stroke="${theme.halo}" stroke-opacity="${dimmed(p.id) ? 0.2 : 0.85}" stroke-width="${fmt(3 + base)}" ${NON_SCALING}/>` +
				`<path d="${path}" stroke="${colour}" stroke-opacity="${op}" stroke-width="${fmt(base * emph)}" ${NON_SCALING}/></g>`
		};
	});

	const grid = KIND_FAMILIES.grid.colour;
	const powerSvg = plan.powerLines.map((f) => {
		const id = f.properties.id;
		const path = d(f as Feature);
		return {
			id,
			svg: path
				? `<path data-id="${escapeXml(id)}" d="${path}" fill="none" stroke="${id === selected ? theme.accent : grid}" stroke-opacity="${dimmed(id) ? DIM : 0.78}" stroke-width="${id === selected ? 4.5 : 2}" stroke-linecap="round" stroke-linejoin="round" ${NON_SCALING}/>`
				: ''
		};
	});

	const enclave = KIND_FAMILIES.enclave.colour;
	const arcs = plan.links.map((l) => {
		const [x0, y0] = px(l.from);
		const [x1, y1] = px(l.to);
		// A gentle curve to the right of the line from the owner's seat to the park, as the live map's tilted arc.
		const mx = (x0 + x1) / 2 - (y1 - y0) * 0.2;
		const my = (y0 + y1) / 2 + (x1 - x0) * 0.2;
		return `<path data-id="${escapeXml(l.parkId)}" d="M${fmt(x0)} ${fmt(y0)}Q${fmt(mx)} ${fmt(my)} ${fmt(x1)} ${fmt(y1)}" fill="none" stroke="${enclave}" stroke-width="${l.parkId === selected ? 4 : 2.5}" stroke-opacity="0.85" ${NON_SCALING}/>`;
	});

	const major = new Set(['enclave_park', 'zone', 'hydro_station', 'park', 'mine', 'airport']);
	const inView = ([x, y]: [number, number]) => x > -40 && y > -40 && x < view.width + 40 && y < view.height + 40;
	const pointSvg = plan.points.map((f) => {
		const p = f.properties;
		if (f.geometry.type !== 'Point') return { id: p.id, svg: '' };
		const at = px(f.geometry.coordinates);
		if (!inView(at)) return { id: p.id, svg: '' };
		const precise = ['site', 'town'].includes(p.location.precision);
		const r0 = major.has(p.kind) ? 6 : 4.5;
		const r = p.id === selected ? r0 + 4 : p.id === hovered ? r0 + 2 : r0;
		const lw = p.id === selected ? 3 : precise ? 1.2 : 2;
		const colour = kindColour(p.kind);
		const edge = p.id === selected ? theme.accent : precise ? '#ffffff' : colour;
		const fill = precise ? colour : '#ffffff';
		const op = dimmed(p.id) ? DIM : 1;
		const dot = (c: string, diameter: number) =>
			`<path d="M${fmt(at[0])} ${fmt(at[1])}h0" stroke="${c}" stroke-width="${fmt(diameter)}" stroke-linecap="round" ${NON_SCALING}/>`;
		return {
			id: p.id,
			svg: `<g data-id="${escapeXml(p.id)}"${op < 1 ? ` opacity="${op}"` : ''}>${dot(edge, 2 * r + lw)}${dot(fill, Math.max(0, 2 * r - lw))}</g>`
		};
	});

	const filtering = !!matching;
	const stackSvg = plan.stacks.map((s) => {
		const at = px(s.position);
		if (!inView(at)) return '';
		const has = (id: string | null) => !!id && s.members.includes(id);
		const r = Math.min(15, 9 + Math.log2(s.members.length)) + (has(hovered) ? 2 : 0);
		const lw = has(selected) ? 3 : 1.5;
		const ink = has(selected) ? theme.accent : theme.ink;
		const op = filtering && !s.matching ? 0.35 : 1;
		const label = filtering ? `${s.matching}/${s.members.length}` : String(s.members.length);
		const size = label.length > 3 ? 9 : 11;
		return (
			`<g class="seat-stack" data-stack="${escapeXml(s.key)}"${op < 1 ? ` opacity="${op}"` : ''}>` +
			`<path d="M${fmt(at[0])} ${fmt(at[1])}h0" stroke="${ink}" stroke-width="${fmt(2 * r + lw)}" stroke-linecap="round" ${NON_SCALING}/>` +
			`<path d="M${fmt(at[0])} ${fmt(at[1])}h0" stroke="#ffffff" stroke-width="${fmt(2 * r - lw)}" stroke-linecap="round" ${NON_SCALING}/>` +
			`<text x="${fmt(at[0])}" y="${fmt(at[1])}" font-size="${size}" font-weight="600" fill="${ink}" text-anchor="middle" dominant-baseline="central">${label}</text></g>`
		);
	});

	return (
		`<g id="layer-plan">` +
		`<g id="plan-areas">${byLayer('areas', areaSvg)}</g>` +
		`<g id="plan-lines">${byLayer('lines', lineSvg)}${byLayer('power-lines', powerSvg)}</g>` +
		(arcs.length ? `<g id="layer-enclave-links">${arcs.join('')}</g>` : '') +
		`<g id="plan-points">${byLayer('points', pointSvg)}</g>` +
		(stackSvg.length ? `<g id="layer-seat-stacks">${stackSvg.join('')}</g>` : '') +
		`</g>`
	);
}

function renderLabels(
	input: SvgMapInput,
	px: (p: Position) => [number, number],
	centroid: (f: Feature) => [number, number]
): string {
	const { view, lang, base, plan } = input;
	const { zoom } = view;
	const placer = new LabelPlacer(view.width, view.height);
	const name = (props: Record<string, unknown> | null | undefined, zh = 'name_zh', en = 'label_en') => {
		if (!props) return '';
		const v = lang === 'zh' ? props[zh] : (props[en] ?? props.name_en ?? props[zh]);
		return v === null || v === undefined ? '' : String(v);
	};
	const specs: LabelSpec[] = [];
	const prefSize = byZoom(zoom, [
		[5, 12],
		[8, 16]
	]);
	// In MapLibre the top label layer is placed first: prefectures, counties, rivers, neighbours, then plan labels.
	for (const f of base.prefectureSeats.features) {
		specs.push({
			text: name(f.properties, 'label_zh'),
			at: (f.geometry as Point).coordinates,
			size: prefSize,
			colour: theme.ink,
			bold: true,
			anchors: ['top', 'bottom', 'right', 'left'],
			offset: 0.6,
			padding: 2,
			className: 'label-prefecture'
		});
	}
	if (zoom >= COUNTY_LABEL_MINZOOM) {
		const size = byZoom(zoom, [
			[6.4, 10],
			[9, 13]
		]);
		for (const f of base.countySeats.features) {
			specs.push({
				text: name(f.properties, 'label_zh'),
				at: (f.geometry as Point).coordinates,
				size,
				colour: theme.inkSoft,
				anchors: ['center'],
				padding: 3,
				className: 'label-county'
			});
		}
	}
	if (zoom >= RIVER_LABEL_MINZOOM) {
		const rivers = base.riverLabels.features
			.filter((f) => f.properties?.primary || zoom >= RIVER_MORE_LABELS_MINZOOM)
			.sort((a, b) => Number(a.properties?.rank ?? 9) - Number(b.properties?.rank ?? 9));
		for (const f of rivers) {
			const rank = Number(f.properties?.rank ?? 3);
			specs.push({
				text: name(f.properties, 'name_zh', 'name_en'),
				at: f.geometry.coordinates,
				size: byZoom(zoom, [
					[5.5, rank === 1 ? 12 : 11],
					[9, 14]
				]),
				colour: theme.waterLabel,
				anchors: ['left', 'right', 'top', 'bottom'],
				offset: 0.5,
				padding: 4,
				letterSpacing: lang === 'zh' ? 0.25 : 0.04,
				className: 'label-river'
			});
		}
	}
	if (zoom < NEIGHBOUR_LABEL_MAXZOOM) {
		for (const f of base.neighbours.features) {
			// In the middle of the part of the province in view, as MapLibre labels a polygon.
			const screen = centroid(f);
			if (!screen.every(Number.isFinite)) continue;
			const text = name(f.properties);
			specs.push({
				text: lang === 'en' ? text.toUpperCase() : text,
				at: [0, 0],
				screen,
				size: 14,
				colour: theme.neighbourLabel,
				bold: true,
				anchors: ['center'],
				letterSpacing: lang === 'zh' ? 0.6 : 0.15,
				className: 'label-neighbour'
			});
		}
	}
	if (plan) {
		const labels = plan.labels
			.filter((f) => plan.labelled.has(f.properties.id))
			.sort((a, b) => a.properties.rank - b.properties.rank);
		for (const placement of ['area', 'line', 'point'] as const) {
			if (placement === 'point' && zoom < 6) continue;
			for (const f of labels) {
				const p = f.properties;
				if (p.placement !== placement) continue;
				const colour =
					p.id === plan.selected ? theme.accent : plan.matching && !plan.matching.has(p.id) ? theme.inkFaint : p.colour;
				specs.push({
					text: lang === 'zh' ? p.label_zh : p.label_en || p.label_zh,
					at: f.geometry.coordinates,
					size:
						placement === 'area'
							? byZoom(zoom, [
									[5, 11],
									[9, 15]
								])
							: placement === 'line'
								? byZoom(zoom, [
										[5.5, 11],
										[9, 13]
									])
								: byZoom(zoom, [
										[6, 10.5],
										[10, 13]
									]),
					colour,
					bold: placement === 'area',
					anchors: placement === 'point' ? ['left', 'right', 'top', 'bottom'] : ['center'],
					offset: placement === 'point' ? 0.7 : 0,
					padding: placement === 'area' ? 6 : placement === 'line' ? 4 : 2,
					id: p.id,
					className: `label-plan label-plan-${placement}`
				});
			}
		}
	}
	const placed: string[] = [];
	for (const s of specs) {
		if (!s.text) continue;
		const [x, y] = s.screen ?? px(s.at);
		const w = textWidth(s.text, s.size, s.letterSpacing);
		const h = s.size * 1.2;
		const off = (s.offset ?? 0) * s.size;
		for (const anchor of s.anchors) {
			// The box of the label for this anchor (MapLibre's anchor names the side of the text at the point).
			const cx = anchor === 'left' ? x + off + w / 2 : anchor === 'right' ? x - off - w / 2 : x;
			const cy = anchor === 'top' ? y + off + h / 2 : anchor === 'bottom' ? y - off - h / 2 : y;
			const box = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
			if (!placer.fits(box, s.padding ?? 2)) continue;
			placer.claim(box);
			const spacing = s.letterSpacing ? ` letter-spacing="${fmt(s.letterSpacing * s.size)}"` : '';
			placed.push(
				`<text class="${s.className}"${s.id ? ` data-id="${escapeXml(s.id)}"` : ''} x="${fmt(cx)}" y="${fmt(cy)}" font-size="${fmt(s.size)}"${s.bold ? ' font-weight="700"' : ''}${spacing} fill="${s.colour}">${escapeXml(s.text)}</text>`
			);
			break;
		}
	}
	return placed.length
		? `<g id="layer-labels" text-anchor="middle" dominant-baseline="central" stroke="${theme.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${placed.join('')}</g>`
		: '';
}
