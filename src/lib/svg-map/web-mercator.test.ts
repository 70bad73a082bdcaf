import { describe, expect, it } from 'vitest';
import { fitView, mercator, panView, project, unmercator, unproject, viewBounds, zoomView } from './web-mercator';

const view = { center: [104, 30] as [number, number], zoom: 6, width: 800, height: 600 };

describe('web mercator camera', () => {
	it('puts the centre in the middle and round-trips positions', () => {
		expect(project(view, [104, 30])).toEqual([400, 300]);
		const p = project(view, [105.5, 31.2]);
		const back = unproject(view, p);
		expect(back[0]).toBeCloseTo(105.5, 9);
		expect(back[1]).toBeCloseTo(31.2, 9);
		const [x, y] = unmercator(mercator([-71.1, 42.3]));
		expect([x, y].map((v) => +v.toFixed(9))).toEqual([-71.1, 42.3]);
	});

	it('uses MapLibre world size: one degree of longitude is 512·2^z/360 px', () => {
		const [x0] = project(view, [104, 30]);
		const [x1] = project(view, [105, 30]);
		expect(x1 - x0).toBeCloseTo((512 * 2 ** 6) / 360, 6);
	});

	it('fits bounds inside padding, centred in the padded box, as fitBounds does', () => {
		const bounds: [[number, number], [number, number]] = [
			[97.35, 26.05],
			[108.55, 34.32]
		];
		const padding = { top: 70, right: 80, bottom: 70, left: 38 };
		const v = fitView(bounds, { width: 1280, height: 800 }, { padding });
		const [x0, y1] = project(v, bounds[0]);
		const [x1, y0] = project(v, bounds[1]);
		// One side touches its padding exactly, the other has room to spare, and the box is centred.
		const fitsX = Math.abs(x0 - padding.left) < 1e-6 && Math.abs(1280 - padding.right - x1) < 1e-6;
		const fitsY = Math.abs(y0 - padding.top) < 1e-6 && Math.abs(800 - padding.bottom - y1) < 1e-6;
		expect(fitsX || fitsY).toBe(true);
		expect((x0 + x1) / 2).toBeCloseTo((padding.left + 1280 - padding.right) / 2, 6);
		expect((y0 + y1) / 2).toBeCloseTo((padding.top + 800 - padding.bottom) / 2, 6);
		expect(fitView(bounds, { width: 1280, height: 800 }, { maxZoom: 3 }).zoom).toBe(3);
	});

	it('pans with the pointer and zooms around it', () => {
		const moved = panView(view, 100, 0);
		expect(project(moved, [104, 30])[0]).toBeCloseTo(500, 6);
		const zoomed = zoomView(view, 1, [200, 150]);
		expect(zoomed.zoom).toBe(7);
		const anchor = unproject(view, [200, 150]);
		const [ax, ay] = project(zoomed, anchor);
		expect(ax).toBeCloseTo(200, 6);
		expect(ay).toBeCloseTo(150, 6);
		expect(zoomView(view, 30, [0, 0], 3, 14).zoom).toBe(14);
	});

	it('reports its extent', () => {
		const [w, s, e, n] = viewBounds(view);
		expect(w).toBeLessThan(104);
		expect(e).toBeGreaterThan(104);
		expect(s).toBeLessThan(30);
		expect(n).toBeGreaterThan(30);
	});
});
