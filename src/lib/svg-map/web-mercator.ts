/**
 * The camera of the SVG renderer: Web Mercator on MapLibre's 512 px world, so a view (centre, zoom, size) frames the
 * same ground as the live map does. North up and no tilt: the SVG map never rotates. Pure, no DOM.
 */
import { geoTransform, type GeoStreamWrapper } from 'd3-geo';

/** MapLibre's world is 512 px wide at zoom 0. */
export const TILE_SIZE = 512;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.051129;

export interface SvgView {
	center: [number, number];
	zoom: number;
	/** CSS px of the drawing. */
	width: number;
	height: number;
}

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

type Bounds = [[number, number], [number, number]];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const worldSize = (zoom: number) => TILE_SIZE * 2 ** zoom;

/** Mercator x, y in [0, 1] of the world square (y down), as MapLibre's MercatorCoordinate. */
export function mercator([lng, lat]: readonly number[]): [number, number] {
	const phi = (clamp(lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180;
	return [(lng + 180) / 360, (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + phi / 2))) / 360];
}

/** Longitude and latitude of a Mercator x, y in [0, 1]. */
export function unmercator([x, y]: readonly number[]): [number, number] {
	const y2 = 180 - y * 360;
	return [x * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90];
}

/** Screen px of a longitude/latitude in a view. */
export function project(view: SvgView, lngLat: readonly number[]): [number, number] {
	const size = worldSize(view.zoom);
	const [cx, cy] = mercator(view.center);
	const [x, y] = mercator(lngLat);
	return [(x - cx) * size + view.width / 2, (y - cy) * size + view.height / 2];
}

/** Longitude/latitude under a screen px of a view. */
export function unproject(view: SvgView, [px, py]: readonly number[]): [number, number] {
	const size = worldSize(view.zoom);
	const [cx, cy] = mercator(view.center);
	return unmercator([cx + (px - view.width / 2) / size, cy + (py - view.height / 2) / size]);
}

/**
 * A d3 stream transform drawing a view in screen px, planar (no spherical clipping or resampling: a ring's winding
 * order does not matter, as in MapLibre), for d3-geo's path generator.
 */
export function projectionFor(view: SvgView): GeoStreamWrapper {
	const size = worldSize(view.zoom);
	const [cx, cy] = mercator(view.center);
	const ox = view.width / 2 - cx * size;
	const oy = view.height / 2 - cy * size;
	return geoTransform({
		point(lng: number, lat: number) {
			const [x, y] = mercator([lng, lat]);
			this.stream.point(x * size + ox, y * size + oy);
		}
	});
}

/** The view's extent as [west, south, east, north]. */
export function viewBounds(view: SvgView): [number, number, number, number] {
	const [west, north] = unproject(view, [0, 0]);
	const [east, south] = unproject(view, [view.width, view.height]);
	return [west, south, east, north];
}

/**
 * The view that fits bounds into a size with padding, as MapLibre's `fitBounds` computes it: the largest zoom at
 * which the bounds fit the padded box (capped by maxZoom), centred in that box.
 */
export function fitView(
	bounds: Bounds,
	size: { width: number; height: number },
	{ padding = { top: 0, right: 0, bottom: 0, left: 0 }, maxZoom = 22, minZoom = 0 } = {} as {
		padding?: Padding | number;
		maxZoom?: number;
		minZoom?: number;
	}
): SvgView {
	const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
	const [x0, y1] = mercator(bounds[0]);
	const [x1, y0] = mercator(bounds[1]);
	const freeW = Math.max(1, size.width - p.left - p.right);
	const freeH = Math.max(1, size.height - p.top - p.bottom);
	const scale = Math.min(
		freeW / Math.max(1e-12, (x1 - x0) * TILE_SIZE),
		freeH / Math.max(1e-12, (y1 - y0) * TILE_SIZE)
	);
	const zoom = clamp(Math.log2(scale), minZoom, maxZoom);
	const ws = worldSize(zoom);
	// The bounds' centre sits in the middle of the padded box: shift the map's centre the other way.
	const mx = (x0 + x1) / 2 - (p.left - p.right) / 2 / ws;
	const my = (y0 + y1) / 2 - (p.top - p.bottom) / 2 / ws;
	return { center: unmercator([mx, my]), zoom, width: size.width, height: size.height };
}

/** The view moved by screen px (content follows the pointer: dragging right shows what is west). */
export function panView(view: SvgView, dx: number, dy: number): SvgView {
	return { ...view, center: unproject(view, [view.width / 2 - dx, view.height / 2 - dy]) };
}

/** The view zoomed by `delta` around a screen px, which keeps its place under the pointer. */
export function zoomView(view: SvgView, delta: number, around: readonly number[], minZoom = 0, maxZoom = 22): SvgView {
	const zoom = clamp(view.zoom + delta, minZoom, maxZoom);
	const anchor = unproject(view, around);
	const next = { ...view, zoom };
	const [ax, ay] = project(next, anchor);
	return panView(next, around[0] - ax, around[1] - ay);
}
