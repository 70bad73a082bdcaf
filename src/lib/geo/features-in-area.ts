/**
 * "Everything planned here": the plan features that lie in, cross, overlap or contain a clicked area (county,
 * prefecture, Aba sub-region, economic region …), and a per-kind summary for the side panel. Pure functions, no DOM.
 */
import { area as areaM2, bbox, bboxClip, booleanPointInPolygon, earthRadius } from '@turf/turf';
import type { BBox, Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Figure, PlanProperties } from '$lib/data/plan-schema';
import { placementUnit, type Certainty } from './seat-placement';

export type PlanFeature = Feature<Geometry, PlanProperties>;
export type AreaFeature = Feature<Polygon | MultiPolygon>;
/** inside: wholly in the area · intersects: crosses / overlaps it · contains: the area lies within the feature ·
 * same-county: a point matched by its county / prefecture code rather than by where its marker sits. */
export type Relation = 'inside' | 'intersects' | 'contains' | 'same-county';
export interface AreaHit {
	feature: PlanFeature;
	relation: Relation;
	/** certain: wherever the feature may be, it is in the area; possible: only part of where it may be is (a point
	 * standing in at a seat for a county or prefecture that the area covers in part). Absent means certain. */
	certainty?: Certainty;
}
export interface FeaturesInAreaOptions {
	/** GB/T 2260 code of the clicked county or prefecture (ends in "00"); enables matching points by code. */
	areaCode?: string;
	/** Ids never listed (the clicked feature itself). */
	excludeIds?: string[];
	/** The county / prefecture polygon a seat-placed point stands for (see ./placement.ts `possibleAreas`): with it,
	 * such a point is judged by the whole of that polygon, and hits carry their certainty. */
	possibleArea?: (f: PlanFeature) => AreaFeature | undefined;
}

/** Overlap share (of the smaller of the two areas) below which two areas only "touch" (shared border, sliver). */
export const SLIVER_RATIO = 0.01;
/** Share of an area that must lie in the other for "inside" / "contains" (absorbs rounding of shared borders). */
export const COVER_RATIO = 0.97;
/** Scanlines across the common bbox when measuring the overlap of two areas. */
const ROWS = 128;
const RAD = Math.PI / 180;

/** Per-object memo (features and rings are immutable once loaded). */
const memo = <K extends object, T>(make: (key: K) => T) => {
	const cache = new WeakMap<K, T>();
	return (key: K): T => {
		if (!cache.has(key)) cache.set(key, make(key));
		return cache.get(key)!;
	};
};
const bboxOf = memo((f: Feature) => bbox(f));
const areaOf = memo((f: Feature) => areaM2(f));
const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const ringsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** Runs of CHUNK edges of a ring, with their bboxes (cached per ring). */
const CHUNK = 32;
const chunksOf = memo((ring: Position[]) =>
	Array.from({ length: Math.ceil((ring.length - 1) / CHUNK) }, (_, c) => {
		const [from, to] = [c * CHUNK, Math.min((c + 1) * CHUNK, ring.length - 1)];
		return { box: bbox({ type: 'LineString', coordinates: ring.slice(from, to + 1) }), from, to };
	})
);

/** Sorted x of every crossing of the rings with the lines y = y0 + (i + ½)·dy, i < ROWS (even–odd, so holes and
 * parts just work). A run of edges beside `win` is replaced by its chord: same parity, crossings still outside. */
function crossings(rings: Position[][], win: BBox, dy: number): number[][] {
	const [y0, yEnd] = [win[1], win[3]];
	const rows: number[][] = Array.from({ length: ROWS }, () => []);
	const edge = ([x1, y1]: Position, [x2, y2]: Position) => {
		if (y1 === y2) return;
		const lo = Math.max(0, Math.floor((Math.min(y1, y2) - y0) / dy - 0.5));
		const hi = Math.min(ROWS - 1, Math.ceil((Math.max(y1, y2) - y0) / dy - 0.5));
		for (let i = lo; i <= hi; i++) {
			const y = y0 + (i + 0.5) * dy;
			if (y1 <= y !== y2 <= y) rows[i].push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
		}
	};
	for (const ring of rings) {
		for (const { box, from, to } of chunksOf(ring)) {
			if (box[1] > yEnd || box[3] < y0) continue;
			if (box[0] > win[2] || box[2] < win[0]) edge(ring[from], ring[to]);
			else for (let k = from + 1; k <= to; k++) edge(ring[k - 1], ring[k]);
		}
	}
	for (const xs of rows) if (xs.length > 1) xs.sort((a, b) => a - b);
	return rows;
}

/** Length shared by two interval lists [x0,x1], [x2,x3] … */
function sharedLength(a: number[], b: number[]): number {
	let len = 0;
	for (let i = 0, j = 0; i + 1 < a.length && j + 1 < b.length;) {
		len += Math.max(0, Math.min(a[i + 1], b[j + 1]) - Math.max(a[i], b[j]));
		if (a[i + 1] < b[j + 1]) i += 2;
		else j += 2;
	}
	return len;
}

/** Area (m², on the sphere turf uses) common to two areas, integrated along scanlines over their common bbox. */
export function overlapArea(a: AreaFeature, b: AreaFeature): number {
	const [ba, bb] = [bboxOf(a), bboxOf(b)];
	const win: BBox = [Math.max(ba[0], bb[0]), Math.max(ba[1], bb[1]), Math.min(ba[2], bb[2]), Math.min(ba[3], bb[3])];
	const [y0, dy] = [win[1], (win[3] - win[1]) / ROWS];
	if (!(dy > 0) || !(win[2] > win[0])) return 0;
	const [ca, cb] = [crossings(ringsOf(a.geometry), win, dy), crossings(ringsOf(b.geometry), win, dy)];
	let sum = 0;
	for (let i = 0; i < ROWS; i++) sum += sharedLength(ca[i], cb[i]) * Math.cos((y0 + (i + 0.5) * dy) * RAD);
	return sum * dy * RAD * RAD * earthRadius * earthRadius;
}

/** Points are matched by geometry, and (given a county / prefecture areaCode) by their own codes. A point placed at
 * a county / prefecture seat stands for that unit, so then its code alone decides, wherever its marker falls. */
function pointRelation(coords: Position[], p: PlanProperties, area: AreaFeature, areaCode = ''): Relation | null {
	const coded = /^\d{6}$/.test(areaCode) && !areaCode.endsWith('0000'); // a county or prefecture, not the province
	const prefecture = p.prefecture_code ?? (p.county_code && `${p.county_code.slice(0, 4)}00`);
	const byCode = coded && (areaCode.endsWith('00') ? prefecture === areaCode : p.county_code === areaCode);
	const { precision } = p.location;
	const seat = (precision === 'county' && p.county_code) || (precision === 'prefecture' && p.prefecture_code);
	if (coded && seat) return byCode ? 'same-county' : null;
	const b = bboxOf(area);
	const inside = coords.some(
		([x, y]) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon([x, y], area)
	);
	return inside ? 'inside' : byCode ? 'same-county' : null;
}

const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const straddles = (d1: number, d2: number) => (d1 <= 0 && d2 >= 0) || (d1 >= 0 && d2 <= 0);
/** Closed segments pq and ab meet (touching counts). */
function segmentsMeet(p: Position, q: Position, a: Position, b: Position): boolean {
	if (Math.max(p[0], q[0]) < Math.min(a[0], b[0]) || Math.max(a[0], b[0]) < Math.min(p[0], q[0])) return false;
	if (Math.max(p[1], q[1]) < Math.min(a[1], b[1]) || Math.max(a[1], b[1]) < Math.min(p[1], q[1])) return false;
	return straddles(orient(a, b, p), orient(a, b, q)) && straddles(orient(p, q, a), orient(p, q, b));
}

/** A line meets an area if a clipped part starts inside it or one of its segments meets the area's boundary. */
function lineMeets(f: Feature<LineString | MultiLineString>, area: AreaFeature): boolean {
	const g = bboxClip(f, bboxOf(area)).geometry as LineString | MultiLineString;
	const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
	const rings = ringsOf(area.geometry);
	const meetsBoundary = (p: Position, q: Position) =>
		rings.some((ring) => ring.some((a, k) => k > 0 && segmentsMeet(p, q, ring[k - 1], a)));
	return parts.some(
		(part) =>
			part.length > 0 &&
			(booleanPointInPolygon(part[0], area) || part.some((q, k) => k > 0 && meetsBoundary(part[k - 1], q)))
	);
}

function areaRelation(f: AreaFeature, area: AreaFeature): Relation | null {
	const overlap = overlapArea(area, f);
	const [clicked, other] = [areaOf(area), areaOf(f)];
	if (overlap >= COVER_RATIO * other) return 'inside';
	if (overlap >= COVER_RATIO * clicked) return 'contains';
	return overlap > SLIVER_RATIO * Math.min(clicked, other) ? 'intersects' : null;
}

/**
 * A seat-placed point judged by where it may be. Given the clicked unit's code, by codes: the same county or
 * prefecture (or a county of the prefecture clicked) is certain; a prefecture stand-in seen from one of its counties is
 * possible. Otherwise by overlap of its possible area U with the area: U inside → certain, U meeting it → possible.
 */
function possibleRelation(
	f: PlanFeature,
	area: AreaFeature,
	U: AreaFeature,
	areaCode = ''
): Pick<AreaHit, 'relation' | 'certainty'> | null {
	const unit = placementUnit(f)!;
	if (/^\d{6}$/.test(areaCode) && !areaCode.endsWith('0000')) {
		const clickedPrefecture = areaCode.endsWith('00');
		const prefectureOf = (code: string) => `${code.slice(0, 4)}00`;
		if (unit.code === areaCode) return { relation: 'same-county', certainty: 'certain' };
		if (clickedPrefecture && unit.level === 'county' && prefectureOf(unit.code) === areaCode) {
			return { relation: 'same-county', certainty: 'certain' };
		}
		if (!clickedPrefecture && unit.level === 'prefecture' && prefectureOf(areaCode) === unit.code) {
			return { relation: 'same-county', certainty: 'possible' };
		}
		return null;
	}
	const r = areaRelation(U, area);
	if (!r) return null;
	return { relation: 'inside', certainty: r === 'inside' ? 'certain' : 'possible' };
}

/** The plan features in, crossing, overlapping or containing `area` (each at most once). */
export function featuresInArea(
	area: AreaFeature,
	features: PlanFeature[],
	opts: FeaturesInAreaOptions = {}
): AreaHit[] {
	const exclude = new Set(opts.excludeIds ?? []);
	const box = bboxOf(area);
	const hits: AreaHit[] = [];
	// Dozens of stand-ins share one county or prefecture: judge each possible area once per call.
	const judged = new Map<AreaFeature, ReturnType<typeof possibleRelation>>();
	for (const feature of features) {
		const g = feature.geometry;
		if (!g || exclude.has(feature.properties.id)) continue;
		let relation: Relation | null = null;
		const U = opts.possibleArea?.(feature);
		if (U) {
			const key = opts.areaCode ? undefined : U;
			const hit = key && judged.has(key) ? judged.get(key)! : possibleRelation(feature, area, U, opts.areaCode);
			if (key) judged.set(key, hit);
			if (hit) hits.push({ feature, ...hit });
			continue;
		}
		if (g.type === 'Point' || g.type === 'MultiPoint') {
			const coords = g.type === 'Point' ? [g.coordinates] : g.coordinates;
			relation = pointRelation(coords, feature.properties, area, opts.areaCode);
		} else if (!overlaps(box, bboxOf(feature))) {
			continue;
		} else if (g.type === 'LineString' || g.type === 'MultiLineString') {
			relation = lineMeets(feature as Feature<LineString | MultiLineString>, area) ? 'intersects' : null;
		} else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
			relation = areaRelation(feature as AreaFeature, area);
		}
		if (relation) hits.push({ feature, relation, certainty: 'certain' });
	}
	return hits;
}

export interface CapacityFigure {
	/** Feature id, so the panel can cite the figure. */
	id: string;
	metric: string;
	period: string;
	kind: Figure['kind'];
	mw: number;
	source: Figure['source'];
}
export interface SummaryItem extends AreaHit {
	id: string;
	capacity?: CapacityFigure;
}
export interface KindSummary {
	kind: string;
	count: number;
	/** Sum over items certainly and wholly attributed to the area (inside / same-county); omitted when none has a
	 * figure. */
	capacity_mw?: number;
	/** The figures summed into capacity_mw, one per feature. */
	capacity_figures: CapacityFigure[];
	items: SummaryItem[];
}

const CAPACITY_KINDS: Figure['kind'][] = ['capacity', 'planned', 'target'];
const RELATION_ORDER: Relation[] = ['inside', 'same-county', 'intersects', 'contains'];
const latestYear = (period: string) => Math.max(0, ...(period.match(/\d{4}/g) ?? []).map(Number));
const rank = (f: Figure) => CAPACITY_KINDS.indexOf(f.kind) * 1e4 - latestYear(f.period);

/** The one MW figure that stands for a feature's capacity: capacity > planned > target, then the latest period. */
export function capacityFigure(p: PlanProperties): CapacityFigure | undefined {
	const [best] = p.figures
		.filter((f) => f.unit_normalised === 'MW' && f.value_normalised !== undefined && CAPACITY_KINDS.includes(f.kind))
		.sort((a, b) => rank(a) - rank(b));
	if (!best) return undefined;
	const { metric, period, kind, source } = best;
	return { id: p.id, metric, period, kind, mw: best.value_normalised!, source };
}

/** Groups hits by kind: largest groups first (ties by kind id); items by relation, then name. */
export function summariseByKind(hits: AreaHit[]): KindSummary[] {
	const groups = new Map<string, KindSummary>();
	for (const hit of hits) {
		const p = hit.feature.properties;
		let group = groups.get(p.kind);
		if (!group) groups.set(p.kind, (group = { kind: p.kind, count: 0, capacity_figures: [], items: [] }));
		const capacity = capacityFigure(p);
		group.items.push({ ...hit, id: p.id, ...(capacity && { capacity }) });
		group.count++;
		if (capacity && hit.certainty !== 'possible' && (hit.relation === 'inside' || hit.relation === 'same-county')) {
			group.capacity_figures.push(capacity);
			group.capacity_mw = (group.capacity_mw ?? 0) + capacity.mw;
		}
	}
	const collator = new Intl.Collator('zh');
	for (const g of groups.values()) {
		g.items.sort(
			(a, b) =>
				Number(a.certainty === 'possible') - Number(b.certainty === 'possible') ||
				RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
				collator.compare(a.feature.properties.name_zh, b.feature.properties.name_zh)
		);
	}
	return [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
