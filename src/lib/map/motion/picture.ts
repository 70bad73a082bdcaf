/**
 * Moving a picture of the map (as Leaflet and the old Google Maps do): on a software or slow WebGL renderer a full map
 * frame costs 150–700 ms, so while the hand drags or turns the wheel the last drawn frame is moved with a CSS transform
 * and the map draws the new view once, when the hand stops. This module is the pure part: the picture's transform, the
 * camera it stands for, the wheel's zoom and the rule that chooses between moving a picture and drawing every frame.
 * No DOM.
 */

/** The picture's placement on screen: a screen point p of the last drawn frame is shown at k·p + (x, y). */
export interface Picture {
	k: number;
	x: number;
	y: number;
}

export const UNMOVED: Picture = { k: 1, x: 0, y: 0 };

export function isUnmoved(p: Picture): boolean {
	return p.k === 1 && p.x === 0 && p.y === 0;
}

/** The picture dragged by (dx, dy) screen px. */
export function dragged(p: Picture, dx: number, dy: number): Picture {
	return { k: p.k, x: p.x + dx, y: p.y + dy };
}

/**
 * The picture zoomed by `dz` levels (scale 2^dz) about the screen point (px, py), which stays where it is. The total
 * scale is held within [minK, maxK], the zoom range the map allows from the drawn frame's zoom.
 */
export function zoomedAbout(p: Picture, dz: number, px: number, py: number, minK = 0, maxK = Infinity): Picture {
	const k = Math.min(maxK, Math.max(minK, p.k * 2 ** dz));
	const s = k / p.k;
	return { k, x: s * p.x + px * (1 - s), y: s * p.y + py * (1 - s) };
}

/** `outer` applied after `inner`: a gesture made while an earlier one's picture is still on screen. */
export function composed(outer: Picture, inner: Picture): Picture {
	return { k: outer.k * inner.k, x: outer.k * inner.x + outer.x, y: outer.k * inner.y + outer.y };
}

/** The CSS transform showing the picture (with `transform-origin: 0 0`). */
export function cssTransform(p: Picture): string {
	return isUnmoved(p) ? '' : `translate(${p.x}px, ${p.y}px) scale(${p.k})`;
}

/** What a map shows: its centre, zoom and bearing (degrees), on a screen of width × height CSS px. */
export interface View {
	center: [number, number];
	zoom: number;
	bearing: number;
	width: number;
	height: number;
}

/** Web Mercator world size at zoom 0, in CSS px (MapLibre's tile size). */
const WORLD_PX = 512;
const MAX_LAT = 85.051129;

function toWorld([lng, lat]: [number, number], size: number): [number, number] {
	const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
	return [((lng + 180) / 360) * size, (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * size];
}

function fromWorld([x, y]: [number, number], size: number): [number, number] {
	const lng = (x / size) * 360 - 180;
	const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
	return [lng, lat];
}

/**
 * The camera that draws what the picture shows: the screen centre then shows the ground that was at
 * (centre − (x, y)) / k in the drawn frame, at zoom + log2 k. Exact for an untilted map (any bearing); the map's pitch
 * is left as it is.
 */
export function cameraFor(view: View, p: Picture): { center: [number, number]; zoom: number } {
	const size = WORLD_PX * 2 ** view.zoom;
	const cx = view.width / 2;
	const cy = view.height / 2;
	// the drawn frame's screen point now at the centre, as an offset from the frame's centre
	const sx = (cx - p.x) / p.k - cx;
	const sy = (cy - p.y) / p.k - cy;
	const b = (view.bearing * Math.PI) / 180;
	const [wx, wy] = toWorld(view.center, size);
	const center = fromWorld([wx + sx * Math.cos(b) - sy * Math.sin(b), wy + sx * Math.sin(b) + sy * Math.cos(b)], size);
	return { center, zoom: view.zoom + Math.log2(p.k) };
}

/** Zoom levels of one wheel event, as MapLibre's own wheel zoom gives them (sigmoid of the delta; a notch ≈ 0.15). */
export function wheelZoom(deltaY: number, deltaMode: number): number {
	const LINE = 1;
	const value = deltaMode === LINE ? deltaY * 40 : deltaY;
	if (!value) return 0;
	// MapLibre: 1/450 per px for a mouse wheel, 1/100 for a trackpad's small steps
	const rate = Math.abs(value) > 4.000244140625 ? 1 / 450 : 1 / 100;
	const scale = 2 / (1 + Math.exp(-Math.abs(value * rate)));
	return value > 0 ? -Math.log2(scale) : Math.log2(scale);
}

export type MotionMode = 'live' | 'picture';

/** Renderer strings of WebGL drawn in software (WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|microsoft basic render|software/i;

export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
	return !!renderer && SOFTWARE_RENDERERS.test(renderer);
}

/** A map whose median frame takes longer than this moves a picture: 50 ms is 20 frames a second, below which a drag
 * stutters visibly, while a picture moves at the screen's rate. */
export const SLOW_FRAME_MS = 50;
/** Frames sampled before judging by frame times: fewer would let one slow start-up frame decide. */
export const FRAMES_TO_JUDGE = 8;

export function median(values: readonly number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `?motion=live|picture` (for readers and tests), else null: the atlas decides. */
export function motionOverride(search: string): MotionMode | null {
	const value = new URLSearchParams(search).get('motion');
	return value === 'live' || value === 'picture' ? value : null;
}

/**
 * How the map moves under the hand: as asked (`override`); a picture on a software renderer or when the map's last
 * frames (ms between frames while it moved) have a median above SLOW_FRAME_MS; else live, every frame drawn.
 */
export function motionMode(input: {
	override: MotionMode | null;
	renderer: string | null;
	frameTimes: readonly number[];
}): MotionMode {
	if (input.override) return input.override;
	if (isSoftwareRenderer(input.renderer)) return 'picture';
	const recent = input.frameTimes.slice(-FRAMES_TO_JUDGE);
	return recent.length >= FRAMES_TO_JUDGE && median(recent) > SLOW_FRAME_MS ? 'picture' : 'live';
}

/**
 * Whether hover picking waits (picture mode only): while a drag moves the picture, while the wheel is turning (until
 * it has paused for WHEEL_PAUSE_MS) and while the gesture's view is being drawn. A pick then would render the picking
 * pass of every layer for a screen that is only a CSS-moved picture, each pointer move (costly at 100 000 points on
 * software WebGL), and name a feature that is not under the pointer.
 */
export function picksPaused(s: { mode: MotionMode; dragging: boolean; wheeling: boolean; drawing: boolean }): boolean {
	return s.mode === 'picture' && (s.dragging || s.wheeling || s.drawing);
}
