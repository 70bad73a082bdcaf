/**
 * The camera of the SVG map, with the part of MapLibre's camera API the atlas uses (`MapCamera`), so the controller,
 * panels and exports work the same on either map. Moves are immediate (no animation): a weak machine without WebGL
 * redraws once per move, not once per frame.
 */
import type { MapCamera, CameraBounds } from '$lib/map/map-camera';
import { fitView, panView, project, unproject, viewBounds, zoomView, type Padding, type SvgView } from './web-mercator';

type Listener = () => void;
type CameraEvent = 'move' | 'movestart' | 'moveend' | 'idle';

export class SvgCamera implements MapCamera {
	view = $state.raw<SvgView>({ center: [104, 30], zoom: 5, width: 1, height: 1 });
	// Event listeners, not state: nothing renders from them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly listeners = new Map<CameraEvent, Set<Listener>>();

	constructor(
		private readonly container: HTMLElement,
		view: SvgView,
		private readonly limits: { minZoom: number; maxZoom: number }
	) {
		this.view = view;
	}

	/** Moves to a view and tells listeners (move, moveend; idle once drawn). */
	setView(next: SvgView): void {
		const zoom = Math.min(this.limits.maxZoom, Math.max(this.limits.minZoom, next.zoom));
		this.emit('movestart');
		this.view = { ...next, zoom };
		this.emit('move');
		this.emit('moveend');
	}

	/** The drawing is on screen: `idle` listeners run. */
	drawn(): void {
		this.emit('idle');
	}

	resize(width: number, height: number): void {
		if (width === this.view.width && height === this.view.height) return;
		this.view = { ...this.view, width, height };
		this.emit('moveend');
	}

	getZoom(): number {
		return this.view.zoom;
	}
	getCenter(): { lng: number; lat: number } {
		return { lng: this.view.center[0], lat: this.view.center[1] };
	}
	getBearing(): number {
		return 0;
	}
	getPitch(): number {
		return 0;
	}
	getBounds(): CameraBounds {
		const [w, s, e, n] = viewBounds(this.view);
		return { getWest: () => w, getSouth: () => s, getEast: () => e, getNorth: () => n };
	}
	getContainer(): HTMLElement {
		return this.container;
	}
	project(lngLat: [number, number]): { x: number; y: number } {
		const [x, y] = project(this.view, lngLat);
		return { x, y };
	}
	unproject(point: [number, number]): { lng: number; lat: number } {
		const [lng, lat] = unproject(this.view, point);
		return { lng, lat };
	}
	fitBounds(
		bounds: [[number, number], [number, number]],
		options: { padding?: number | Padding; maxZoom?: number } = {}
	): void {
		this.setView(
			fitView(bounds, this.view, {
				padding: options.padding,
				maxZoom: Math.min(options.maxZoom ?? this.limits.maxZoom, this.limits.maxZoom),
				minZoom: this.limits.minZoom
			})
		);
	}
	jumpTo(options: { center?: [number, number]; zoom?: number }): void {
		this.setView({ ...this.view, center: options.center ?? this.view.center, zoom: options.zoom ?? this.view.zoom });
	}
	panBy([dx, dy]: [number, number]): void {
		this.setView(panView(this.view, -dx, -dy));
	}
	zoomAround(delta: number, around: [number, number]): void {
		this.setView(zoomView(this.view, delta, around, this.limits.minZoom, this.limits.maxZoom));
	}
	triggerRepaint(): void {
		requestAnimationFrame(() => this.drawn());
	}

	on(type: CameraEvent, listener: Listener): this {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, not state
		if (!this.listeners.has(type)) this.listeners.set(type, new Set());
		this.listeners.get(type)!.add(listener);
		return this;
	}
	off(type: CameraEvent, listener: Listener): this {
		this.listeners.get(type)?.delete(listener);
		return this;
	}
	once(type: CameraEvent, listener: Listener): this {
		const wrapped = () => {
			this.off(type, wrapped);
			listener();
		};
		return this.on(type, wrapped);
	}
	private emit(type: CameraEvent): void {
		for (const l of [...(this.listeners.get(type) ?? [])]) l();
	}
}
