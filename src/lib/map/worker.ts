/**
 * MapLibre 6 loads its worker from a URL; under Vite the worker must be imported as a worker URL, or production builds
 * 404 on it. The app's build bundles it from MapLibre's source (scripts/vite/maplibre-source.ts). Call once before
 * creating a map.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

let done = false;
export function configureMapLibreWorker(): void {
	if (done) return;
	setWorkerUrl(workerUrl);
	done = true;
}
