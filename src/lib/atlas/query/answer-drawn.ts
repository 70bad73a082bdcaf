/** A shape finished on the map, answered as its tool asks: measured (its length or area), or asked what lies inside.
 * The live map's drawing (DrawControl, terra-draw) and the map without WebGL (SvgMap) both end here. */
import type { LineString, Polygon } from 'geojson';
import type { AtlasController } from '../atlas-controller.svelte';

export async function answerDrawn(atlas: AtlasController, g: Polygon | LineString): Promise<void> {
	if (atlas.tool === 'measure') {
		// The geodesic library loads with the first measurement, not with the page.
		const { lineLengthKm, polygonAreaKm2 } = await import('$lib/geo/measure');
		atlas.answer =
			g.type === 'LineString'
				? { question: 'measure', lengthKm: lineLengthKm(g.coordinates) }
				: { question: 'measure', ...polygonAreaKm2(g.coordinates) };
	} else if (atlas.tool === 'area' && g.type === 'Polygon') {
		await atlas.askInside({ type: 'Feature', properties: {}, geometry: g });
	}
}
