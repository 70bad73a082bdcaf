/**
 * MapLibre 6 loads its worker from a URL; under Vite the worker must be imported as an asset URL, or production
 * builds 404 on it. Call once before creating a map.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let done = false;
export function configureMapLibreWorker(): void {
	if (done) return;
	setWorkerUrl(workerUrl);
	done = true;
}
