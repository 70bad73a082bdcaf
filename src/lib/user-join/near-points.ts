/**
 * "My points within N km of a planned park or zone" (src/lib/user-plans/questions.ts `pointsNearPlans`) for a layer
 * too large to ask on the page: each point asked in the join's worker with the spatial index's own `nearPosition`
 * (so the answers are the page's), the one hit the question keeps per point — the nearest certainly within, else
 * the nearest — sent back as columns with the few features they name. Pure, no DOM.
 */
import { featureRef, nearPosition, type DistanceHit, type FeatureRef, type SpatialIndex } from '$lib/geo/spatial-index';
import type { Certainty } from '$lib/geo/placement';

/** The kept hit of each point, as columns: `feature` NONE (-1) where no feature is within the distance. */
export interface NearColumns {
	feature: Int32Array;
	km: Float64Array;
	/** NaN unless the hit is ranged (seat-placed). */
	kmMin: Float64Array;
	kmMax: Float64Array;
	/** 1 certain, 2 possible. */
	certainty: Uint8Array;
	/** The features the columns name, by position in index.features. */
	refs: Record<number, FeatureRef>;
}

export const nearBuffers = (c: NearColumns): ArrayBuffer[] =>
	[c.feature, c.km, c.kmMin, c.kmMax, c.certainty].map((a) => a.buffer as ArrayBuffer);

export function emptyNear(n: number): NearColumns {
	return {
		feature: new Int32Array(n).fill(-1),
		km: new Float64Array(n).fill(NaN),
		kmMin: new Float64Array(n).fill(NaN),
		kmMax: new Float64Array(n).fill(NaN),
		certainty: new Uint8Array(n),
		refs: {}
	};
}

/** Asks points [from, to) of `positions` into `out`. */
export function nearPoints(
	index: SpatialIndex,
	positions: ArrayLike<number>,
	km: number,
	kinds: readonly string[],
	out: NearColumns,
	from: number,
	to: number
): void {
	for (let i = from; i < to; i++) {
		const hits = nearPosition(index, [positions[2 * i], positions[2 * i + 1]], km, kinds);
		if (!hits.length) continue;
		const hit = hits.find((h) => h.certainty === 'certain') ?? hits[0];
		const f = index.byId.get(hit.id)!;
		out.feature[i] = f;
		out.km[i] = hit.km;
		if (hit.kmMin !== undefined && hit.kmMax !== undefined) {
			out.kmMin[i] = hit.kmMin;
			out.kmMax[i] = hit.kmMax;
		}
		out.certainty[i] = hit.certainty === 'certain' ? 1 : 2;
		out.refs[f] ??= featureRef(index.features[f]);
	}
}

/** Point i's kept hit as nearPosition gave it, with its certainty; null where none is within the distance. */
export function nearHitAt(c: NearColumns, i: number): { nearest: DistanceHit; certainty: Certainty } | null {
	const f = c.feature[i];
	if (f < 0) return null;
	const certainty: Certainty = c.certainty[i] === 1 ? 'certain' : 'possible';
	const ranged = !Number.isNaN(c.kmMin[i]);
	const nearest: DistanceHit = {
		...c.refs[f],
		km: c.km[i],
		...(ranged && { kmMin: c.kmMin[i], kmMax: c.kmMax[i] }),
		certainty
	};
	return { nearest, certainty };
}
