/**
 * Up to this zoom the overview geography (static/data/overview.topo.json) differs from the detailed outlines by less
 * than a pixel: scripts/base/overview.ts states its simplification at this zoom, and the map swaps in the detail at
 * once past it. The first camera is about 5.5 at 1280 × 800 and about 4 on a 390-pixel phone.
 */
export const OVERVIEW_MAX_ZOOM = 6;
