/**
 * Seat stacks: plan points the plan places only at a county or prefecture seat, drawn at exactly the same position —
 * dozens of features can stand in at one seat. Drawn one on another, only the top one could
 * be clicked; instead each stack is one mark with a count, opening a list of its members. No position is invented:
 * members are never spread out on the map. Pure, no DOM.
 */
import type { Position } from 'geojson';
import type { PlanMapFeature } from '$lib/data/plan-data';
import { SEAT_PRECISIONS } from '$lib/geo/seat-placement';
import { kindRank } from '../plan/map-features';

/** Fewer features than this at one position are drawn as they are. */
export const MIN_STACK = 2;

export interface SeatStack {
	/** Stable id: the position, `lng,lat`. */
	key: string;
	position: Position;
	/** Member ids, most important kind first, then by Chinese name. */
	members: string[];
	/** Members the industry filter matches (all when there is no filter). */
	matching: number;
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;
const collator = new Intl.Collator('zh');

/** Points the plan places only at a county or prefecture seat (exactly placed sites and towns are drawn as they are:
 * a park and the projects in it may share a site, and the park is what a click there should find). */
const standsIn = (f: PlanMapFeature) => SEAT_PRECISIONS.includes(f.properties.location?.precision as never);

/**
 * Groups visible seat-placed points by exact position; positions with at least MIN_STACK of them form stacks.
 * `matching` is the industry filter's set (null: no filter). Returns the stacks and the points left to draw one by one.
 */
export function seatStacks(
	points: PlanMapFeature[],
	matching: Set<string> | null
): { stacks: SeatStack[]; singles: PlanMapFeature[] } {
	const byPosition = new Map<string, PlanMapFeature[]>();
	const singles: PlanMapFeature[] = [];
	for (const f of points) {
		if (f.geometry.type !== 'Point') continue;
		if (!standsIn(f)) {
			singles.push(f);
			continue;
		}
		const key = keyOf(f.geometry.coordinates);
		const list = byPosition.get(key);
		if (list) list.push(f);
		else byPosition.set(key, [f]);
	}
	const stacks: SeatStack[] = [];
	for (const [key, list] of byPosition) {
		if (list.length < MIN_STACK) {
			singles.push(...list);
			continue;
		}
		const members = [...list].sort(
			(a, b) =>
				kindRank(a.properties.kind) - kindRank(b.properties.kind) ||
				collator.compare(a.properties.name_zh, b.properties.name_zh)
		);
		stacks.push({
			key,
			position: (list[0].geometry as GeoJSON.Point).coordinates,
			members: members.map((f) => f.properties.id),
			matching: matching ? members.filter((f) => matching.has(f.properties.id)).length : members.length
		});
	}
	return { stacks, singles };
}

/** The count a stack's mark shows: all members, or "matching/all" while the industry filter is on. */
export function stackLabel(stack: SeatStack, filtering: boolean): string {
	return filtering ? `${stack.matching}/${stack.members.length}` : String(stack.members.length);
}

/** The stack holding a feature, if any. */
export function stackOf(stacks: SeatStack[], id: string | null): SeatStack | undefined {
	return id ? stacks.find((s) => s.members.includes(id)) : undefined;
}
