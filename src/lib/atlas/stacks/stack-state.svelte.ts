/**
 * The seat stacks of what is on the map now, and which one has its member list open. Held by the atlas controller,
 * read by the deck.gl layers, the map's click handling and the list itself.
 */
import type { PlanMapFeature } from '$lib/data/plan-data';
import { seatStacks, stackOf, type SeatStack } from './seat-stacks';

export class SeatStackState {
	/** Key of the stack whose member list is open, or null. */
	openKey = $state<string | null>(null);
	private readonly source: () => { points: PlanMapFeature[]; matching: Set<string> | null };
	/** Stacks of the visible points, and the points drawn one by one. */
	readonly grouped = $derived.by(() => {
		const { points, matching } = this.source();
		return seatStacks(points, matching);
	});
	/** The open stack, while it is still on the map (a layer switched off closes it). */
	readonly open = $derived(this.grouped.stacks.find((s) => s.key === this.openKey) ?? null);

	constructor(source: () => { points: PlanMapFeature[]; matching: Set<string> | null }) {
		this.source = source;
	}

	toggle(key: string | null): void {
		this.openKey = this.openKey === key ? null : key;
	}

	/** The stack a feature stands in, if any. */
	of(id: string | null): SeatStack | undefined {
		return stackOf(this.grouped.stacks, id);
	}
}
