/**
 * What the map shows for a spatial answer: the buffer around a "near" feature, the features listed (highlighted),
 * and a marker where "what is here" was asked. Pure: answer in, GeoJSON out.
 */
import { buffer } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import type { SpatialAnswer } from '../atlas-controller.svelte';
import { answerRows } from './answer-rows';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** "What is here" highlights only the nearest features this close; farther ones would pull the eye across the map. */
const HERE_HIGHLIGHT_KM = 50;

export function queryOverlay(
	answer: SpatialAnswer | null,
	lookup: (id: string) => PlanFeature | undefined
): { buffer: FeatureCollection; hits: FeatureCollection; marker: FeatureCollection } {
	const hits: Feature[] = answerRows(answer)
		.filter((r) => answer?.question !== 'at' || (r.km ?? 0) < HERE_HIGHLIGHT_KM)
		.flatMap((r) => {
			const f = lookup(r.id);
			return f && f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon'
				? [{ type: 'Feature', properties: { id: r.id }, geometry: f.geometry } as Feature]
				: [];
		});
	let zone: FeatureCollection = EMPTY;
	if (answer?.question === 'near') {
		const source = lookup(answer.id);
		const b = source && buffer(source, answer.km, { units: 'kilometers' });
		if (b) zone = { type: 'FeatureCollection', features: [b as Feature] };
	}
	const marker: FeatureCollection =
		answer?.question === 'at'
			? {
					type: 'FeatureCollection',
					features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: answer.result.point } }]
				}
			: EMPTY;
	return { buffer: zone, hits: { type: 'FeatureCollection', features: hits }, marker };
}
