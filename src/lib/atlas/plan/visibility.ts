/**
 * Which plan features are drawn (those in a visible layer) and which the industry filter emphasises.
 */
import type { PlanFeature, PlanMapFeature } from '$lib/data/plan-data';

export function visibleIds(features: PlanMapFeature[], layers: readonly string[]): string[] {
	const on = new Set(layers);
	return features.filter((f) => f.properties.layers.some((l) => on.has(l))).map((f) => f.properties.id);
}

/** The point features among the given ids (those drawn as points, stacked or single). */
export function pointsIn<F extends PlanMapFeature>(features: F[], ids: readonly string[]): F[] {
	const on = new Set(ids);
	return features.filter((f) => f.geometry.type === 'Point' && on.has(f.properties.id));
}

/**
 * Features matching any of the chosen industry categories. An empty choice means no filter (null): nothing is dimmed.
 */
export function matchingIds(features: PlanFeature[], categories: readonly string[]): Set<string> | null {
	if (!categories.length) return null;
	const wanted = new Set(categories);
	return new Set(
		features.filter((f) => f.properties.industries.some((i) => wanted.has(i.category))).map((f) => f.properties.id)
	);
}

/** Counts per category over the given features (for the filter's option list). */
export function categoryCounts(features: PlanFeature[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const f of features) {
		for (const c of new Set(f.properties.industries.map((i) => i.category))) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	return counts;
}

/** Ids in both sets; null stands for "everything" (no filter), so it gives the other set. */
export function intersectIds(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
	if (!a || !b) return a ?? b;
	return new Set([...a].filter((id) => b.has(id)));
}
