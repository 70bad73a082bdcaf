/**
 * The spatial questions asked of the reader's point layers (./questions.ts) for the UI: the answer shown in the
 * spatial-questions card, and what the map highlights (the points listed; for "near my point", the point and its
 * buffer). The answer is plain data; a refusal becomes a message, never an exception.
 */
import type { DistanceHit } from '$lib/geo/spatial-index';
import type { UserDataStore } from '$lib/user-data/user-data-store.svelte';
import type { PointNear, RegionCount } from './questions';

export type UserAnswer =
	| { question: 'near-parks'; layerId: string; km: number; rows: PointNear[] }
	| { question: 'per-region'; layerId: string; counts: RegionCount[]; outside: number; total: number }
	| { question: 'near-point'; layerId: string; index: number; row: number; km: number; hits: DistanceHit[] }
	| { question: 'error'; message: string };

/** A point layer of more rows than this is asked in the join's workers (src/lib/user-join), not on the page. */
export const ASK_HERE_UP_TO = 5000;

/** Points highlighted on the map at most (the list and the export have them all). */
export const MAX_HIGHLIGHTED = 5000;

export class UserQuestionStore {
	answer = $state.raw<UserAnswer | null>(null);
	km = $state(10);
	/** Share (0–1) of a large layer's points asked so far while the join's workers answer, else null. */
	asking = $state.raw<number | null>(null);

	constructor(private data: UserDataStore) {}

	private async point(layerId: string) {
		const entry = this.data.entry(layerId);
		if (!entry || entry.layer.kind !== 'points') throw new Error(`no point layer ${layerId}`);
		const [index, questions] = await Promise.all([this.data.spatialIndex(), import('./questions')]);
		return { layer: entry.layer, index, questions };
	}

	private async ask(question: () => Promise<UserAnswer>): Promise<void> {
		try {
			this.answer = await question();
		} catch (e) {
			this.answer = { question: 'error', message: (e as Error).message };
		}
	}

	/** "My points within km of a planned park or zone": a large layer's points asked in the join's workers (the same
	 * answers, the page free meanwhile), a small one's here. */
	askNearParks(layerId: string, km = this.km): Promise<void> {
		return this.ask(async () => {
			const { layer, index, questions } = await this.point(layerId);
			if (layer.rows.length > ASK_HERE_UP_TO) {
				this.asking = 0;
				try {
					const near = await this.data.nearInWorkers(layer, km, questions.PARK_KINDS, (share) => (this.asking = share));
					if (near) {
						const { nearHitAt } = await import('$lib/user-join/near-points');
						return {
							question: 'near-parks',
							layerId,
							km,
							rows: questions.pointsNearFrom(layer, (i) => nearHitAt(near, i))
						};
					}
				} finally {
					this.asking = null;
				}
			}
			return { question: 'near-parks', layerId, km, rows: questions.pointsNearPlans(layer, index, km) };
		});
	}

	/** "How many of my points per economic region". */
	askPerRegion(layerId: string, name: (id: string) => { name_zh: string; name_en: string }): Promise<void> {
		return this.ask(async () => {
			const entry = this.data.entry(layerId);
			if (!entry) throw new Error(`no layer ${layerId}`);
			if (entry.layer.kind === 'shapes') throw new Error(`layer ${layerId} holds shapes, not points or regions`);
			const layer = entry.layer;
			const [places, questions] = await Promise.all([this.data.rowPlaces(layer), import('./questions')]);
			const { counts: list, outside } = questions.perRegion(layer, places, 'economic_region', name);
			return { question: 'per-region', layerId, counts: list, outside, total: entry.layer.rows.length };
		});
	}

	/** "Plan features within km of my point". */
	askNearPoint(layerId: string, i: number, km = this.km): Promise<void> {
		return this.ask(async () => {
			const { layer, index, questions } = await this.point(layerId);
			const hits = questions.plansNearPoint(layer, i, index, km);
			return { question: 'near-point', layerId, index: i, row: layer.rowNumbers[i], km, hits };
		});
	}

	clear(): void {
		this.answer = null;
	}

	/** WGS84 positions the map highlights for the answer, and the buffer's centre and radius for "near my point". */
	highlight(): { points: [number, number][]; buffer: { center: [number, number]; km: number } | null } {
		const a = this.answer;
		if (!a || a.question === 'error' || a.question === 'per-region') return { points: [], buffer: null };
		const entry = this.data.entry(a.layerId);
		if (!entry || entry.layer.kind !== 'points') return { points: [], buffer: null };
		const pos = entry.layer.positions;
		const at = (i: number): [number, number] => [pos[2 * i], pos[2 * i + 1]];
		if (a.question === 'near-point') return { points: [at(a.index)], buffer: { center: at(a.index), km: a.km } };
		return { points: a.rows.slice(0, MAX_HIGHLIGHTED).map((r) => at(r.index)), buffer: null };
	}
}
