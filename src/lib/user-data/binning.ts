/**
 * Counting a user's points in square screen cells for the low zooms, where a million points would be one smear and
 * cost a million draws: CPU binning in Web Mercator at whole zoom levels (a cell is CELL_PX on screen at that zoom),
 * drawn as a few thousand squares. Cheaper under software WebGL than deck.gl's GPU aggregation (no GPU here), and the
 * same counts in every browser. The hand-over zoom follows the points' density: points are drawn once they would
 * stand about HANDOVER_SPACING_PX apart on average over their extent (and always for MIN_AGGREGATED points or fewer). Pure, no DOM.
 */

/** A cell's side on screen, px. */
export const CELL_PX = 24;
/** Points are drawn from the zoom where they would stand this far apart on average, px. */
export const HANDOVER_SPACING_PX = 12;
/** MapLibre's world size at zoom 0, px. */
const TILE = 512;
/** The hand-over zoom is kept within the map's range. */
export const MAX_HANDOVER_ZOOM = 14;
/** A layer of this many points or fewer is always drawn point by point: a few points never need counting. */
export const MIN_AGGREGATED = 500;
/** An extent narrower than this (degrees) counts as this wide: a layer of one place is not infinitely dense. */
const MIN_SPAN_DEG = 0.005;

export const mercX = (lon: number) => (lon + 180) / 360;
export const mercY = (lat: number) => {
	const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
	return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

export interface Cell {
	/** The cell's corners, lon/lat, closed ring. */
	polygon: [number, number][];
	/** Its centre, lon/lat. */
	center: [number, number];
	count: number;
}

export interface Binned {
	zoom: number;
	cells: Cell[];
	/** The largest count of a cell. */
	max: number;
}

/** Interleaved lon/lat → the counts in CELL_PX cells at a whole zoom level (empty cells left out). */
export function binPoints(positions: ArrayLike<number>, zoom: number): Binned {
	const z = Math.max(0, Math.floor(zoom));
	const cellsPerWorld = (TILE * 2 ** z) / CELL_PX;
	const n = positions.length / 2;
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	const cx = new Int32Array(n);
	const cy = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const x = Math.floor(mercX(positions[2 * i]) * cellsPerWorld);
		const y = Math.floor(mercY(positions[2 * i + 1]) * cellsPerWorld);
		cx[i] = x;
		cy[i] = y;
		if (x < x0) x0 = x;
		if (x > x1) x1 = x;
		if (y < y0) y0 = y;
		if (y > y1) y1 = y;
	}
	if (!n) return { zoom: z, cells: [], max: 0 };
	const w = x1 - x0 + 1;
	const counts = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const k = (cy[i] - y0) * w + (cx[i] - x0);
		counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	let max = 0;
	const cells: Cell[] = [];
	for (const [k, count] of counts) {
		const gx = (k % w) + x0;
		const gy = Math.floor(k / w) + y0;
		const [wl, el] = [lonOf(gx / cellsPerWorld), lonOf((gx + 1) / cellsPerWorld)];
		const [nl, sl] = [latOf(gy / cellsPerWorld), latOf((gy + 1) / cellsPerWorld)];
		cells.push({
			polygon: [
				[wl, nl],
				[el, nl],
				[el, sl],
				[wl, sl],
				[wl, nl]
			],
			center: [(wl + el) / 2, latOf((gy + 0.5) / cellsPerWorld)],
			count
		});
		if (count > max) max = count;
	}
	return { zoom: z, cells, max };
}

/**
 * The zoom from which the points are drawn one by one: where n points spread evenly over their extent would stand
 * HANDOVER_SPACING_PX apart. Below it the map shows the cells' counts.
 */
export function handoverZoom(positions: ArrayLike<number>): number {
	const n = positions.length / 2;
	if (n <= MIN_AGGREGATED) return 0;
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < n; i++) {
		const lon = positions[2 * i];
		const lat = positions[2 * i + 1];
		if (lon < x0) x0 = lon;
		if (lon > x1) x1 = lon;
		if (lat < y0) y0 = lat;
		if (lat > y1) y1 = lat;
	}
	const pad = (a: number, b: number) =>
		b - a < MIN_SPAN_DEG ? [(a + b - MIN_SPAN_DEG) / 2, (a + b + MIN_SPAN_DEG) / 2] : [a, b];
	[x0, x1] = pad(x0, x1);
	[y0, y1] = pad(y0, y1);
	// the extent's area at zoom 0, px²
	const area = (mercX(x1) - mercX(x0)) * (mercY(y0) - mercY(y1)) * TILE * TILE;
	// n · spacing² = area · 4^z
	const z = 0.5 * Math.log2((n * HANDOVER_SPACING_PX * HANDOVER_SPACING_PX) / area);
	return Math.max(0, Math.min(MAX_HANDOVER_ZOOM, Math.ceil(z * 2) / 2));
}

/** Whether the map shows the cells' counts at this zoom. */
export const aggregatedAt = (zoom: number, handover: number) => zoom < handover;
