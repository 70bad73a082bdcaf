/**
 * What the SVG renderer draws over the plan for one view of the atlas, beside the base map and the plan: the reader's
 * layers (PMTiles archives read for this view, tables, shapes, points), the lens's shading and the spatial answer with
 * its shape. The PNG capture of the map without WebGL and the vector exports both take it from here; the map itself
 * keeps the same parts in reactive state (SvgMap.svelte).
 */
import type { Geometry } from 'geojson';
import { AtlasController } from '$lib/atlas/atlas-controller.svelte';
import { userSvgLayers } from '$lib/user-data/svg-scene';
import { lensShading, queryShown } from './answer-overlays';
import type { SvgMapInput } from './render-svg';
import type { SvgView } from './web-mercator';

export async function viewExtras(
	atlas: AtlasController,
	view: SvgView,
	/** The shape to draw with the answer: the one asked about by default. */
	drawn: Geometry | null = atlas.drawn
): Promise<Pick<SvgMapInput, 'user' | 'lens' | 'query'>> {
	const answer = atlas.answer;
	// npm pmtiles and turf's buffer load only when an archive or an answer is there
	const [tiles, answered] = await Promise.all([
		atlas.userTiles.entries.some((e) => e.visible)
			? import('$lib/user-tiles/svg-tiles').then((m) => m.tileLayersFor(atlas.userTiles.entries, view))
			: [],
		answer
			? import('$lib/atlas/query/query-overlay').then((m) => m.queryOverlay(answer, (id) => atlas.feature(id)))
			: null
	]);
	return {
		user: [...tiles, ...userSvgLayers(atlas.userData.entries, atlas.userData.styles, view.zoom)],
		lens: atlas.lens ? lensShading(atlas.lensRows, view.zoom, AtlasController.PROVINCE_ZOOM) : null,
		query: queryShown(answered, drawn)
	};
}
