/**
 * Renders the live map into a canvas of a chosen frame and pixel ratio: the map's container is set to the frame,
 * MapLibre redraws at the ratio (deck.gl layers are interleaved, so they are in the same drawing), the pixels are
 * copied in the `render` event — while the WebGL drawing buffer still holds them — and the map is put back as it was.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { zoomForFrame, type ExportSize } from './image-layout';
import { settleMotion } from '$lib/map/motion/picture-motion';

export interface Camera {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
	/** CSS px of the frame covered at the bottom (by a caption band): the centre is framed in the rest. */
	bottomInset: number;
}

/** Waits for the map to finish drawing everything asked of it (sources loaded, labels placed). */
function idle(map: MapLibreMap): Promise<void> {
	return new Promise((resolve) => {
		map.once('idle', () => resolve());
		map.triggerRepaint();
	});
}

/** Copies the next complete frame (in the `render` event, while the WebGL drawing buffer still holds it). */
export async function grabFrame(map: MapLibreMap): Promise<HTMLCanvasElement> {
	// a picture moved under the hand (software GL) is drawn as a view first: the canvas holds the view, not the picture
	await settleMotion(map);
	return new Promise((resolve) => {
		map.once('render', () => {
			const source = map.getCanvas();
			const copy = document.createElement('canvas');
			copy.width = source.width;
			copy.height = source.height;
			copy.getContext('2d')!.drawImage(source, 0, 0);
			resolve(copy);
		});
		map.triggerRepaint();
	});
}

/**
 * The map drawn in `frame` (CSS px × scale). `camera` defaults to the current one, zoomed out if the frame is smaller
 * than the screen so the same ground stays in view.
 */
export async function captureMap(
	map: MapLibreMap,
	frame: ExportSize,
	camera?: Partial<Camera>
): Promise<HTMLCanvasElement> {
	await settleMotion(map);
	const container = map.getContainer();
	const before = {
		style: container.getAttribute('style'),
		ratio: map.getPixelRatio(),
		center: map.getCenter(),
		zoom: map.getZoom(),
		bearing: map.getBearing(),
		pitch: map.getPitch()
	};
	const screen = { width: container.clientWidth, height: container.clientHeight };
	try {
		container.style.cssText += `;inset:0 auto auto 0;width:${frame.width}px;height:${frame.height}px`;
		map.setPixelRatio(frame.scale);
		map.resize();
		map.jumpTo({
			center: camera?.center ?? before.center,
			zoom: camera?.zoom ?? zoomForFrame(before.zoom, screen, frame),
			bearing: camera?.bearing ?? before.bearing,
			pitch: camera?.pitch ?? before.pitch,
			padding: { top: 0, left: 0, right: 0, bottom: camera?.bottomInset ?? 0 }
		});
		await idle(map);
		return await grabFrame(map);
	} finally {
		if (before.style === null) container.removeAttribute('style');
		else container.setAttribute('style', before.style);
		map.setPixelRatio(before.ratio);
		map.resize();
		map.jumpTo({
			center: before.center,
			zoom: before.zoom,
			bearing: before.bearing,
			pitch: before.pitch,
			padding: { top: 0, left: 0, right: 0, bottom: 0 }
		});
	}
}
