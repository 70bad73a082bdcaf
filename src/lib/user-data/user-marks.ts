/**
 * How users' layers look on every map: the live map (deck-layers.ts, map-layers.ts) and the SVG renderer
 * (src/lib/svg-map/render-user.ts) draw them with these sizes and opacities. Plain values, no drawing code.
 */

/** Point radius, px: small enough that thousands of points stay apart at province zoom. */
export const POINT_RADIUS_PX = 3.5;
/** A point's alpha in one colour (0–255), and its opacity when coloured by a column. */
export const POINT_ALPHA = 220;
export const STYLED_POINT_OPACITY = 0.9;
/** Light enough to see the plan's areas and the base map through a user's zone. */
export const SHAPE_FILL_OPACITY = 0.22;
/** Outline width, px: reads over county lines (1 px) without hiding them. */
export const SHAPE_LINE_WIDTH_PX = 2;
/** Opaque enough to read the ramp, light enough to see the plan's areas through it. */
export const REGION_FILL_OPACITY = 0.72;
/** Alpha of the emptiest and the fullest cell (log scale between). */
const CELL_ALPHA: [number, number] = [50, 235];

/** A cell's alpha (0–255): log of its count over the fullest cell's. */
export function cellAlpha(count: number, max: number): number {
	const t = max > 1 ? Math.log(count) / Math.log(max) : 1;
	return Math.round(CELL_ALPHA[0] + t * (CELL_ALPHA[1] - CELL_ALPHA[0]));
}
