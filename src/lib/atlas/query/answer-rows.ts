/**
 * What a spatial answer lists, exports and highlights: its rows (features with km or relation), a file name for the
 * export, and hits in the shape `summariseByKind` groups. Pure functions.
 */
import type { PlanFeature } from '$lib/data/plan-data';
import type { ExportRow } from '$lib/geo/export-results';
import type { AreaHit } from '$lib/geo/features-in-area';
import type { SpatialAnswer } from '../atlas-controller.svelte';

/** The features an answer lists (for at: the nearest of each kind). */
export function answerRows(answer: SpatialAnswer | null): ExportRow[] {
	switch (answer?.question) {
		case 'at':
			return answer.result.nearest;
		case 'near':
		case 'inside':
			return answer.hits;
		default:
			return [];
	}
}

/** Parts of the export file name: `near-<id>-20km`, `here-101.9556-30.0013`, `inside-12`. */
export function answerFileParts(answer: SpatialAnswer): (string | number)[] {
	switch (answer.question) {
		case 'at':
			return ['here', answer.result.point[0].toFixed(4), answer.result.point[1].toFixed(4)];
		case 'near':
			return ['near', answer.id, `${answer.km}km`];
		case 'inside':
			return ['inside', `${answer.hits.length}-features`];
		default:
			return [answer.question];
	}
}

/** Rows as hits for summariseByKind: a near hit lies wholly within the distance, so its capacity is summed — unless
 * it only possibly answers (a seat stand-in), when it is listed but never summed. */
export function rowsAsAreaHits(rows: ExportRow[], lookup: (id: string) => PlanFeature | undefined): AreaHit[] {
	return rows.flatMap((row) => {
		const feature = lookup(row.id);
		const relation = row.relation === 'intersects' ? 'intersects' : 'inside';
		const certainty = row.certainty === 'possible' ? 'possible' : 'certain';
		return feature ? [{ feature, relation, certainty } as AreaHit] : [];
	});
}
