/**
 * Draw nothing until there is everything. While its sources load, MapLibre paints a frame each time a tile, a source or
 * a label arrives; in software WebGL each such frame of the whole map costs 150–700 ms of main thread, and they compete
 * with the worker that tiles the data (issue 12: ~25 frames between the base map's data and the plan drawn). While the
 * prerendered first map covers the canvas nobody sees those intermediate frames, so the map may skip them: it keeps
 * updating its sources and placing labels each frame (which is what loads the tiles), but the painter draws only once
 * `complete()` says the map has everything, in that frame. A timeout lets the map paint anyway, so a source that never
 * loads cannot leave the map blank.
 *
 * This is the one place the atlas reaches into MapLibre's internals: `map.painter` (a typed member of `Map`) and its
 * `render(style, transform, data)`, which `Map#_render` calls once per frame after updating sources and placement.
 * The contract test (maplibre-api.test.ts) and the browser tests fail if that changes.
 */

/** What holding needs of a MapLibre map (a fake in the unit test). */
export interface PaintableMap {
	painter: { render: (...args: never[]) => void };
	triggerRepaint(): void;
}

/** Long enough for the plan on a loaded machine in software GL; after it the map paints whatever it has. */
export const HOLD_TIMEOUT_MS = 30_000;

export interface PaintHold {
	/** Frames whose painting was skipped so far. */
	readonly skipped: number;
	/** True once the map paints again (complete, timed out or released). */
	readonly released: boolean;
	/** Lets the map paint from now on (and asks for a frame). */
	release(): void;
	/**
	 * Runs fn when the hold ends, synchronously before the first painted frame (at once if it has ended): what listens
	 * for that frame's `idle` is then in place, and nothing takes an unpainted frame's `idle` for a drawn map.
	 */
	onRelease(fn: () => void): void;
}

/**
 * Skips the painter's work in each frame until `complete()` returns true (asked in the frame, after the map updated its
 * sources), or `timeoutMs` has passed; that frame and all later ones paint as usual.
 */
export function holdPainting(map: PaintableMap, complete: () => boolean, timeoutMs = HOLD_TIMEOUT_MS): PaintHold {
	const painter = map.painter;
	const render = painter.render;
	const own = Object.prototype.hasOwnProperty.call(painter, 'render');
	let skipped = 0;
	let released = false;
	const waiting: (() => void)[] = [];
	const timer = setTimeout(() => hold.release(), timeoutMs);

	function restore() {
		if (released) return;
		released = true;
		clearTimeout(timer);
		if (own) painter.render = render;
		else delete (painter as { render?: unknown }).render;
		for (const fn of waiting.splice(0)) fn();
	}

	painter.render = function (this: unknown, ...args: never[]) {
		if (!released && !complete()) {
			skipped++;
			return;
		}
		restore();
		return render.apply(this, args);
	};

	const hold: PaintHold = {
		get skipped() {
			return skipped;
		},
		get released() {
			return released;
		},
		release() {
			if (released) return;
			restore();
			map.triggerRepaint();
		},
		onRelease(fn) {
			if (released) fn();
			else waiting.push(fn);
		}
	};
	return hold;
}
