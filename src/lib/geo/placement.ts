/**
 * Answers that respect placement: where a plan feature may be, and how sure an answer about it can be. Pure, no DOM.
 *
 * A point the plan places at a county seat stands for "somewhere in that county"; at a prefecture seat, "somewhere in
 * that prefecture". Its *possible area* is that polygon; a site- or town-placed point, a line or an area is its own
 * geometry (lines and areas keep their schematic meaning). A question is then answered for the whole possible area:
 * `certain` when every place the feature may be satisfies it, `possible` when only some do. A distance becomes a
 * range: `kmMin` to the nearest point of the possible area (0 when it meets the question's geometry), `kmMax` to the
 * farthest (see `kmRange` for how that bound is kept correct).
 */
import { area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import { greatCircleKm, segmentKm, shapeOf, shapeToShapeKm, type Shape } from './distance';
import { COVER_RATIO, overlapArea } from './features-in-area';
import { placementUnit, type Certainty } from './seat-placement';

export { placementUnit, SEAT_PRECISIONS, type Certainty } from './seat-placement';

/** Where a feature may be: its own geometry (`exact`), or the county / prefecture it stands in for. */
export interface Where {
	shape: Shape;
	/** true: the feature is one unknown place in `shape` (a seat stand-in); false: it is the whole geometry. */
	uncertain: boolean;
	/** The polygon of an uncertain placement (for overlap tests). */
	area?: Feature<Polygon | MultiPolygon>;
	/** The unit an uncertain placement stands for. */
	unit?: { level: 'county' | 'prefecture'; code: string };
}

type AreaLike = Feature<Polygon | MultiPolygon> | Feature;

/** Builds the lookup of possible areas from the base geography's counties and prefectures (keyed by `code`). */
export function possibleAreas(counties: AreaLike[], prefectures: AreaLike[]) {
	const byCode = (fs: AreaLike[]) =>
		new Map(
			fs
				.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
				.map((f) => [String(f.properties?.code), f as Feature<Polygon | MultiPolygon>])
		);
	const [c, p] = [byCode(counties), byCode(prefectures)];
	/** The polygon a seat-placed feature may be anywhere in, or undefined for an exactly placed one. */
	return (f: PlanFeature): Feature<Polygon | MultiPolygon> | undefined => {
		const unit = placementUnit(f);
		return unit && (unit.level === 'county' ? c : p).get(unit.code);
	};
}

/** Where a feature may be, prepared for distance questions. */
export function whereOf(
	f: PlanFeature,
	areaOf: (f: PlanFeature) => Feature<Polygon | MultiPolygon> | undefined
): Where {
	const area = areaOf(f);
	if (area) return { shape: shapeOf(area.geometry), uncertain: true, area, unit: placementUnit(f) };
	return { shape: shapeOf(f.geometry), uncertain: false };
}

/** Every vertex of a shape (points, line vertices, ring corners). */
const vertices = (s: Shape): Position[] => s.parts.flat();

/** The corners of a shape's convex hull (Andrew's monotone chain, in longitude/latitude). A convex function — the
 * distance to a point or to a segment — is greatest over a shape at one of these, so they stand for all vertices when
 * bounding kmMax (a county's few dozen instead of its hundreds). Cached per shape. */
const hulls = new WeakMap<Shape, Position[]>();
export function hullOf(s: Shape): Position[] {
	let hull = hulls.get(s);
	if (hull) return hull;
	const pts = [...vertices(s)].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
	const cross = (o: Position, a: Position, b: Position) =>
		(a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
	const half = (list: Position[]) => {
		const out: Position[] = [];
		for (const p of list) {
			while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
			out.push(p);
		}
		out.pop();
		return out;
	};
	hull = pts.length < 3 ? pts : [...half(pts), ...half([...pts].reverse())];
	if (!hull.length) hull = pts;
	hulls.set(s, hull);
	return hull;
}

/** Segments of a line or of an area's rings (a point is a zero-length segment). */
function segments(s: Shape): [Position, Position][] {
	if (s.type === 'point') return s.parts[0].map((p) => [p, p]);
	return s.parts.flatMap((part): [Position, Position][] =>
		part.length === 1 ? [[part[0], part[0]]] : part.slice(1).map((q, k): [Position, Position] => [part[k], q])
	);
}

/** Whether the possible area lies (all but rounding along shared borders) in an exact area: the same overlap rule
 * as "planned here" (COVER_RATIO of it inside). */
function areaWithin(u: Where, e: Where): boolean {
	if (!u.area || !e.shape.area) return false;
	const [a, b] = [u.shape.bbox, e.shape.bbox];
	if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) return false;
	const outer = featureOf(e);
	return overlapArea(u.area, outer) >= COVER_RATIO * areaKm2(u.area);
}
const features = new WeakMap<Where, Feature<Polygon | MultiPolygon>>();
const featureOf = (w: Where) => {
	if (!features.has(w)) features.set(w, { type: 'Feature', properties: {}, geometry: w.shape.area! });
	return features.get(w)!;
};
const areas = new WeakMap<Feature, number>();
const areaKm2 = (f: Feature<Polygon | MultiPolygon>) => {
	if (!areas.has(f)) areas.set(f, turfArea(f));
	return areas.get(f)!;
};

/**
 * The range of distances between two things, each either exact (the whole geometry: distance to it is to its nearest
 * point) or uncertain (one unknown point of its possible area).
 *
 * - kmMin: the distance between the two shapes (0 when they meet) — the best case.
 * - kmMax: the worst case. Uncertain vs uncertain or vs an exact point: the farthest pair of vertices (distance is
 *   convex, so its maximum over polygons is at corners). Uncertain vs an exact line or area: for every segment s of
 *   the line (or boundary), the farthest vertex of the possible area from s bounds the distance from anywhere in the
 *   possible area to s, so the least of these over s is an upper bound that never calls a possible answer certain;
 *   0 when the possible area lies wholly in the exact area.
 * Two exact things: kmMin = kmMax.
 */
const ranges = new WeakMap<Where, WeakMap<Where, { kmMin: number; kmMax: number }>>();

export function kmRange(a: Where, b: Where): { kmMin: number; kmMax: number } {
	// Many features stand in at one seat and share its Where: measure each pair of places once.
	let row = ranges.get(a);
	if (!row) ranges.set(a, (row = new WeakMap()));
	let r = row.get(b);
	if (!r) row.set(b, (r = measureRange(a, b)));
	return r;
}

function measureRange(a: Where, b: Where): { kmMin: number; kmMax: number } {
	const kmMin = shapeToShapeKm(a.shape, b.shape);
	if (!a.uncertain && !b.uncertain) return { kmMin, kmMax: kmMin };
	const [u, e] = a.uncertain ? [a, b] : [b, a];
	let kmMax: number;
	if (e.uncertain || e.shape.type === 'point') {
		kmMax = 0;
		for (const p of hullOf(e.shape)) for (const v of hullOf(u.shape)) kmMax = Math.max(kmMax, greatCircleKm(p, v));
	} else if (areaWithin(u, e)) {
		kmMax = 0;
	} else {
		const corners = hullOf(u.shape);
		kmMax = Infinity;
		for (const seg of segments(e.shape)) {
			let worst = 0;
			for (const v of corners) {
				worst = Math.max(worst, segmentKm(v, seg));
				if (worst >= kmMax) break;
			}
			kmMax = Math.min(kmMax, worst);
		}
	}
	return { kmMin, kmMax: Math.max(kmMin, kmMax) };
}

/** "Within km": certain when even the farthest possible place is within it, possible when only the nearest is. */
export function withinCertainty(range: { kmMin: number; kmMax: number }, km: number): Certainty | null {
	if (range.kmMax <= km) return 'certain';
	return range.kmMin <= km ? 'possible' : null;
}
