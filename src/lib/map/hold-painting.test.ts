import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { holdPainting, type PaintableMap } from './hold-painting';

/** A tiny fake of MapLibre's map: `frame()` does what `Map#_render` does with the painter, once. */
class FakeMap implements PaintableMap {
	painted = 0;
	repaints = 0;
	painter = new (class {
		constructor(private owner: FakeMap) {}
		render() {
			this.owner.painted++;
		}
	})(this);
	triggerRepaint() {
		this.repaints++;
	}
	frame() {
		this.painter.render();
	}
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('frames before the map is complete paint nothing; the first complete frame and the rest paint', () => {
	const map = new FakeMap();
	let complete = false;
	const hold = holdPainting(map, () => complete);
	map.frame();
	map.frame();
	expect(map.painted).toBe(0);
	expect(hold.skipped).toBe(2);
	complete = true;
	map.frame();
	expect(map.painted).toBe(1);
	expect(hold.released).toBe(true);
	// once released, painting no longer asks
	complete = false;
	map.frame();
	expect(map.painted).toBe(2);
	// the painter's own method is back (the wrapper was an own property over the prototype's)
	expect(Object.prototype.hasOwnProperty.call(map.painter, 'render')).toBe(false);
});

test('a source that never loads does not leave the map blank: after the timeout it paints what it has', () => {
	const map = new FakeMap();
	const hold = holdPainting(map, () => false, 1000);
	map.frame();
	expect(map.painted).toBe(0);
	vi.advanceTimersByTime(1000);
	expect(hold.released).toBe(true);
	expect(map.repaints).toBe(1);
	map.frame();
	expect(map.painted).toBe(1);
});

test('onRelease runs before the first painted frame, or at once when the hold has ended', () => {
	const map = new FakeMap();
	let complete = false;
	const hold = holdPainting(map, () => complete);
	const order: string[] = [];
	hold.onRelease(() => order.push(`released after ${map.painted} painted`));
	map.frame();
	expect(order).toEqual([]);
	complete = true;
	map.frame();
	expect(order).toEqual(['released after 0 painted']);
	hold.onRelease(() => order.push('late'));
	expect(order).toEqual(['released after 0 painted', 'late']);
});

test('release() lets the map paint at once and asks for a frame', () => {
	const map = new FakeMap();
	const hold = holdPainting(map, () => false);
	hold.release();
	expect(map.repaints).toBe(1);
	map.frame();
	expect(map.painted).toBe(1);
	// the timeout no longer fires a second repaint
	vi.runAllTimers();
	expect(map.repaints).toBe(1);
});
