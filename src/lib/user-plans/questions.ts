/**
 * The spatial questions asked of a reader's own point layer, by the same rules as those asked of the plan's layers
 * (src/lib/geo/spatial-index.ts): straight-line km, and a park the plan places only at a county or prefecture seat
 * may be anywhere there, so it "certainly" lies within the distance only when all of where it may be does, and
 * "possibly" when part does. Pure, no DOM.
 *
 * - pointsNearPlans: "my points within N km of a planned park or zone" — each point with the nearest such feature.
 * - plansNearPoint: "plan features within N km of my point X" — nearest first.
 * - perRegion: "how many of my points per economic region / prefecture / county".
 */
import { nearPosition, type DistanceHit, type SpatialIndex } from '$lib/geo/spatial-index';
import type { Certainty } from '$lib/geo/placement';
import type { PointLayer, UserLayer } from '$lib/user-data/user-layer';
import { PARK_KINDS } from '$lib/user-data/park-kinds';
import { countsBy, type RegionKey, type RowPlace } from './region-counts';

/** Kinds that count as a planned park or zone (the join's list). */
export { PARK_KINDS } from '$lib/user-data/park-kinds';

/** A point of the layer that lies within the distance of a plan feature. */
export interface PointNear {
	/** Position of the row in the layer's good rows (and in its positions). */
	index: number;
	/** The row's number in the reader's file (header = 1). */
	row: number;
	cells: string[];
	/** The nearest feature certainly within the distance, else the one that may be nearest (seat-placed: with its km
	 * range). */
	nearest: DistanceHit;
	/** certain: some feature lies within wherever it may be; possible: only seat-placed features may. */
	certainty: Certainty;
}

const position = (layer: PointLayer, i: number): [number, number] => [
	layer.positions[2 * i],
	layer.positions[2 * i + 1]
];

/** The layer's points within `km` of a feature of `kinds` (planned parks and zones by default), nearest first, the
 * certain before the possible. */
export function pointsNearPlans(
	layer: PointLayer,
	index: SpatialIndex,
	km: number,
	kinds: readonly string[] = PARK_KINDS
): PointNear[] {
	return pointsNearFrom(layer, (i) => {
		const hits = nearPosition(index, position(layer, i), km, kinds);
		if (!hits.length) return null;
		const certain = hits.find((h) => h.certainty === 'certain');
		return { nearest: certain ?? hits[0], certainty: certain ? 'certain' : 'possible' };
	});
}

/** The question's answer from each point's kept hit (asked here, or in the join's workers for a large layer:
 * src/lib/user-join/near-points.ts), nearest first, the certain before the possible. */
export function pointsNearFrom(
	layer: PointLayer,
	hitAt: (i: number) => { nearest: DistanceHit; certainty: Certainty } | null
): PointNear[] {
	const out: PointNear[] = [];
	for (let i = 0; i < layer.rows.length; i++) {
		const hit = hitAt(i);
		if (hit) out.push({ index: i, row: layer.rowNumbers[i], cells: layer.rows[i], ...hit });
	}
	return out.sort(
		(a, b) =>
			Number(a.certainty === 'possible') - Number(b.certainty === 'possible') ||
			a.nearest.km - b.nearest.km ||
			a.index - b.index
	);
}

/** Plan features (of `kinds`, or all) within `km` of the layer's point `i`, nearest first. */
export function plansNearPoint(
	layer: PointLayer,
	i: number,
	index: SpatialIndex,
	km: number,
	kinds?: readonly string[]
): DistanceHit[] {
	if (!Number.isInteger(i) || i < 0 || i >= layer.rows.length) throw new RangeError(`no row ${i} in ${layer.id}`);
	return nearPosition(index, position(layer, i), km, kinds);
}

export interface RegionCount {
	key: string;
	name_zh: string;
	name_en: string;
	count: number;
	/** Share of the layer's rows (0–1). */
	share: number;
}

/** Rows per region of a level, most first, named; rows in no region (outside Sichuan) are counted in `outside`. */
export function perRegion(
	layer: UserLayer,
	places: RowPlace[],
	level: RegionKey['level'],
	name: (key: string) => { name_zh: string; name_en: string }
): { counts: RegionCount[]; outside: number } {
	const n = layer.rows.length;
	const counts = countsBy(places, level).map(([key, count]) => ({
		key,
		...name(key),
		count,
		share: n ? count / n : 0
	}));
	return { counts, outside: n - counts.reduce((s, c) => s + c.count, 0) };
}
