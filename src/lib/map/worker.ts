/**
 * MapLibre 6 loads its worker from a URL; under Vite the worker must be imported as a worker URL, or production builds
 * 404 on it. The app's build bundles it from MapLibre's source (scripts/vite/maplibre-source.ts). Call once before
 * creating a map.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

let done = false;
export function configureMapLibreWorker(): void {
	if (done) return;
	setWorkerUrl(workerUrl);
	done = true;
}

/**
 * Starts MapLibre's worker now, before any map exists: the worker loads and compiles its ~450 KB script while the page
 * fetches and decodes the first view's data, instead of after the map is made (issue 12). The map takes this worker.
 */
export function prewarmMapLibreWorker(): void {
	configureMapLibreWorker();
	prewarm();
}
