/**
 * The picture mode on a MapLibre map (see ./picture.ts for the why and the sums). In picture mode MapLibre's own drag
 * and wheel handlers are off; a drag or a wheel moves the map's canvas container (the canvas with deck.gl's
 * interleaved layers, markers and popups) by a CSS transform, and when the hand stops the map jumps to the camera the
 * picture stands for and drops the transform in the frame that draws it. Where the picture leaves the screen bare, the
 * map's background colour shows. Touch pinch, keyboard, double-click and the buttons move the map as before.
 * In live mode nothing changes; on a machine not known to be slow the map's frame times are watched, and picture mode
 * starts once they are slow.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
	cameraFor,
	composed,
	cssTransform,
	dragged,
	isUnmoved,
	motionMode,
	picksPaused,
	UNMOVED,
	wheelZoom,
	zoomedAbout,
	type MotionMode,
	type Picture
} from './picture';

/** A pointer that moves less than this (CSS px) between down and up clicks (MapLibre's own click tolerance). */
const CLICK_TOLERANCE_PX = 3;
/** The wheel has stopped once no wheel event came for this long; then the new view is drawn. */
export const WHEEL_PAUSE_MS = 250;
/** Two map frames further apart than this were not one movement: not a frame time. */
const MAX_FRAME_GAP_MS = 1000;

const motions = new WeakMap<MapLibreMap, PictureMotion>();

/** Resolves once any picture on `map` has been drawn as a view (exports call it so they never capture a picture). */
export function settleMotion(map: MapLibreMap): Promise<void> {
	return motions.get(map)?.settle() ?? Promise.resolve();
}

/** What draws the map's WebGL (the unmasked renderer when the browser tells it), or null. */
function rendererOf(map: MapLibreMap): string | null {
	try {
		const canvas = map.getCanvas();
		const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
		if (!gl) return null;
		const info = gl.getExtension('WEBGL_debug_renderer_info');
		return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
	} catch {
		return null;
	}
}

/** The map's background colour (shown where the picture leaves the screen bare), if it is a plain colour. */
function backgroundOf(map: MapLibreMap): string {
	const id = map.getLayersOrder().find((l) => map.getLayer(l)?.type === 'background');
	const color = id ? map.getPaintProperty(id, 'background-color') : undefined;
	return typeof color === 'string' ? color : '';
}

export interface PictureMotionOptions {
	/** `?motion=live|picture`, or null to decide by the renderer and the frame times. */
	override: MotionMode | null;
	/** Called when a picture gesture starts (the map is about to show another view). */
	onstart?: () => void;
}

export class PictureMotion {
	mode: MotionMode = 'live';
	/** The picture of a finished gesture, on screen until the map has drawn its view. */
	private drawing: Picture | null = null;
	/** The gesture in hand, relative to the map's camera (over `drawing`, if that is still on screen). */
	private current: Picture = UNMOVED;
	private drag: { id: number; x: number; y: number; moved: boolean } | null = null;
	private wheelTimer: ReturnType<typeof setTimeout> | null = null;
	/** A gesture ended while the previous one's view was being drawn: it is drawn next. */
	private queued = false;
	private paintFrame = 0;
	private frameTimes: number[] = [];
	private lastRender = 0;
	/** Where the mouse last was over the map (client px), to pick again there once a gesture's view is drawn. */
	private pointer: { x: number; y: number } | null = null;
	private readonly box: HTMLElement;
	private readonly stops: (() => void)[] = [];
	private readonly renderer: string | null;

	constructor(
		private readonly map: MapLibreMap,
		private readonly options: PictureMotionOptions
	) {
		this.box = map.getCanvasContainer();
		this.box.style.transformOrigin = '0 0';
		this.renderer = rendererOf(map);
		this.listen(this.box, 'pointerdown', (e) => this.down(e));
		this.listen(window, 'pointermove', (e) => this.move(e));
		this.listen(window, 'pointerup', (e) => this.up(e));
		this.listen(window, 'pointercancel', (e) => this.up(e));
		this.listen(this.box, 'wheel', (e) => this.wheel(e), { passive: false });
		// Captured on the map's container, before MapLibre's listener on the canvas container: while picking waits, the
		// map (and deck.gl's overlay, which picks on the map's mousemove) does not see the mouse move.
		this.listen(map.getContainer(), 'mousemove', (e) => this.mouseMove(e), { capture: true });
		this.listen(map.getContainer(), 'mouseleave', () => (this.pointer = null));
		const onRender = () => this.sampleFrame();
		map.on('render', onRender);
		this.stops.push(() => void map.off('render', onRender));
		motions.set(map, this);
		this.decide();
	}

	destroy(): void {
		for (const stop of this.stops) stop();
		if (this.wheelTimer) clearTimeout(this.wheelTimer);
		cancelAnimationFrame(this.paintFrame);
		this.setMode('live');
		this.box.style.transform = '';
		this.map.getContainer().style.background = '';
		motions.delete(this.map);
	}

	/** Draws any picture now and resolves once its view is on screen. */
	async settle(): Promise<void> {
		if (this.wheelTimer) {
			clearTimeout(this.wheelTimer);
			this.wheelTimer = null;
			if (!this.drag?.moved) this.commit();
		}
		while (this.drawing) await new Promise<void>((resolve) => this.map.once('render', () => resolve()));
	}

	private listen<K extends keyof HTMLElementEventMap>(
		target: EventTarget,
		type: K,
		fn: (e: HTMLElementEventMap[K]) => void,
		options?: AddEventListenerOptions
	): void {
		const handler = fn as EventListener;
		target.addEventListener(type, handler, options);
		this.stops.push(() => target.removeEventListener(type, handler, options));
	}

	private decide(): void {
		this.setMode(motionMode({ override: this.options.override, renderer: this.renderer, frameTimes: this.frameTimes }));
	}

	private setMode(mode: MotionMode): void {
		this.mode = mode;
		this.box.dataset.motion = mode;
		const live = mode === 'live';
		if (live) {
			this.map.dragPan.enable();
			this.map.scrollZoom.enable();
		} else {
			this.map.dragPan.disable();
			this.map.scrollZoom.disable();
		}
		// without MapLibre's touch pan the browser would scroll the page under a finger
		this.box.style.touchAction = live ? '' : 'none';
	}

	/** Frame times while the map moves live: once they are slow, the map moves a picture instead. */
	private sampleFrame(): void {
		if (this.mode === 'picture' || this.options.override) return;
		const now = performance.now();
		if (this.map.isMoving() && now - this.lastRender < MAX_FRAME_GAP_MS) {
			this.frameTimes.push(now - this.lastRender);
			if (this.frameTimes.length > 32) this.frameTimes.shift();
			this.decide();
		}
		this.lastRender = now;
	}

	/** Whether hover picking waits now (see `picksPaused`). */
	get picking(): boolean {
		return !picksPaused({
			mode: this.mode,
			dragging: Boolean(this.drag?.moved),
			wheeling: this.wheelTimer !== null,
			drawing: this.drawing !== null
		});
	}

	private mouseMove(e: MouseEvent): void {
		this.pointer = { x: e.clientX, y: e.clientY };
		if (!this.picking) e.stopPropagation();
	}

	/** A gesture's view is drawn: what is under the resting pointer now is hovered (after a wheel it never moved). */
	private pickAgain(): void {
		const at = this.pointer;
		if (!at || !this.picking) return;
		const target = document.elementFromPoint(at.x, at.y);
		if (!target || !this.map.getCanvasContainer().contains(target)) return;
		target.dispatchEvent(new MouseEvent('mousemove', { clientX: at.x, clientY: at.y, bubbles: true, view: window }));
	}

	private down(e: PointerEvent): void {
		if (this.mode !== 'picture') return;
		if (this.drag) {
			// a second finger: the pinch is MapLibre's (it renders as it goes); the drag so far is kept
			const moved = this.drag.moved;
			this.drag = null;
			if (moved) this.end();
			return;
		}
		if (e.button !== 0 || e.ctrlKey || e.shiftKey || e.altKey || e.metaKey) return;
		this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
	}

	private move(e: PointerEvent): void {
		const drag = this.drag;
		if (!drag || e.pointerId !== drag.id) return;
		const dx = e.clientX - drag.x;
		const dy = e.clientY - drag.y;
		if (!drag.moved) {
			if (Math.hypot(dx, dy) < CLICK_TOLERANCE_PX) return;
			drag.moved = true;
			this.start();
		}
		drag.x = e.clientX;
		drag.y = e.clientY;
		this.current = dragged(this.current, dx, dy);
		this.paint();
	}

	private up(e: PointerEvent): void {
		if (!this.drag || e.pointerId !== this.drag.id) return;
		const moved = this.drag.moved;
		this.drag = null;
		if (!moved) return;
		// The canvas moved with the hand, so MapLibre would see the button go up where it went down and take the drag
		// for a click: the click that follows this pointerup is not the map's.
		const swallow = (click: Event) => click.stopPropagation();
		window.addEventListener('click', swallow, { capture: true, once: true });
		setTimeout(() => window.removeEventListener('click', swallow, { capture: true }));
		this.end();
	}

	private wheel(e: WheelEvent): void {
		if (this.mode !== 'picture') return;
		e.preventDefault();
		const dz = wheelZoom(e.deltaY, e.deltaMode);
		if (!dz) return;
		if (!this.wheelTimer && !this.drag?.moved) this.start();
		const rect = this.map.getContainer().getBoundingClientRect();
		const zoom = this.map.getZoom();
		this.current = zoomedAbout(
			this.current,
			dz,
			e.clientX - rect.left,
			e.clientY - rect.top,
			2 ** (this.map.getMinZoom() - zoom),
			2 ** (this.map.getMaxZoom() - zoom)
		);
		this.paint();
		if (this.wheelTimer) clearTimeout(this.wheelTimer);
		this.wheelTimer = setTimeout(() => {
			this.wheelTimer = null;
			if (!this.drag?.moved) this.end();
		}, WHEEL_PAUSE_MS);
	}

	/** A gesture begins: the screen the picture leaves bare shows the map's background. */
	private start(): void {
		this.options.onstart?.();
		this.map.getContainer().style.background = backgroundOf(this.map);
	}

	/** Shows the picture in the next frame (pointer events come faster than frames). */
	private paint(): void {
		if (this.paintFrame) return;
		this.paintFrame = requestAnimationFrame(() => {
			this.paintFrame = 0;
			this.box.style.transform = cssTransform(composed(this.current, this.drawing ?? UNMOVED));
		});
	}

	/** The hand has stopped: draw the view the picture shows (after the one being drawn, if any). */
	private end(): void {
		if (this.drawing) this.queued = true;
		else this.commit();
	}

	private commit(): void {
		if (isUnmoved(this.current)) return;
		const picture = this.current;
		const map = this.map;
		const { clientWidth: width, clientHeight: height } = map.getContainer();
		const camera = map.getPitch()
			? {
					// a tilted map: MapLibre knows which ground is at the screen point now at the centre
					center: map.unproject([(width / 2 - picture.x) / picture.k, (height / 2 - picture.y) / picture.k]).toArray(),
					zoom: map.getZoom() + Math.log2(picture.k)
				}
			: cameraFor(
					{ center: map.getCenter().toArray(), zoom: map.getZoom(), bearing: map.getBearing(), width, height },
					picture
				);
		this.drawing = picture;
		this.current = UNMOVED;
		// the transform goes in the frame that draws the new view: no jump back to the old one in between
		map.once('render', () => this.drawn());
		map.jumpTo(camera);
		map.triggerRepaint();
	}

	private drawn(): void {
		this.drawing = null;
		cancelAnimationFrame(this.paintFrame);
		this.paintFrame = 0;
		this.box.style.transform = cssTransform(this.current);
		if (this.drag?.moved || this.wheelTimer) return; // a gesture in hand is drawn when it ends
		if (this.queued) {
			this.queued = false;
			this.commit();
		}
		if (!this.drawing) {
			this.map.getContainer().style.background = '';
			this.pickAgain();
		}
	}
}
