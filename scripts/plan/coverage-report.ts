/**
 * What the coverage report counts (pure, so tests can check the goals on the real data): how the features of a
 * document are placed (precision and basis), and how many of the named items a reader listed are mapped.
 */
import type { PlanBuild, PlanFeature } from './build-plan.ts';

export interface PlacementShares {
	features: number;
	points: number;
	/** Features standing only at a prefecture seat, over all features. */
	prefectureOnly: number;
	/** Points at a known site or town, over all points. */
	preciseOfPoints: number;
	byPrecision: Record<string, number>;
	byBasis: Record<string, number>;
}

export function placementShares(features: PlanFeature[]): PlacementShares {
	const points = features.filter((f) => f.geometry.type === 'Point');
	const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});
	return {
		features: features.length,
		points: points.length,
		prefectureOnly: share(
			features.filter((f) => f.properties.location.precision === 'prefecture').length,
			features.length
		),
		preciseOfPoints: share(
			points.filter((f) => ['site', 'town'].includes(f.properties.location.precision)).length,
			points.length
		),
		byPrecision: count(features.map((f) => f.properties.location.precision)),
		byBasis: count(features.map((f) => f.properties.location.basis))
	};
}

export interface NamedItemCounts {
	total: number;
	mapped: number;
	notMapped: number;
	/** Mapped or listed as not mapped with a reason, over all named items. */
	accounted: number;
}

export function namedItemCounts(build: Pick<PlanBuild, 'namedItems'>, seed: string): NamedItemCounts {
	const items = build.namedItems.filter((i) => i.seed === seed);
	const mapped = items.filter((i) => i.feature).length;
	const notMapped = items.filter((i) => i.not_mapped).length;
	return { total: items.length, mapped, notMapped, accounted: share(mapped + notMapped, items.length) };
}

function share(n: number, of: number): number {
	return of ? n / of : 0;
}
