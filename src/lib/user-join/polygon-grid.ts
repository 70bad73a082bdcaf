/**
 * Which of a set of polygons holds a position, answered from a grid for all but the cells a boundary crosses. Pure,
 * no DOM.
 *
 * The grid covers the polygons' bbox in square cells of `step` degrees. A cell that no boundary segment touches lies
 * wholly on one side of every boundary, so one test at its centre (a scanline fill of each polygon, even-odd over a
 * polygon's rings) answers for every position in it: the polygon's number, or OUTSIDE. A cell a segment's bbox meets
 * (grown by EDGE_EPS, so a point on a cell's side counts for both cells) is MIXED, and so is a cell two polygons both
 * claim: there the caller asks its exact test. The answer is therefore the exact test's wherever the grid answers —
 * the property `polygon-grid.test.ts` checks.
 */
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';

/** No polygon holds any position of the cell. */
export const OUTSIDE = -1;
/** A boundary crosses the cell (or two polygons overlap there): ask the exact test. */
export const MIXED = -2;
/** Polygons a grid can number (its cells are 16-bit). */
const MAX_POLYGONS = 32_000;
/** Degrees a segment's bbox is grown by when marking the cells it touches. */
const EDGE_EPS = 1e-9;

export interface PolygonGrid {
	x0: number;
	y0: number;
	step: number;
	cols: number;
	rows: number;
	/** Per cell (row-major from the south-west): a polygon's number, OUTSIDE or MIXED. */
	cells: Int16Array;
}

/** The polygons' joint bbox. */
function boxOf(polygons: (Polygon | MultiPolygon)[]): BBox {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const g of polygons)
		for (const ring of ringsOf(g))
			for (const [x, y] of ring) {
				if (x < x0) x0 = x;
				if (y < y0) y0 = y;
				if (x > x1) x1 = x;
				if (y > y1) y1 = y;
			}
	return [x0, y0, x1, y1];
}

/** A polygon's parts, each its outer ring and holes. */
const partsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const ringsOf = (g: Polygon | MultiPolygon): Position[][] => partsOf(g).flat();

export function buildPolygonGrid(polygons: (Polygon | MultiPolygon | null)[], step: number): PolygonGrid {
	const usable = polygons.filter((g): g is Polygon | MultiPolygon => !!g);
	const [bx0, by0, bx1, by1] = usable.length ? boxOf(usable) : [0, 0, 0, 0];
	const x0 = bx0 - step;
	const y0 = by0 - step;
	const cols = Math.max(1, Math.ceil((bx1 - x0) / step) + 1);
	const rows = Math.max(1, Math.ceil((by1 - y0) / step) + 1);
	if (polygons.length > MAX_POLYGONS) throw new Error(`a polygon grid holds at most ${MAX_POLYGONS} polygons`);
	const cells = new Int16Array(cols * rows).fill(OUTSIDE);
	const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - x0) / step)));
	const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - y0) / step)));
	const centreY = (r: number) => y0 + (r + 0.5) * step;

	// Centres inside each polygon: a scanline fill per part (a part's rings even-odd: its outer ring less its holes).
	polygons.forEach((g, k) => {
		if (!g) return;
		for (const part of partsOf(g)) {
			const crossings = new Map<number, number[]>();
			for (const ring of part) {
				for (let i = 1; i < ring.length; i++) {
					const [ax, ay] = ring[i - 1];
					const [bx, by] = ring[i];
					if (ay === by) continue;
					const [lo, hi] = ay < by ? [ay, by] : [by, ay];
					// rows whose centre line y satisfies lo <= y < hi (the half-open rule counts a vertex once)
					for (let r = Math.max(0, Math.ceil((lo - y0) / step - 0.5)); r < rows; r++) {
						const y = centreY(r);
						if (y >= hi) break;
						if (y < lo) continue;
						const x = ax + ((y - ay) * (bx - ax)) / (by - ay);
						const list = crossings.get(r);
						if (list) list.push(x);
						else crossings.set(r, [x]);
					}
				}
			}
			for (const [r, xs] of crossings) {
				xs.sort((a, b) => a - b);
				for (let i = 0; i + 1 < xs.length; i += 2) {
					// cells whose centre x lies in [xs[i], xs[i+1]]
					const c0 = Math.max(0, Math.ceil((xs[i] - x0) / step - 0.5));
					const c1 = Math.min(cols - 1, Math.floor((xs[i + 1] - x0) / step - 0.5));
					for (let c = c0; c <= c1; c++) {
						const at = r * cols + c;
						cells[at] = cells[at] === OUTSIDE || cells[at] === k ? k : MIXED;
					}
				}
			}
		}
	});

	// Cells a boundary touches answer nothing by their centre.
	for (const g of usable) {
		for (const ring of ringsOf(g)) {
			for (let i = 1; i < ring.length; i++) {
				const [ax, ay] = ring[i - 1];
				const [bx, by] = ring[i];
				const [c0, c1] = [col(Math.min(ax, bx) - EDGE_EPS), col(Math.max(ax, bx) + EDGE_EPS)];
				const [r0, r1] = [row(Math.min(ay, by) - EDGE_EPS), row(Math.max(ay, by) + EDGE_EPS)];
				for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c] = MIXED;
			}
		}
	}
	return { x0, y0, step, cols, rows, cells };
}

/** The polygon holding (x, y) by the grid: its number, OUTSIDE, or MIXED (ask the exact test). */
export function gridAt(grid: PolygonGrid, x: number, y: number): number {
	const c = Math.floor((x - grid.x0) / grid.step);
	const r = Math.floor((y - grid.y0) / grid.step);
	if (!(c >= 0 && c < grid.cols && r >= 0 && r < grid.rows)) return OUTSIDE;
	return grid.cells[r * grid.cols + c];
}

/** The grid's cell index of (x, y), or -1 outside the grid. */
export function cellOf(grid: Pick<PolygonGrid, 'x0' | 'y0' | 'step' | 'cols' | 'rows'>, x: number, y: number): number {
	const c = Math.floor((x - grid.x0) / grid.step);
	const r = Math.floor((y - grid.y0) / grid.step);
	return c >= 0 && c < grid.cols && r >= 0 && r < grid.rows ? r * grid.cols + c : -1;
}
