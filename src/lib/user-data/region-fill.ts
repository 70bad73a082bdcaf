/**
 * What a shaded table by region gives the map: each place's colour, and the fill-color expression that paints it. Kept
 * apart from ./region-style.ts (which computes the colours with d3-scale-chromatic) so the map's layer sets
 * (./map-layers.ts, loaded with the first view) do not bring the colour ramps with them. Pure.
 */

export interface Shading {
	/** The column shaded, or null when rows are counted. */
	column: string | null;
	/** Value and colour per place code. */
	values: Map<string, number>;
	colors: Map<string, string>;
	min: number;
	max: number;
	/** The ramp's colours from min to max (for the legend). */
	ramp: string[];
}

/** A MapLibre fill-color expression giving each shaded code its colour (others transparent). */
export function fillColorExpression(shading: Shading): unknown[] | string {
	if (!shading.colors.size) return 'rgba(0,0,0,0)';
	return ['match', ['get', 'code'], ...[...shading.colors].flat(), 'rgba(0,0,0,0)'];
}
