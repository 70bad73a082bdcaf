/**
 * The part of a map's camera the atlas relies on (a structural subset of MapLibre's `Map`): where the map looks, moving
 * it, projecting positions, and its events. MapLibre's map is one; the SVG map (src/lib/svg-map) is the other, used
 * when WebGL is missing — so the controller, panels, links and exports work on either.
 */
export interface CameraBounds {
	getWest(): number;
	getSouth(): number;
	getEast(): number;
	getNorth(): number;
}

export interface CameraPadding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface MapCamera {
	getZoom(): number;
	getCenter(): { lng: number; lat: number };
	getBearing(): number;
	getPitch(): number;
	getBounds(): CameraBounds;
	getContainer(): HTMLElement;
	project(lngLat: [number, number]): { x: number; y: number };
	fitBounds(
		bounds: [[number, number], [number, number]],
		options?: { padding?: number | CameraPadding; maxZoom?: number; duration?: number }
	): unknown;
	jumpTo(options: { center?: [number, number]; zoom?: number; bearing?: number; pitch?: number }): unknown;
	panBy(offset: [number, number], options?: { duration?: number }): unknown;
	triggerRepaint(): void;
	on(type: 'move' | 'movestart' | 'moveend' | 'idle', listener: () => void): unknown;
	off(type: 'move' | 'movestart' | 'moveend' | 'idle', listener: () => void): unknown;
	once(type: 'idle', listener: () => void): unknown;
}
