/**
 * Contract with the MapLibre module we build on: if an upgrade removes or moves what we use, this fails in CI
 * rather than as a blank map.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist');

test('maplibre-gl exports what the atlas uses', async () => {
	const m = await import('maplibre-gl');
	for (const name of ['Map', 'setWorkerUrl', 'ScaleControl', 'NavigationControl', 'getVersion'] as const) {
		expect(typeof m[name], name).toBe('function');
	}
	expect(m.getVersion()).toMatch(/^6\./);
});

test('the worker we import with ?url is a self-contained module (no relative imports to other chunks)', () => {
	const worker = join(dist, 'maplibre-gl-worker.mjs');
	expect(existsSync(worker)).toBe(true);
	const text = readFileSync(worker, 'utf8');
	expect(text).not.toMatch(/\bfrom\s*["']\.\//);
	expect(text).not.toMatch(/\bimport\s*\(\s*["']\.\//);
});
