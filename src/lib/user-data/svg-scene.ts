/**
 * The users' visible layers as the SVG renderer draws them (src/lib/svg-map/render-user.ts): the same colours, styles
 * by column, region shading and cells as the live map's (point-view.ts, region-style.ts), at the view's zoom. Pure
 * apart from point-view's caches; used by the map without WebGL and by the vector exports.
 */
import type { SvgUserLayer } from '$lib/svg-map/render-user';
import { NO_STYLE, pointDeckInput } from './point-view';
import type { PointStyle } from './point-style';
import { regionShading } from './region-style';
import type { UserEntry } from './user-data-store.svelte';

/** Regions first, then shapes, then points, each in the order added: points stay on top, as deck.gl's on the live map. */
const ORDER = { regions: 0, shapes: 1, points: 2 } as const;

export function userSvgLayers(
	entries: readonly Pick<UserEntry, 'layer' | 'visible' | 'color'>[],
	styles: Readonly<Record<string, PointStyle>>,
	zoom: number
): SvgUserLayer[] {
	return entries
		.filter((e) => e.visible)
		.sort((a, b) => ORDER[a.layer.kind] - ORDER[b.layer.kind])
		.map((e): SvgUserLayer => {
			const layer = e.layer;
			if (layer.kind === 'regions')
				return { kind: 'regions', id: layer.id, level: layer.level, colors: regionShading(layer).colors };
			if (layer.kind === 'shapes')
				return { kind: 'shapes', id: layer.id, geometries: layer.geometries, color: e.color };
			return { kind: 'points', ...pointDeckInput(layer, e.color, styles[layer.id] ?? NO_STYLE, zoom) };
		});
}
