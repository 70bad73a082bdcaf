/**
 * The join of a user's points to the plans (src/lib/user-data/join.ts: county, prefecture, economic region, nearest
 * planned park with its km and whether it is within NEAR_PARK_KM) at a million rows: the same answers, row for row,
 * from grids that leave the exact tests only to the few rows they cannot settle. Pure, no DOM; runs in the join's
 * worker (./join.worker.ts).
 *
 * - **Places**: a PolygonGrid each for counties, prefectures and economic regions (./polygon-grid.ts): a cell no
 *   boundary crosses answers for every point in it; a row in a crossed cell gets `placesAt`, the exact test.
 * - **Nearest park**: the parks grouped by where they may be (a seat-level park is anywhere in its county or
 *   prefecture, so the parks of one seat share their distances), and for each cell of a coarser grid the groups that
 *   may hold a point's nearest: those whose least possible distance from the cell (a lower bound from bboxes) is no
 *   more than the least upper bound of any group (0 when the cell lies wholly in a seat-level park's county). The
 *   nearest is then measured exactly among those (`nearestAmong`, nearestOf's order), and "near" among the groups that
 *   may lie within NEAR_PARK_KM (`withinAmong`). The candidates always include the true nearest, so the answer is
 *   nearestOf's; `fast-join.test.ts` checks it row for row against join.ts.
 *
 * Answers come back as columns of numbers (positions in the index's lists, km), which cross from the worker without
 * copying; `./join-columns.ts` turns them into join.ts's rows and summary.
 */
import type { BBox, Position } from 'geojson';
import { nearestOf, nearPosition, placesAt, type SpatialIndex } from '$lib/geo/spatial-index';
import { edgesKm, greatCircleKm, positionToShapeKm, type Shape } from '$lib/geo/distance';
import { hullOf, type Where } from '$lib/geo/placement';
import { NEAR_PARK_KM, PARK_KINDS } from '$lib/user-data/park-kinds';
import { buildPolygonGrid, cellOf, gridAt, MIXED, type PolygonGrid } from './polygon-grid';

/** Cell size of the place grids, degrees (~1 km): about 3 % of Sichuan's cells are crossed by a boundary. */
export const PLACE_STEP = 0.005;
/** Cell size of the park candidates' grid, degrees (~5 km). */
export const PARK_STEP = 0.05;
/** Degrees the park candidates' grid reaches beyond the counties'. */
const PARK_MARGIN = 1;
/** How many groups (least lower bound first) are measured for the cell's least upper bound. */
const UPPER_TRIES = 4;
const RAD = Math.PI / 180;
const KM_PER_DEG = 111.19;

/** Column values: no county, prefecture, region or park. */
export const NONE = -1;
/** `near` column: 0 none, 1 certainly within NEAR_PARK_KM of a park, 2 possibly. */
export const NEAR = { none: 0, certain: 1, possible: 2 } as const;

/** The join of n points, as columns (all transferable). */
export interface JoinColumns {
	/** Position in index.counties.items, or NONE. */
	county: Int32Array;
	/** Position in index.prefectures.items, or NONE. */
	prefecture: Int32Array;
	/** Position in index.features of the economic region, or NONE. */
	region: Int32Array;
	/** Position in index.features of the nearest park or zone, or NONE. */
	park: Int32Array;
	/** km to the park's mark; kmMin / kmMax NaN unless the park is seat-level (its range). */
	km: Float64Array;
	kmMin: Float64Array;
	kmMax: Float64Array;
	near: Uint8Array;
}

export function emptyColumns(n: number): JoinColumns {
	return {
		county: new Int32Array(n).fill(NONE),
		prefecture: new Int32Array(n).fill(NONE),
		region: new Int32Array(n).fill(NONE),
		park: new Int32Array(n).fill(NONE),
		km: new Float64Array(n).fill(NaN),
		kmMin: new Float64Array(n).fill(NaN),
		kmMax: new Float64Array(n).fill(NaN),
		near: new Uint8Array(n)
	};
}

export const columnBuffers = (c: JoinColumns): ArrayBuffer[] =>
	[c.county, c.prefecture, c.region, c.park, c.km, c.kmMin, c.kmMax, c.near].map((a) => a.buffer as ArrayBuffer);

interface ParkGroup {
	where: Where;
	/** Positions in index.features of the parks placed there. */
	members: number[];
	/** The group's county or prefecture (a seat-level placement), as a position in that level's items. */
	unit: { level: 'county' | 'prefecture'; item: number } | null;
	hull: Position[];
	/** The hull's westmost, eastmost, southmost and northmost vertices (for a cheap bound on the farthest). */
	extremes: Position[];
	/** The group's bbox diagonal in degrees (to try smaller groups first). */
	span: number;
}

interface CellLists {
	/** Groups (positions in Joiner.groups) that may hold a point's nearest park, least lower bound first. */
	nearest: number[];
	/** Groups that may lie within NEAR_PARK_KM of a point. */
	near: number[];
}

export interface Joiner {
	index: SpatialIndex;
	counties: PolygonGrid;
	prefectures: PolygonGrid;
	regions: PolygonGrid;
	/** The region grid's polygon k is index.features[regionFeature[k]]. */
	regionFeature: number[];
	/** A county's prefecture (position in prefectures.items), NONE when its code names none, MIXED when the county
	 * has no prefecture code (then the prefecture is looked up by position, as placesAt does). */
	countyPrefecture: Int32Array;
	countyByCode: Map<string, number>;
	prefectureByCode: Map<string, number>;
	parkGrid: Pick<PolygonGrid, 'x0' | 'y0' | 'step' | 'cols' | 'rows'>;
	groups: ParkGroup[];
	cells: (CellLists | undefined)[];
	/** Seat-level groups' boundaries cut to a cell (nearEdges), by cell × groups + group. */
	edges: Map<number, Shape>;
	/** Rows the grids could not settle (for the benchmark's profile). */
	exactPlaces: number;
}

const codeOf = (f: { properties: unknown }) => String((f.properties as { code?: string } | null)?.code ?? '');

/** Prepares the grids of one spatial index (the parks' candidate cells are filled as points reach them). */
export function prepareJoin(index: SpatialIndex): Joiner {
	const counties = buildPolygonGrid(
		index.counties.items.map((f) => f.geometry),
		PLACE_STEP
	);
	const prefectures = buildPolygonGrid(
		index.prefectures.items.map((f) => f.geometry),
		PLACE_STEP
	);
	const regionFeature = index.kinds.get('economic_region')?.members ?? [];
	const regions = buildPolygonGrid(
		regionFeature.map((i) => index.shapes[i].area ?? null),
		PLACE_STEP
	);
	const countyByCode = new Map(index.counties.items.map((f, k) => [codeOf(f), k]));
	const prefectureByCode = new Map(index.prefectures.items.map((f, k) => [codeOf(f), k]));
	const countyPrefecture = Int32Array.from(index.counties.items, (f) => {
		const code = f.properties?.prefecture_code as string | undefined;
		if (!code) return MIXED;
		return index.prefectures.items.findIndex((p) => p.properties?.code === code);
	});
	const groups = parkGroups(index, countyByCode, prefectureByCode);
	const step = PARK_STEP;
	// the counties' grid and a degree around it (points just beyond Sichuan are common in users' files)
	const parkGrid = {
		x0: counties.x0 - PARK_MARGIN,
		y0: counties.y0 - PARK_MARGIN,
		step,
		cols: Math.ceil((counties.cols * counties.step + 2 * PARK_MARGIN) / step),
		rows: Math.ceil((counties.rows * counties.step + 2 * PARK_MARGIN) / step)
	};
	return {
		index,
		counties,
		prefectures,
		regions,
		regionFeature,
		countyPrefecture,
		countyByCode,
		prefectureByCode,
		parkGrid,
		groups,
		cells: new Array(parkGrid.cols * parkGrid.rows),
		edges: new Map(),
		exactPlaces: 0
	};
}

function parkGroups(
	index: SpatialIndex,
	countyByCode: Map<string, number>,
	prefectureByCode: Map<string, number>
): ParkGroup[] {
	const byWhere = new Map<Where, ParkGroup>();
	for (const kind of PARK_KINDS) {
		for (const i of index.kinds.get(kind)?.members ?? []) {
			const where = index.wheres[i];
			let g = byWhere.get(where);
			if (!g) {
				const u = where.uncertain ? where.unit : undefined;
				const item = u ? (u.level === 'county' ? countyByCode : prefectureByCode).get(u.code) : undefined;
				g = {
					where,
					members: [],
					unit: u && item !== undefined ? { level: u.level, item } : null,
					hull: hullOf(where.shape),
					extremes: extremesOf(hullOf(where.shape)),
					span: Math.hypot(where.shape.bbox[2] - where.shape.bbox[0], where.shape.bbox[3] - where.shape.bbox[1])
				};
				byWhere.set(where, g);
			}
			g.members.push(i);
		}
	}
	return [...byWhere.values()];
}

function extremesOf(hull: Position[]): Position[] {
	if (!hull.length) return [];
	const pick = (f: (a: Position, b: Position) => boolean) => hull.reduce((m, v) => (f(v, m) ? v : m));
	return [
		pick((a, b) => a[0] < b[0]),
		pick((a, b) => a[0] > b[0]),
		pick((a, b) => a[1] < b[1]),
		pick((a, b) => a[1] > b[1])
	];
}

/** A lower bound, km, on the distance between anything in two lon/lat boxes (0 when they meet). The equirectangular
 * distance at the boxes' highest latitude, less 3 % and 0.2 km, is below the great circle at Sichuan's scale. */
function gapKm(a: BBox, b: BBox): number {
	const dx = Math.max(0, b[0] - a[2], a[0] - b[2]);
	const dy = Math.max(0, b[1] - a[3], a[1] - b[3]);
	if (!dx && !dy) return 0;
	const lat = Math.max(Math.abs(a[1]), Math.abs(a[3]), Math.abs(b[1]), Math.abs(b[3]));
	return Math.max(0, KM_PER_DEG * Math.hypot(dy, dx * Math.cos(lat * RAD)) * 0.97 - 0.2);
}

/** An upper bound, km, on a group's least distance from any point of the cell: the farthest cell corner from the
 * group's nearest hull vertex (a point of it), with 1 % and 0.2 km to spare for the measured distance's rounding. */
function upperKm(g: ParkGroup, box: BBox): number {
	const corners = cornersOf(box);
	let best = Infinity;
	for (const v of g.hull) {
		let worst = 0;
		for (const c of corners) worst = Math.max(worst, greatCircleKm(c, v));
		best = Math.min(best, worst);
	}
	return best * 1.01 + 0.2;
}

/** Whether every place-grid cell under the box is settled as the unit (so every point of the box lies in it). */
function wholeCellIn(j: Joiner, unit: NonNullable<ParkGroup['unit']>, box: BBox): boolean {
	const grid = unit.level === 'county' ? j.counties : j.prefectures;
	const c0 = Math.floor((box[0] - grid.x0) / grid.step);
	const c1 = Math.floor((box[2] - grid.x0) / grid.step);
	const r0 = Math.floor((box[1] - grid.y0) / grid.step);
	const r1 = Math.floor((box[3] - grid.y0) / grid.step);
	if (c0 < 0 || r0 < 0 || c1 >= grid.cols || r1 >= grid.rows) return false;
	for (let r = r0; r <= r1; r++)
		for (let c = c0; c <= c1; c++) if (grid.cells[r * grid.cols + c] !== unit.item) return false;
	return true;
}

function cellLists(j: Joiner, cell: number): CellLists {
	const known = j.cells[cell];
	if (known) return known;
	const box = cellBox(j, cell);
	const lower = j.groups.map((g) => gapKm(box, g.where.shape.bbox));
	// least lower bound first; on a tie the smaller group (a county before its prefecture), so its farthest is known
	// before the larger's is bounded against it
	const order = lower.map((_, k) => k).sort((a, b) => lower[a] - lower[b] || j.groups[a].span - j.groups[b].span);
	// a group whose county or prefecture holds the whole cell is 0 km from every point of it; else the least upper
	// bound of the few groups with the least lower bounds
	let bound = Infinity;
	for (const k of order) {
		if (lower[k] > 0) break;
		const unit = j.groups[k].unit;
		if (unit && wholeCellIn(j, unit, box)) bound = 0;
		if (bound === 0) break;
	}
	for (const k of bound ? order.slice(0, UPPER_TRIES) : []) bound = Math.min(bound, upperKm(j.groups[k], box));
	const lists: CellLists = { nearest: [], near: [] };
	for (const k of order) {
		if (lower[k] <= bound) lists.nearest.push(k);
		if (lower[k] <= NEAR_PARK_KM) lists.near.push(k);
	}
	j.cells[cell] = lists;
	return lists;
}

/** Positions in the index's lists of the county, prefecture and economic region at p (exact where the grids are
 * crossed). */
function placeOf(j: Joiner, p: Position): [number, number, number] {
	const [x, y] = p;
	const county = gridAt(j.counties, x, y);
	const region = gridAt(j.regions, x, y);
	let prefecture = county >= 0 ? j.countyPrefecture[county] : gridAt(j.prefectures, x, y);
	if (county !== MIXED && prefecture === MIXED && county >= 0) prefecture = gridAt(j.prefectures, x, y);
	if (county !== MIXED && prefecture !== MIXED && region !== MIXED) {
		return [county, prefecture, region >= 0 ? j.regionFeature[region] : NONE];
	}
	j.exactPlaces++;
	const at = placesAt(j.index, p);
	const r = at.regions.find((f) => f.kind === 'economic_region');
	return [
		at.county ? (j.countyByCode.get(at.county.code) ?? NONE) : NONE,
		at.prefecture ? (j.prefectureByCode.get(at.prefecture.code) ?? NONE) : NONE,
		r ? (j.index.byId.get(r.id) ?? NONE) : NONE
	];
}

/** A lower bound, km, on the distance from p to anything in a box (the clamped point's great circle, less 2 %). */
function boxLowerKm(p: Position, [x0, y0, x1, y1]: BBox): number {
	const qx = Math.max(x0, Math.min(x1, p[0]));
	const qy = Math.max(y0, Math.min(y1, p[1]));
	return qx === p[0] && qy === p[1] ? 0 : 0.98 * greatCircleKm(p, [qx, qy]);
}

/** Whether p certainly lies outside a seat-level group's county or prefecture, by the place grids (`places`: the
 * point's county and prefecture there, MIXED where a boundary crosses its cell). */
function knownOutside(g: ParkGroup, places: [number, number]): boolean {
	if (!g.unit) return false;
	const at = places[g.unit.level === 'county' ? 0 : 1];
	return at !== MIXED && at !== g.unit.item;
}

/** A group's least distance from p, as kmRange measures it from an exact point (0 inside its area; a seat-level
 * group inside or outside its county or prefecture as the place grids settle it, else the exact test). */
function loOf(j: Joiner, k: number, cell: number, p: Position, places: [number, number]): number {
	const g = j.groups[k];
	const shape = g.where.shape;
	if (!g.unit) return positionToShapeKm(p, shape);
	const at = places[g.unit.level === 'county' ? 0 : 1];
	return at === MIXED ? positionToShapeKm(p, shape) : at === g.unit.item ? 0 : edgesKm(p, nearEdges(j, k, cell));
}

/** The group's boundary cut to the chunks of edges that may be nearest to some point of the cell: those whose bbox
 * is no farther than the least upper bound of any chunk (its first vertex's farthest cell corner, with 1 % and
 * 0.2 km to spare). edgesKm over them is edgesKm over the whole boundary for every point of the cell. */
function nearEdges(j: Joiner, k: number, cell: number): Shape {
	const key = cell * j.groups.length + k;
	let cut = j.edges.get(key);
	if (cut) return cut;
	const shape = j.groups[k].where.shape;
	const box = cellBox(j, cell);
	const corners = cornersOf(box);
	let bound = Infinity;
	for (const ch of shape.chunks) {
		let worst = 0;
		for (const c of corners) worst = Math.max(worst, greatCircleKm(c, ch.part[ch.from]));
		bound = Math.min(bound, worst);
	}
	bound = bound * 1.01 + 0.2;
	cut = { ...shape, chunks: shape.chunks.filter((ch) => gapKm(box, ch.box) <= bound) };
	j.edges.set(key, cut);
	return cut;
}

function cellBox(j: Joiner, cell: number): BBox {
	const { x0, y0, step, cols } = j.parkGrid;
	const [c, r] = [cell % cols, Math.floor(cell / cols)];
	return [x0 + c * step, y0 + r * step, x0 + (c + 1) * step, y0 + (r + 1) * step];
}

const cornersOf = (box: BBox): Position[] => [
	[box[0], box[1]],
	[box[2], box[1]],
	[box[0], box[3]],
	[box[2], box[3]]
];

/** A seat-level group's farthest distance from p over where it may be: kmRange's maximum over its hull (same operand
 * order), never less than the least. An exact group's is its least. */
function hiOf(g: ParkGroup, p: Position, lo: number): number {
	if (!g.where.uncertain) return lo;
	let hi = 0;
	for (const v of g.hull) hi = Math.max(hi, greatCircleKm(p, v));
	return Math.max(lo, hi);
}

/** A lower bound on hiOf from a few of its hull's vertices (the same distances, so never above it). */
function hiAtLeast(g: ParkGroup, p: Position, lo: number): number {
	if (!g.where.uncertain) return lo;
	let hi = lo;
	for (const v of g.extremes) hi = Math.max(hi, greatCircleKm(p, v));
	return hi;
}

/** nearestOf's order (spatial-index.ts `byRange`): least possible, then least farthest, then as drawn, then id. */
const before = (a: Hit, b: Hit) => a.lo - b.lo || a.hi - b.hi || a.km - b.km || a.id.localeCompare(b.id);

type ParkAnswer = { hit: Hit | null; near: number };

interface Hit {
	i: number;
	id: string;
	lo: number;
	hi: number;
	km: number;
	ranged: boolean;
}

/**
 * The nearest park among the cell's groups, and whether it is (certainly, possibly) within NEAR_PARK_KM — join.ts's
 * parkColumns, measured as spatial-index.ts measures (same functions, same order of operands). A group is skipped
 * when a bound shows it cannot come first: its bbox farther than the best's least distance, its county certainly not
 * holding the point when the best's least is 0, or its farthest certainly beyond the best's on a tie.
 */
function parkAmong(j: Joiner, p: Position, cell: number, places: [number, number]): ParkAnswer {
	const lists = cellLists(j, cell);
	const los = new Map<number, number>();
	const lo = (k: number) => {
		let v = los.get(k);
		if (v === undefined) los.set(k, (v = loOf(j, k, cell, p, places)));
		return v;
	};
	let best: Hit | null = null;
	for (const k of lists.nearest) {
		const g = j.groups[k];
		if (best) {
			if (best.lo === 0 && knownOutside(g, places)) continue;
			if (boxLowerKm(p, g.where.shape.bbox) > best.lo) continue;
		}
		const gLo = lo(k);
		if (best && (gLo > best.lo || (gLo === best.lo && hiAtLeast(g, p, gLo) > best.hi))) continue;
		const gHi = hiOf(g, p, gLo);
		if (best && gLo === best.lo && gHi > best.hi) continue;
		for (const i of g.members) {
			const ranged = g.where.uncertain;
			const km = ranged ? positionToShapeKm(p, j.index.shapes[i]) : gLo;
			const hit: Hit = { i, id: j.index.features[i].properties.id, lo: gLo, hi: gHi, km, ranged };
			if (!best || before(hit, best) < 0) best = hit;
		}
	}
	if (!best) return { hit: null, near: NEAR.none };
	if (best.hi <= NEAR_PARK_KM) return { hit: best, near: NEAR.certain };
	if (best.lo > NEAR_PARK_KM) return { hit: best, near: NEAR.none };
	// certain when some park is wholly within reach wherever it may be (nearPosition's hits, kmMax ?? km)
	const certain = lists.near.some((k) => {
		const g = j.groups[k];
		if (boxLowerKm(p, g.where.shape.bbox) > NEAR_PARK_KM) return false;
		const gLo = lo(k);
		return gLo <= NEAR_PARK_KM && hiAtLeast(g, p, gLo) <= NEAR_PARK_KM && hiOf(g, p, gLo) <= NEAR_PARK_KM;
	});
	return { hit: best, near: certain ? NEAR.certain : NEAR.possible };
}

/** The nearest park outside the candidates' grid: spatial-index.ts's own answers. */
function parkExact(j: Joiner, p: Position): ParkAnswer {
	const h = nearestOf(j.index, p, PARK_KINDS);
	if (!h) return { hit: null, near: NEAR.none };
	const ranged = h.kmMin !== undefined && h.kmMax !== undefined;
	const hit = { i: j.index.byId.get(h.id)!, id: h.id, lo: h.kmMin ?? h.km, hi: h.kmMax ?? h.km, km: h.km, ranged };
	if (hit.hi <= NEAR_PARK_KM) return { hit, near: NEAR.certain };
	if (hit.lo > NEAR_PARK_KM) return { hit, near: NEAR.none };
	const within = nearPosition(j.index, p, NEAR_PARK_KM, PARK_KINDS);
	return { hit, near: within.some((w) => (w.kmMax ?? w.km) <= NEAR_PARK_KM) ? NEAR.certain : NEAR.possible };
}

/** The point's county and prefecture polygons as the place grids settle them (MIXED where a boundary crosses). */
function settled(j: Joiner, p: Position): [number, number] {
	return [gridAt(j.counties, p[0], p[1]), gridAt(j.prefectures, p[0], p[1])];
}

/** Joins points [from, to) of `positions` (lon, lat pairs) into `out`. */
export function joinPoints(j: Joiner, positions: ArrayLike<number>, out: JoinColumns, from: number, to: number): void {
	for (let i = from; i < to; i++) {
		const p: Position = [positions[2 * i], positions[2 * i + 1]];
		const [county, prefecture, region] = placeOf(j, p);
		out.county[i] = county;
		out.prefecture[i] = prefecture;
		out.region[i] = region;
		const cell = cellOf(j.parkGrid, p[0], p[1]);
		const park: ParkAnswer = cell >= 0 ? parkAmong(j, p, cell, settled(j, p)) : parkExact(j, p);
		const { hit, near } = park;
		out.near[i] = near;
		if (!hit) continue;
		out.park[i] = hit.i;
		out.km[i] = hit.km;
		if (hit.ranged) {
			out.kmMin[i] = hit.lo;
			out.kmMax[i] = hit.hi;
		}
	}
}
