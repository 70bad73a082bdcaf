import { describe, expect, it } from 'vitest';
import {
	cameraFor,
	composed,
	cssTransform,
	dragged,
	motionMode,
	motionOverride,
	picksPaused,
	UNMOVED,
	wheelZoom,
	zoomedAbout,
	type View
} from './picture';

const view: View = { center: [104, 30.5], zoom: 6, bearing: 0, width: 1280, height: 800 };
/** Degrees of longitude per screen px at zoom 6 (512 px world at zoom 0). */
const degPerPx = 360 / (512 * 2 ** 6);

/** Where a ground point appears on the screen of `v` (untilted Web Mercator, the test's own sum). */
function project(v: View, [lng, lat]: [number, number]): [number, number] {
	const size = 512 * 2 ** v.zoom;
	const w = ([ln, la]: [number, number]) => [
		((ln + 180) / 360) * size,
		(0.5 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / (2 * Math.PI)) * size
	];
	const [x, y] = w([lng, lat]);
	const [cx, cy] = w(v.center);
	return [x - cx + v.width / 2, y - cy + v.height / 2];
}

describe('the picture and its camera', () => {
	it('an unmoved picture is the drawn view, without a transform', () => {
		const camera = cameraFor(view, UNMOVED);
		expect(camera.center[0]).toBeCloseTo(104, 9);
		expect(camera.center[1]).toBeCloseTo(30.5, 9);
		expect(camera.zoom).toBe(6);
		expect(cssTransform(UNMOVED)).toBe('');
	});

	it('dragging right by 100 px moves the centre west by 100 px of longitude', () => {
		const camera = cameraFor(view, dragged(UNMOVED, 100, 0));
		expect(camera.center[0]).toBeCloseTo(104 - 100 * degPerPx, 9);
		expect(camera.center[1]).toBeCloseTo(30.5, 9);
		expect(camera.zoom).toBe(6);
	});

	it('dragging down moves the centre north', () => {
		expect(cameraFor(view, dragged(UNMOVED, 0, 50)).center[1]).toBeGreaterThan(30.5);
	});

	it('keeps the ground under the hand under the hand, at any bearing', () => {
		// bearing 90: east is up, so dragging the picture down by 100 px brings the ground east of it into view
		const turned = { ...view, bearing: 90 };
		const camera = cameraFor(turned, dragged(UNMOVED, 0, 100));
		expect(camera.center[0]).toBeCloseTo(104 + 100 * degPerPx, 9);
		expect(camera.center[1]).toBeCloseTo(30.5, 9);
	});

	it('zooming about a point keeps that point’s ground there', () => {
		const point: [number, number] = [900, 200];
		const picture = zoomedAbout(UNMOVED, 1, ...point);
		expect(picture.k).toBe(2);
		const camera = cameraFor(view, picture);
		expect(camera.zoom).toBe(7);
		// the ground that was at `point` in the drawn view is at `point` in the new one
		const groundAt = cameraFor(view, dragged(UNMOVED, view.width / 2 - point[0], view.height / 2 - point[1])).center;
		const [x, y] = project({ ...view, ...camera }, groundAt);
		expect(x).toBeCloseTo(point[0], 6);
		expect(y).toBeCloseTo(point[1], 6);
	});

	it('zooming in and out again about the same point is no move at all', () => {
		const back = zoomedAbout(zoomedAbout(UNMOVED, 0.7, 300, 400), -0.7, 300, 400);
		expect(back.k).toBeCloseTo(1, 12);
		expect(back.x).toBeCloseTo(0, 9);
		expect(back.y).toBeCloseTo(0, 9);
	});

	it('holds the scale within the zoom range the map allows', () => {
		const limited = zoomedAbout(UNMOVED, 3, 640, 400, 0.5, 2);
		expect(limited.k).toBe(2);
		expect(zoomedAbout(limited, -5, 640, 400, 0.5, 2).k).toBe(0.5);
	});

	it('a gesture made over an earlier picture composes with it', () => {
		const first = zoomedAbout(dragged(UNMOVED, 30, -20), 0.5, 100, 100);
		const second = dragged(zoomedAbout(UNMOVED, -0.25, 500, 300), 7, 9);
		const both = composed(second, first);
		// a point moved by both in turn lands where the composition puts it
		const p = { x: 321, y: 123 };
		const once = { x: first.k * p.x + first.x, y: first.k * p.y + first.y };
		expect(both.k * p.x + both.x).toBeCloseTo(second.k * once.x + second.x, 9);
		expect(both.k * p.y + both.y).toBeCloseTo(second.k * once.y + second.y, 9);
	});

	it('writes the transform for transform-origin 0 0', () => {
		expect(cssTransform({ k: 2, x: -640, y: -400 })).toBe('translate(-640px, -400px) scale(2)');
	});
});

describe('the wheel', () => {
	it('zooms in on a wheel turned away from the reader, out on one turned towards', () => {
		expect(wheelZoom(-100, 0)).toBeGreaterThan(0);
		expect(wheelZoom(100, 0)).toBeLessThan(0);
		expect(wheelZoom(0, 0)).toBe(0);
	});

	it('gives a notch what MapLibre’s own wheel zoom gives it', () => {
		// MapLibre: scale = 2 / (1 + e^(−|delta| / 450)) for a mouse wheel
		expect(wheelZoom(-100, 0)).toBeCloseTo(Math.log2(2 / (1 + Math.exp(-100 / 450))), 12);
		// a line-mode notch (Firefox) counts 40 px a line
		expect(wheelZoom(-3, 1)).toBeCloseTo(wheelZoom(-120, 0), 12);
	});
});

describe('the mode', () => {
	const slow = Array(8).fill(120);
	const fast = Array(8).fill(16);

	it('moves a picture on software WebGL', () => {
		for (const renderer of [
			'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
			'llvmpipe (LLVM 15.0.7, 256 bits)',
			'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)'
		])
			expect(motionMode({ override: null, renderer, frameTimes: [] })).toBe('picture');
	});

	it('draws every frame on a GPU whose frames are quick', () => {
		const renderer = 'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)';
		expect(motionMode({ override: null, renderer, frameTimes: [] })).toBe('live');
		expect(motionMode({ override: null, renderer, frameTimes: fast })).toBe('live');
	});

	it('moves a picture once the median of the last frames is slow, not on a few slow frames', () => {
		expect(motionMode({ override: null, renderer: null, frameTimes: slow })).toBe('picture');
		expect(motionMode({ override: null, renderer: null, frameTimes: slow.slice(0, 5) })).toBe('live');
		expect(motionMode({ override: null, renderer: null, frameTimes: [...fast, 300, 400, 500] })).toBe('live');
	});

	it('does as the link asks', () => {
		expect(motionOverride('?motion=live&lang=en')).toBe('live');
		expect(motionOverride('?motion=picture')).toBe('picture');
		expect(motionOverride('?motion=fast')).toBeNull();
		expect(motionOverride('')).toBeNull();
		expect(motionMode({ override: 'live', renderer: 'SwiftShader', frameTimes: slow })).toBe('live');
		expect(motionMode({ override: 'picture', renderer: null, frameTimes: fast })).toBe('picture');
	});
});

describe('picksPaused', () => {
	const still = { mode: 'picture' as const, dragging: false, wheeling: false, drawing: false };
	it('picks in live mode whatever moves, and in picture mode when nothing moves', () => {
		expect(picksPaused({ ...still, mode: 'live', dragging: true, wheeling: true, drawing: true })).toBe(false);
		expect(picksPaused(still)).toBe(false);
	});
	it('waits in picture mode during a drag, a wheel and the drawing of its view', () => {
		expect(picksPaused({ ...still, dragging: true })).toBe(true);
		expect(picksPaused({ ...still, wheeling: true })).toBe(true);
		expect(picksPaused({ ...still, drawing: true })).toBe(true);
	});
});
