/**
 * Loads the published tours (static/data/tours.json) and turns a tour step into the atlas state it shows.
 */
import { AtlasDataError, fetchJson } from '$lib/data/errors';
import { formatIssues } from '$lib/data/zod';
import type { StatePatch } from '../state';
import { toursFileSchema, type Tour, type TourStep } from './tour-schema';

export async function loadTours(dataRoot: string, fetcher: typeof fetch = fetch): Promise<Tour[]> {
	const url = `${dataRoot}/tours.json`;
	const parsed = toursFileSchema.safeParse(await fetchJson<unknown>(url, fetcher));
	if (!parsed.success) throw new AtlasDataError(`${url}: ${formatIssues(parsed.error.issues)}`, url);
	return parsed.data.tours;
}

/** Tour views are framed for a 1280×800 screen; a smaller one zooms out so the same ground stays in view. */
export const TOUR_FRAME = { width: 1280, height: 800 };

export function stepZoom(step: TourStep, width: number, height: number): number {
	const fit = Math.log2(Math.min(width / TOUR_FRAME.width, height / TOUR_FRAME.height, 1));
	return Math.round((step.view.zoom + fit) * 100) / 100;
}

/** The state a step shows, for a map of the given size. */
export function stepPatch(step: TourStep, width = TOUR_FRAME.width, height = TOUR_FRAME.height): StatePatch {
	return {
		view: { center: step.view.center, zoom: stepZoom(step, width, height), bearing: 0, pitch: 0 },
		layers: step.layers,
		selected: step.selected,
		filter: step.filter
	};
}
