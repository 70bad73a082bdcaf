/**
 * Users' own layers in the SVG renderer (render-svg.ts), drawn as the live map draws them: a table by region as a
 * choropleth on the counties or prefectures it names (beneath the county lines), shapes as a translucent fill and an
 * outline, points as white-ringed dots (coloured and sized by column when the reader chose so) or, where the live map
 * counts them in screen cells, as those cells. Only what lies in the view is written, and a view holding more points
 * than an SVG can carry draws their cells instead. Pure: view + layers → SVG text, and the pick of a point under a
 * click (the SVG has one path per colour, not an element per point).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { binPoints, mercX, mercY, type Binned } from '$lib/user-data/binning';
import { project, TILE_SIZE, unmercator, unproject, type SvgView } from './web-mercator';
import { RADIUS_RANGE } from '$lib/user-data/point-style';
import {
	cellAlpha,
	POINT_ALPHA,
	POINT_RADIUS_PX as USER_POINT_RADIUS_PX,
	REGION_FILL_OPACITY,
	SHAPE_FILL_OPACITY,
	SHAPE_LINE_WIDTH_PX,
	STYLED_POINT_OPACITY
} from '$lib/user-data/user-marks';
import { escapeXml, fmt, NON_SCALING } from './xml';
import type { DecodedTile } from '$lib/user-tiles/svg-tiles';
import { regionFillSvg } from './render-overlays';

type Rgb = readonly [number, number, number];

export interface SvgUserPoints {
	kind: 'points';
	id: string;
	/** WGS84 longitude, latitude of each row, interleaved. */
	positions: ArrayLike<number>;
	color: Rgb;
	/** RGB per point, when coloured by a column. */
	colors?: ArrayLike<number> | null;
	/** Radius per point (px), when sized by a column. */
	radii?: ArrayLike<number> | null;
	/** The counts in screen cells, when the live map shows those at this zoom. */
	cells?: Binned | null;
}
export interface SvgUserRegions {
	kind: 'regions';
	id: string;
	level: 'county' | 'prefecture';
	/** Fill colour of each place named (GB/T 2260 code → CSS colour). */
	colors: ReadonlyMap<string, string>;
}
export interface SvgUserShapes {
	kind: 'shapes';
	id: string;
	/** One geometry per row (row index = position). */
	geometries: readonly (Geometry | null)[];
	color: Rgb;
}
export interface SvgUserTiles {
	kind: 'tiles';
	id: string;
	color: string;
	/** The archive's decoded tiles covering the view (src/lib/user-tiles/svg-tiles.ts). */
	tiles: readonly DecodedTile[];
}
export type SvgUserLayer = SvgUserPoints | SvgUserRegions | SvgUserShapes | SvgUserTiles;

/** The largest dot a size by column draws, px. */
const MAX_RADIUS_PX = Math.max(USER_POINT_RADIUS_PX, RADIUS_RANGE[1]);
/** More points than this in the view are counted in cells: each point costs ~14 bytes of path and the page redraws
 * the SVG after every pan; 20 000 keeps a redraw under ~300 KB of markup. */
export const SVG_POINTS_MAX = 20_000;
/** Points up to this far beyond the view are drawn (a dot on the edge is whole). */
const EDGE_PX = 16;

const css = (c: Rgb | ArrayLike<number>) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** Screen x, y of a longitude/latitude in the view, without an array per point. */
function screenOf(view: SvgView) {
	const world = TILE_SIZE * 2 ** view.zoom;
	const cx = mercX(view.center[0]) * world - view.width / 2;
	const cy = mercY(view.center[1]) * world - view.height / 2;
	return {
		x: (lon: number) => mercX(lon) * world - cx,
		y: (lat: number) => mercY(lat) * world - cy
	};
}

/** The longitude/latitude box of a screen box (px in the view): points are tested against it with two comparisons
 * each, before any projection (a layer may hold a million). */
function lonLatBox(view: SvgView, [x0, y0, x1, y1]: readonly number[]) {
	const [west, north] = unproject(view, [x0, y0]);
	const [east, south] = unproject(view, [x1, y1]);
	return { west, south, east, north };
}
const inBox = (b: ReturnType<typeof lonLatBox>, lon: number, lat: number) =>
	lon >= b.west && lon <= b.east && lat >= b.south && lat <= b.north;
const viewBox = (view: SvgView) => lonLatBox(view, [-EDGE_PX, -EDGE_PX, view.width + EDGE_PX, view.height + EDGE_PX]);

const binCache = new WeakMap<object, Map<number, Binned>>();
function binnedAt(layer: SvgUserPoints, zoom: number): Binned {
	const key = layer.positions as object;
	let m = binCache.get(key);
	if (!m) binCache.set(key, (m = new Map()));
	const z = Math.floor(zoom);
	let b = m.get(z);
	if (!b) m.set(z, (b = binPoints(layer.positions, z)));
	return b;
}

/** How a point layer is drawn in this view: its cells (the live map's, or counted here when the view holds more
 * points than an SVG carries), or its points one by one. */
export function userPointsDrawing(layer: SvgUserPoints, view: SvgView): { cells: Binned } | { points: number } {
	if (layer.cells) return { cells: layer.cells };
	// the same view asks again on every pointer move (picking): a million points are counted once per view
	const key = layer.positions as object;
	const last = drawingCache.get(key);
	if (last?.view === view) return last.how;
	const how = countInView(layer, view);
	drawingCache.set(key, { view, how });
	return how;
}
const drawingCache = new WeakMap<object, { view: SvgView; how: { cells: Binned } | { points: number } }>();

function countInView(layer: SvgUserPoints, view: SvgView): { cells: Binned } | { points: number } {
	const b = viewBox(view);
	const p = layer.positions;
	let n = 0;
	for (let i = 0; i < p.length; i += 2) if (inBox(b, p[i], p[i + 1])) n++;
	return n > SVG_POINTS_MAX ? { cells: binnedAt(layer, view.zoom) } : { points: n };
}

function cellsSvg(layer: SvgUserPoints, cells: Binned, view: SvgView): string {
	const s = screenOf(view);
	const id = escapeXml(layer.id);
	const out: string[] = [];
	for (const c of cells.cells) {
		const x0 = s.x(c.polygon[0][0]);
		const y0 = s.y(c.polygon[0][1]);
		const x1 = s.x(c.polygon[2][0]);
		const y1 = s.y(c.polygon[2][1]);
		const [l, r] = x0 < x1 ? [x0, x1] : [x1, x0];
		const [t, b] = y0 < y1 ? [y0, y1] : [y1, y0];
		if (r < 0 || b < 0 || l > view.width || t > view.height) continue;
		out.push(
			`<rect data-user-cell="${id}" data-count="${c.count}" x="${fmt(l)}" y="${fmt(t)}" width="${fmt(r - l)}" height="${fmt(b - t)}" fill-opacity="${fmt3(cellAlpha(c.count, cells.max) / 255)}"/>`
		);
	}
	return out.length ? `<g data-user-cells="${id}" fill="${css(layer.color)}">${out.join('')}</g>` : '';
}
const fmt3 = (n: number) => String(Math.round(n * 1000) / 1000);

const DOT = `stroke-linecap="round" ${NON_SCALING}`;
/** The white ring, px: as deck.gl's 1 px outline, centred on the dot's radius. */
const RING_PX = 1;

function pointsSvg(layer: SvgUserPoints, view: SvgView): string {
	const s = screenOf(view);
	const b = viewBox(view);
	const p = layer.positions;
	// One path per colour and size: each point a zero-length, round-capped stroke ("M x y h0").
	const groups = new Map<string, { color: string; r: number; d: string[] }>();
	for (let i = 0, k = 0; i < p.length; i += 2, k++) {
		if (!inBox(b, p[i], p[i + 1])) continue;
		const x = s.x(p[i]);
		const y = s.y(p[i + 1]);
		const color = layer.colors ? css([layer.colors[3 * k], layer.colors[3 * k + 1], layer.colors[3 * k + 2]]) : '';
		const r = layer.radii ? Math.round(layer.radii[k] * 2) / 2 : USER_POINT_RADIUS_PX;
		const key = `${color}|${r}`;
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { color: color || css(layer.color), r, d: [] }));
		g.d.push(`M${fmt(x)} ${fmt(y)}h0`);
	}
	if (!groups.size) return '';
	const opacity = fmt3(layer.colors ? STYLED_POINT_OPACITY : POINT_ALPHA / 255);
	// Larger dots first, so small ones stay visible on top of them.
	const ordered = [...groups.values()].sort((a, b) => b.r - a.r);
	// The path is written twice (a white ring, then the colour) rather than defined once and `<use>`d: Chromium kept
	// drawing an earlier path through a `<use>` whose target was replaced under the same id, and export readers (PDF,
	// PowerPoint) handle plain paths best.
	const parts = ordered.map((g) => {
		const d = g.d.join('');
		return (
			`<path d="${d}" stroke="#fff" stroke-opacity="0.9" stroke-width="${fmt(2 * g.r + RING_PX)}" ${DOT}/>` +
			`<path d="${d}" stroke="${g.color}" stroke-opacity="${opacity}" stroke-width="${fmt(2 * g.r - RING_PX)}" ${DOT}/>`
		);
	});
	return `<g data-user-points="${escapeXml(layer.id)}" fill="none">${parts.join('')}</g>`;
}

function shapesSvg(layer: SvgUserShapes, d: (g: Feature | FeatureCollection) => string): string {
	const id = escapeXml(layer.id);
	const color = css(layer.color);
	const out: string[] = [];
	layer.geometries.forEach((geometry, row) => {
		if (!geometry) return;
		const path = d({ type: 'Feature', properties: null, geometry });
		if (!path) return;
		const area = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
		out.push(
			`<path data-user-shape="${id}" data-row="${row}" d="${path}" fill="${area ? color : 'none'}"${area ? ` fill-opacity="${SHAPE_FILL_OPACITY}"` : ''}/>`
		);
	});
	return out.length
		? `<g data-user-layer="${id}" stroke="${color}" stroke-width="${SHAPE_LINE_WIDTH_PX}" stroke-linejoin="round" stroke-linecap="round">${out.join('')}</g>`
		: '';
}

/** The region tables' fills, for the base map's group (beneath the county lines, as on the live map). */
export function userRegionsSvg(
	layers: readonly SvgUserLayer[],
	places: { county: FeatureCollection; prefecture: FeatureCollection },
	d: (g: Feature) => string
): string {
	return layers
		.map((layer) =>
			layer.kind === 'regions'
				? regionFillSvg(
						{ level: layer.level, colors: layer.colors, opacity: REGION_FILL_OPACITY },
						places,
						d,
						`data-user-regions="${escapeXml(layer.id)}"`
					)
				: ''
		)
		.join('');
}

/** The shapes and points of the users' layers, in their order (later layers on top), for above the plan's marks and
 * beneath its labels. */
export function userLayersSvg(
	layers: readonly SvgUserLayer[],
	view: SvgView,
	d: (g: Feature | FeatureCollection) => string
): string {
	const out = layers.map((layer) => {
		if (layer.kind === 'shapes') return shapesSvg(layer, d);
		if (layer.kind !== 'points') return '';
		const how = userPointsDrawing(layer, view);
		return 'cells' in how ? cellsSvg(layer, how.cells, view) : pointsSvg(layer, view);
	});
	const body = out.join('');
	return body ? `<g id="layer-user-data">${body}</g>` : '';
}

/**
 * The user's point under a click at `at` (px in the view): of the layers drawn point by point, the topmost layer's
 * nearest point within its radius plus `slop` px, or null.
 */
export function pickUserPoint(
	layers: readonly SvgUserLayer[],
	view: SvgView,
	at: readonly [number, number],
	slop = 6
): { id: string; index: number } | null {
	const s = screenOf(view);
	for (let j = layers.length - 1; j >= 0; j--) {
		const layer = layers[j];
		if (layer.kind !== 'points' || 'cells' in userPointsDrawing(layer, view)) continue;
		const p = layer.positions;
		const reachMax = MAX_RADIUS_PX + slop;
		const near = lonLatBox(view, [at[0] - reachMax, at[1] - reachMax, at[0] + reachMax, at[1] + reachMax]);
		let best = -1;
		let bestD = Infinity;
		for (let i = 0, k = 0; i < p.length; i += 2, k++) {
			if (!inBox(near, p[i], p[i + 1])) continue;
			const dx = s.x(p[i]) - at[0];
			const dy = s.y(p[i + 1]) - at[1];
			const reach = (layer.radii ? layer.radii[k] : USER_POINT_RADIUS_PX) + slop;
			const dist = dx * dx + dy * dy;
			if (dist <= reach * reach && dist < bestD) {
				best = k;
				bestD = dist;
			}
		}
		if (best >= 0) return { id: layer.id, index: best };
	}
	return null;
}

/** An archive's style on the live map (src/lib/user-tiles/archive.ts styleLayersFor). */
const TILE_FILL_OPACITY = 0.3;
const TILE_LINE_PX = 1.5;

/** A path generator clipped to a screen rectangle [x0, y0, x1, y1] (render-svg.ts makes it). */
export type ClippedPath = (
	rect: readonly [number, number, number, number]
) => (g: Feature | FeatureCollection) => string;

/**
 * The reader's PMTiles archives (drawn beneath the plan, as on the live map, where they sit under the labels): each
 * tile's features clipped to the tile, so areas that cross tiles are filled once and outlined without tile seams
 * (outlines are drawn from the rings as lines). Elements carry `data-tile` (the archive) and `data-tile-ref`
 * ("tile/layer/feature" indexes into `tiles`), which a click reads back.
 */
export function userTilesSvg(layers: readonly SvgUserLayer[], view: SvgView, clipped: ClippedPath): string {
	const out: string[] = [];
	for (const layer of layers) {
		if (layer.kind !== 'tiles') continue;
		const id = escapeXml(layer.id);
		const color = escapeXml(layer.color);
		const parts: string[] = [];
		layer.tiles.forEach((tile, t) => {
			const n = 2 ** tile.z;
			const [x0, y0] = project(view, unmercator([tile.x / n, tile.y / n]));
			const [x1, y1] = project(view, unmercator([(tile.x + 1) / n, (tile.y + 1) / n]));
			if (x1 < 0 || y1 < 0 || x0 > view.width || y0 > view.height) return;
			// clipped to the tile, and to the view with a margin (a tile past the archive's deepest zoom may span screens)
			const m = EDGE_PX * 4;
			const d = clipped([
				Math.max(x0, -m),
				Math.max(y0, -m),
				Math.min(x1, view.width + m),
				Math.min(y1, view.height + m)
			]);
			tile.layers.forEach((l, li) =>
				l.features.forEach((f, fi) => {
					const g = f.geometry;
					if (!g) return;
					const attrs = `data-tile="${id}" data-tile-ref="${t}/${li}/${fi}"`;
					if (g.type === 'Point' || g.type === 'MultiPoint') {
						const points = g.type === 'Point' ? [g.coordinates] : g.coordinates;
						for (const p of points) {
							const [x, y] = project(view, p);
							// a point in a tile's buffer belongs to the next tile, which draws it
							if (x < x0 || x >= x1 || y < y0 || y >= y1) continue;
							parts.push(
								`<circle ${attrs} cx="${fmt(x)}" cy="${fmt(y)}" r="${USER_POINT_RADIUS_PX}" fill="${color}" stroke="#fff" stroke-width="1"/>`
							);
						}
					} else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
						const fill = d(f);
						const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
						const edge = d({
							type: 'Feature',
							properties: null,
							geometry: { type: 'MultiLineString', coordinates: rings }
						});
						if (fill) parts.push(`<path ${attrs} d="${fill}" fill="${color}" fill-opacity="${TILE_FILL_OPACITY}"/>`);
						if (edge)
							parts.push(`<path ${attrs} d="${edge}" fill="none" stroke="${color}" stroke-width="${TILE_LINE_PX}"/>`);
					} else {
						const line = d(f);
						if (line)
							parts.push(`<path ${attrs} d="${line}" fill="none" stroke="${color}" stroke-width="${TILE_LINE_PX}"/>`);
					}
				})
			);
		});
		if (parts.length)
			out.push(`<g data-tiles-layer="${id}" stroke-linejoin="round" stroke-linecap="round">${parts.join('')}</g>`);
	}
	return out.length ? `<g id="layer-user-tiles">${out.join('')}</g>` : '';
}
