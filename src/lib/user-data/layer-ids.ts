/**
 * The light part of users' data that the page loads at once: map layer ids (picking reads them), coordinate systems,
 * layer colours, reading a number. The parsing and joining code loads with the first file (./core.ts).
 */

/** The deck.gl layer of a user's point layer. */
export const deckLayerId = (id: string) => `user-data-${id}`;
/** The deck.gl layer of a point layer's counts in cells (low zoom); not matched by userLayerOf. */
export const cellLayerId = (id: string) => `user-cells-${id}`;
/** The user layer whose cells a deck.gl layer draws, or null. */
export const userCellLayerOf = (layerId: string | undefined): string | null =>
	layerId?.startsWith('user-cells-') ? layerId.slice('user-cells-'.length) : null;
/** The MapLibre fill layer of a user's table by region. */
export const fillLayerId = (id: string) => `user-data-${id}-fill`;
/** The user layer a deck.gl layer id draws, or null for any other layer. */
export const userLayerOf = (layerId: string | undefined): string | null =>
	layerId?.startsWith('user-data-') ? layerId.slice('user-data-'.length) : null;

/** Coordinate systems a user's points may be in: WGS84 (GPS), GCJ-02 (most Chinese web maps), BD-09 (Baidu). */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/** Colours of successive user layers, apart from the plan palette's hues (dark enough to read on the pale base map). */
export const USER_COLORS: [number, number, number][] = [
	[31, 119, 180],
	[214, 39, 40],
	[148, 103, 189],
	[23, 190, 207],
	[140, 86, 75],
	[227, 119, 194]
];

/** A cell as a number ("104.06", " 30.5 ", "1e3"); NaN when it is not one. */
export function numberOf(cell: string): number {
	const t = cell.trim();
	return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
}
