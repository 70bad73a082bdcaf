/**
 * The spatial questions behind "what is here", "near" and "inside": one index built once from the plan features and
 * the base geography (counties, prefectures), and pure functions answering with plain data. No DOM.
 *
 * A flatbush R-tree per feature kind holds the bboxes of that kind's features (so "the nearest PV base" is a query on
 * one small tree), and one tree each holds the county and prefecture polygons (point-in-county tests only the few
 * polygons whose bbox holds the point, then exact point-in-polygon, so multipolygons and border points are right).
 * Bbox order is only a first guess: every distance is then computed exactly (see ./distance.ts).
 *
 * Answers respect placement (./placement.ts): a point standing in at a county or prefecture seat is indexed by the
 * county or prefecture it may be anywhere in, so "near", "inside" and "nearest" consider all of it; each hit says
 * whether it certainly or only possibly answers the question, and seat-placed hits carry a distance range.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon, booleanWithin } from '@turf/turf';
import type { BBox, Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import { featuresInArea, type AreaFeature, type Relation } from './features-in-area';
import { capBox, positionToShapeKm, shapeOf, shapeToShapeKm, type Shape } from './distance';
import { checkKm, checkPolygon, checkPosition, SpatialQueryError } from './spatial-input';
import { kmRange, possibleAreas, withinCertainty, whereOf, type Certainty, type Where } from './placement';

/** Areas that say what planning region a point lies in (listed by `at` as regions, in this order). */
export const REGION_KINDS = [
	'economic_region',
	'subregion',
	'metro_circle',
	'new_district',
	'node_county',
	'cluster',
	'eco_zone',
	'national_park'
];
/** Lines a point can lie "on": development axes, belts and corridors. */
export const CORRIDOR_KINDS = ['axis', 'belt', 'corridor'];
/** A point within this distance of an axis, belt or corridor lies on it (lines are schematic, through county seats). */
export const CORRIDOR_KM = 10;

export interface PlaceRef {
	code: string;
	name_zh: string;
	name_en: string;
}
export interface FeatureRef {
	id: string;
	kind: string;
	name_zh: string;
	name_en: string;
	/** How the plan places the feature: at a `county` / `prefecture` seat makes every distance to it approximate. */
	precision: string;
	county_code: string | null;
}
export interface DistanceHit extends FeatureRef {
	/** Straight-line distance, km, between the geometries as drawn (to the seat mark for a seat-placed point; 0: inside
	 * the area, or touching / crossing). */
	km: number;
	/** For a seat-placed feature (either end): the nearest and farthest it may be, km, over its county / prefecture. */
	kmMin?: number;
	kmMax?: number;
	/** certain: the answer holds wherever the feature may be; possible: only for part of where it may be. */
	certainty: Certainty;
}
export interface InsideHit extends FeatureRef {
	/** inside: in the shape (points: where they may be) · intersects: a line or area crossing it. */
	relation: Extract<Relation, 'inside' | 'intersects'>;
	/** certain: wholly inside (or crossing) wherever it may be; possible: may be inside (a seat stand-in whose county
	 * or prefecture the shape covers only in part). */
	certainty: Certainty;
}
export interface AtResult {
	point: [number, number];
	inSichuan: boolean;
	county: PlaceRef | null;
	prefecture: PlaceRef | null;
	/** Planning areas (REGION_KINDS) containing the point. */
	regions: FeatureRef[];
	/** Axes, belts and corridors within CORRIDOR_KM. */
	corridors: DistanceHit[];
	/** The nearest feature of every kind, nearest first. */
	nearest: DistanceHit[];
	note?: string;
}

interface Tree {
	tree: Flatbush;
	/** Positions in `SpatialIndex.features` of the tree's items. */
	members: number[];
}
export interface SpatialIndex {
	features: PlanFeature[];
	shapes: Shape[];
	/** Where each feature may be (its geometry, or the county / prefecture a seat stands for). */
	wheres: Where[];
	/** The possible area of a feature, for featuresInArea. */
	possibleArea: (f: PlanFeature) => AreaFeature | undefined;
	byId: Map<string, number>;
	kinds: Map<string, Tree>;
	counties: { tree: Flatbush; items: AreaFeature[] };
	prefectures: { tree: Flatbush; items: AreaFeature[] };
}

function treeOf(boxes: BBox[]): Flatbush {
	const tree = new Flatbush(Math.max(1, boxes.length));
	for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
	if (!boxes.length) tree.add(0, 0, 0, 0); // flatbush needs an item; nothing points at it
	tree.finish();
	return tree;
}

const areaBox = (f: Feature) => shapeOf(f.geometry!).bbox;
const isArea = (f: Feature): f is AreaFeature => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

export function buildSpatialIndex(features: PlanFeature[], counties: Feature[], prefectures: Feature[]): SpatialIndex {
	const usable = features.filter((f) => f.geometry);
	const shapes = usable.map((f) => shapeOf(f.geometry));
	const possibleArea = possibleAreas(counties, prefectures);
	// One prepared shape per county / prefecture, shared by every feature standing in at its seat.
	const unitShapes = new Map<Feature, Where>();
	const wheres = usable.map((f, i) => {
		const area = possibleArea(f);
		if (!area) return { shape: shapes[i], uncertain: false };
		if (!unitShapes.has(area))
			unitShapes.set(
				area,
				whereOf(f, () => area)
			);
		return unitShapes.get(area)!;
	});
	const byKind = new Map<string, number[]>();
	usable.forEach((f, i) => {
		const list = byKind.get(f.properties.kind) ?? [];
		if (!list.length) byKind.set(f.properties.kind, list);
		list.push(i);
	});
	const kinds = new Map<string, Tree>();
	for (const [kind, members] of byKind) {
		kinds.set(kind, { tree: treeOf(members.map((i) => wheres[i].shape.bbox)), members });
	}
	const [c, p] = [counties.filter(isArea), prefectures.filter(isArea)];
	return {
		features: usable,
		shapes,
		wheres,
		possibleArea,
		byId: new Map(usable.map((f, i) => [f.properties.id, i])),
		kinds,
		counties: { tree: treeOf(c.map(areaBox)), items: c },
		prefectures: { tree: treeOf(p.map(areaBox)), items: p }
	};
}

export function featureRef(f: PlanFeature): FeatureRef {
	const { id, kind, name_zh, name_en, location, county_code } = f.properties;
	return { id, kind, name_zh, name_en, precision: location.precision, county_code };
}

const placeRef = (f: Feature): PlaceRef => {
	const { code, name_zh, name_en } = f.properties as PlaceRef;
	return { code, name_zh, name_en };
};

/** The county or prefecture polygon holding p (a point on a shared border counts for the first found). */
function placeAt(places: SpatialIndex['counties'], p: Position): AreaFeature | undefined {
	return places.tree
		.search(p[0], p[1], p[0], p[1])
		.map((i) => places.items[i])
		.find((f) => f && booleanPointInPolygon(p, f));
}

/** Everything of a kind whose bbox meets `box`, as positions in index.features. */
function candidates(index: SpatialIndex, box: BBox, kinds: Iterable<string> = index.kinds.keys()): number[] {
	const out: number[] = [];
	for (const kind of kinds) {
		const t = index.kinds.get(kind);
		if (t) for (const j of t.tree.search(box[0], box[1], box[2], box[3])) out.push(t.members[j]);
	}
	return out;
}

const EXACT_POINT = (p: Position): Where => ({ shape: shapeOf({ type: 'Point', coordinates: p }), uncertain: false });

/** A hit measured from `from` to feature i: the distance as drawn, and the range where either end is uncertain. */
function distanceHit(
	index: SpatialIndex,
	from: Where,
	fromShape: Shape,
	i: number,
	within?: number
): DistanceHit | null {
	const to = index.wheres[i];
	const range = kmRange(from, to);
	const km = from.uncertain || to.uncertain ? shapeToShapeKm(fromShape, index.shapes[i]) : range.kmMin;
	const certainty =
		within === undefined ? (range.kmMin === range.kmMax ? 'certain' : 'possible') : withinCertainty(range, within);
	if (!certainty) return null;
	const ranged = from.uncertain || to.uncertain;
	return { ...featureRef(index.features[i]), km, ...(ranged && range), certainty };
}

/** The nearest feature of one kind from `from`: least kmMin (where it may be nearest), then least kmMax. The
 * bbox-nearest gives a bound, then everything within it is measured. */
function nearestOfKind(index: SpatialIndex, t: Tree, from: Where, fromShape: Shape): DistanceHit {
	const [x0, y0, x1, y1] = from.shape.bbox;
	const [first] = t.tree.neighbors((x0 + x1) / 2, (y0 + y1) / 2, 1);
	const bound = kmRange(from, index.wheres[t.members[first]]).kmMin;
	const box = reach(from.shape.bbox, bound);
	let best: DistanceHit | null = null;
	for (const j of t.tree.search(box[0], box[1], box[2], box[3])) {
		const i = t.members[j];
		if (kmRange(from, index.wheres[i]).kmMin > bound) continue;
		const h = distanceHit(index, from, fromShape, i)!;
		if (!best || byRange(h, best) < 0) best = h;
	}
	return best ?? distanceHit(index, from, fromShape, t.members[first])!;
}

/** A bbox grown by km on every side (the cap's reach in longitude is widest at the edge farthest from the equator). */
function reach([x0, y0, x1, y1]: BBox, km: number): BBox {
	const [, , dLng, dLat] = capBox([0, Math.max(Math.abs(y0), Math.abs(y1))], km);
	return [x0 - dLng, y0 - dLat, x1 + dLng, y1 + dLat];
}

const lo = (h: DistanceHit) => h.kmMin ?? h.km;
const hi = (h: DistanceHit) => h.kmMax ?? h.km;
const byRange = (a: DistanceHit, b: DistanceHit) =>
	lo(a) - lo(b) || hi(a) - hi(b) || a.km - b.km || a.id.localeCompare(b.id);

/** The county, prefecture and planning areas (REGION_KINDS) at a position: the cheap part of `at`. */
export function placesAt(
	index: SpatialIndex,
	p: Position
): { county: PlaceRef | null; prefecture: PlaceRef | null; regions: FeatureRef[] } {
	const county = placeAt(index.counties, p);
	const prefectureCode = county?.properties?.prefecture_code as string | undefined;
	const prefecture = prefectureCode
		? index.prefectures.items.find((f) => f.properties?.code === prefectureCode)
		: placeAt(index.prefectures, p);
	const regions = candidates(index, [p[0], p[1], p[0], p[1]], REGION_KINDS)
		.filter((i) => positionToShapeKm(p, index.shapes[i]) === 0)
		.map((i) => featureRef(index.features[i]))
		.sort((a, b) => REGION_KINDS.indexOf(a.kind) - REGION_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id));
	return { county: county ? placeRef(county) : null, prefecture: prefecture ? placeRef(prefecture) : null, regions };
}

/** The nearest feature of any of `kinds` from a position (least possible distance first), or null when there is none. */
export function nearestOf(index: SpatialIndex, p: Position, kinds: readonly string[]): DistanceHit | null {
	const here = EXACT_POINT(p);
	const hits = kinds.flatMap((k) => {
		const t = index.kinds.get(k);
		return t ? [nearestOfKind(index, t, here, here.shape)] : [];
	});
	return hits.sort(byRange)[0] ?? null;
}

/** What is here: the county, prefecture, planning areas and corridors at a position, and the nearest of each kind. */
export function at(index: SpatialIndex, input: unknown): AtResult {
	const p = checkPosition(input);
	const { county, prefecture, regions } = placesAt(index, p);
	const here = EXACT_POINT(p);
	const corridors = corridorsNear(index, here);
	const nearest = [...index.kinds.values()].map((t) => nearestOfKind(index, t, here, here.shape)).sort(byRange);
	const inSichuan = !!county;
	return {
		point: [p[0], p[1]],
		inSichuan,
		county,
		prefecture,
		regions,
		corridors,
		nearest,
		...(!inSichuan && {
			note: `[${p[0]}, ${p[1]}] is outside Sichuan: no county or prefecture; the nearest plan features are still measured`
		})
	};
}

/** Axes, belts and corridors within CORRIDOR_KM of where something may be (certain when all of it is within). */
function corridorsNear(index: SpatialIndex, from: Where): DistanceHit[] {
	const box = reach(from.shape.bbox, CORRIDOR_KM);
	return candidates(index, box, CORRIDOR_KINDS)
		.map((i) => distanceHit(index, from, from.shape, i, CORRIDOR_KM))
		.filter((h): h is DistanceHit => !!h)
		.sort(byRange);
}

/** Everything within `km` of a point or line feature (0 km: touching, crossing or containing it), nearest first. */
export function near(index: SpatialIndex, id: unknown, kmInput: unknown): DistanceHit[] {
	const i = typeof id === 'string' ? index.byId.get(id) : undefined;
	if (i === undefined) throw new SpatialQueryError(`no plan feature with id ${JSON.stringify(id)}`);
	const km = checkKm(kmInput);
	const source = index.shapes[i];
	if (source.type === 'area') {
		throw new SpatialQueryError(
			`${id} is an area; "near" measures from a point or a line — ask "inside" with its shape instead`
		);
	}
	return withinKm(index, index.wheres[i], source, km, index.kinds.keys(), i);
}

/**
 * The plan features within `km` of a line that is not the plan's (a user's road or pipeline), nearest first: certain
 * when all of where a feature may be is within reach, possible when only part is (placed at a seat). Planning regions
 * (REGION_KINDS) are left out, and so is any area holding the whole line: the line lies in them rather than near them
 * (its profile names the regions it meets).
 */
export function nearLine(index: SpatialIndex, line: LineString | MultiLineString, km: number): DistanceHit[] {
	const shape = shapeOf(line);
	const kinds = [...index.kinds.keys()].filter((k) => !REGION_KINDS.includes(k));
	const feature: Feature<LineString | MultiLineString> = { type: 'Feature', properties: {}, geometry: line };
	// An area holding the whole line (a prefecture-wide target, say) says where the line is, not what is near it — as
	// `inside` leaves out areas that contain the drawn shape.
	const holdsLine = (h: DistanceHit) => {
		const f = index.features[index.byId.get(h.id)!];
		return isArea(f) && booleanWithin(feature, f);
	};
	return withinKm(index, { shape, uncertain: false }, shape, km, kinds).filter((h) => !holdsLine(h));
}

/** Everything of `kinds` within `km` of `from` (but the feature at `skip`), nearest first. */
function withinKm(
	index: SpatialIndex,
	from: Where,
	fromShape: Shape,
	km: number,
	kinds: Iterable<string>,
	skip?: number
): DistanceHit[] {
	const hits: DistanceHit[] = [];
	for (const j of candidates(index, reach(from.shape.bbox, km), kinds)) {
		if (j === skip) continue;
		const h = distanceHit(index, from, fromShape, j, km);
		if (h) hits.push(h);
	}
	return hits.sort(byRange);
}

/** Everything inside a drawn polygon (points in it, lines crossing it, areas overlapping it), by the same rule as a
 * county's "planned here" list (featuresInArea). Areas that merely contain the whole shape are left out. */
export function inside(index: SpatialIndex, polygon: unknown): InsideHit[] {
	const area = checkPolygon(polygon) as Feature<Polygon | MultiPolygon>;
	const box = shapeOf(area.geometry).bbox;
	const list = candidates(index, box).map((i) => index.features[i]);
	return featuresInArea(area, list, { possibleArea: index.possibleArea })
		.filter((h): h is typeof h & { relation: InsideHit['relation'] } => h.relation !== 'contains')
		.map((h) => ({ ...featureRef(h.feature), relation: h.relation, certainty: h.certainty ?? 'certain' }))
		.sort((a, b) => Number(a.certainty === 'possible') - Number(b.certainty === 'possible'));
}

/** Energy kinds a park's proximity card measures to (the planned bases and sites that could supply it). */
export const ENERGY_KINDS = [
	'hydro_station',
	'hydro_base',
	'pv_base',
	'pv_site',
	'wind_base',
	'wind_site',
	'power_line',
	'energy_storage',
	'geothermal',
	'gas_field'
];

export interface Proximity {
	/** The nearest planned energy base or site of each kind, nearest first. */
	energy: DistanceHit[];
	/** Axes, belts and corridors within CORRIDOR_KM: the park lies on them. */
	corridors: DistanceHit[];
	/** How the park itself is placed (a seat placement makes every figure approximate). */
	precision: string;
}

/**
 * The nearest feature of each of the given kinds to a point feature, measured from wherever the plan places it (its
 * county or prefecture when it stands in at a seat), nearest first; kinds with no feature are left out.
 */
export function nearestKinds(index: SpatialIndex, id: string, kinds: readonly string[]): DistanceHit[] {
	const i = index.byId.get(id);
	const g = i === undefined ? undefined : index.features[i].geometry;
	if (!g || g.type !== 'Point') throw new SpatialQueryError(`no point feature with id ${JSON.stringify(id)}`);
	return kinds
		.flatMap((k) => {
			const t = index.kinds.get(k);
			return t ? [nearestOfKind(index, t, index.wheres[i!], index.shapes[i!])] : [];
		})
		.filter((h) => h.id !== id)
		.sort(byRange);
}

/** A park's (or zone's, base's) proximity card: distance to the nearest energy base of each kind, and the corridors
 * it lies on, measured from where the plan places it. */
export function proximity(index: SpatialIndex, id: string): Proximity {
	const i = index.byId.get(id);
	const g = i === undefined ? undefined : index.features[i].geometry;
	if (!g || g.type !== 'Point') throw new SpatialQueryError(`no point feature with id ${JSON.stringify(id)}`);
	// Measured from wherever the park may be: its county or prefecture when it stands in at a seat.
	const from = index.wheres[i!];
	const energy = ENERGY_KINDS.flatMap((k) => {
		const t = index.kinds.get(k);
		return t ? [nearestOfKind(index, t, from, index.shapes[i!])] : [];
	});
	return {
		energy: energy.sort(byRange),
		corridors: corridorsNear(index, from),
		precision: index.features[i!].properties.location.precision
	};
}

/** Everything (of `kinds`, by default every kind) within `km` of a position — a reader's own point — nearest first;
 * seat-placed features carry their range and say whether they certainly or only possibly lie within. */
export function nearPosition(
	index: SpatialIndex,
	input: unknown,
	kmInput: unknown,
	kinds?: readonly string[]
): DistanceHit[] {
	const p = checkPosition(input);
	const km = checkKm(kmInput);
	const from = EXACT_POINT(p);
	const hits: DistanceHit[] = [];
	for (const j of candidates(index, reach(from.shape.bbox, km), kinds ?? index.kinds.keys())) {
		const h = distanceHit(index, from, from.shape, j, km);
		if (h) hits.push(h);
	}
	return hits.sort(byRange);
}
