/**
 * Which plan points stand in at a seat: a point placed at a county seat stands for its county, at a prefecture seat
 * for its prefecture (see ./placement.ts for what answers make of that). Pure, no DOM.
 */
import type { PlanFeature } from '$lib/data/plan-data';

export type Certainty = 'certain' | 'possible';
/** Precisions that place a point at a seat, standing for the whole county or prefecture. */
export const SEAT_PRECISIONS = ['county', 'prefecture'] as const;

/** The county or prefecture polygon a seat-placed point stands for, looked up by code (undefined otherwise). */
export function placementUnit(f: PlanFeature): { level: 'county' | 'prefecture'; code: string } | undefined {
	const p = f.properties;
	if (f.geometry?.type !== 'Point') return undefined;
	if (p.location.precision === 'county' && p.county_code) return { level: 'county', code: p.county_code };
	if (p.location.precision === 'prefecture' && p.prefecture_code) {
		return { level: 'prefecture', code: p.prefecture_code };
	}
	return undefined;
}
