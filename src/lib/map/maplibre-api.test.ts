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

test('each frame, Map#_render updates sources and placement, then calls painter.render once (hold-painting.ts)', () => {
	// holdPainting skips `map.painter.render` until the map is complete: that needs the frame to have updated its
	// sources (which is what loads tiles) before it paints, and the painter to be reached as `this.painter.render`.
	const text = readFileSync(join(dist, 'maplibre-gl.mjs'), 'utf8');
	// the method's definition (`_render(e){` once minified), not a call to it
	const start = text.search(/[^.]_render\(\w+\)\s*\{/);
	expect(start).toBeGreaterThan(-1);
	const body = text.slice(start, text.indexOf('fire(new', text.indexOf('this.painter.render(', start)));
	expect(body.match(/this\.painter\.render\(/g)).toHaveLength(1);
	expect(body).toContain('_updateSources(');
	expect(body).toContain('_updatePlacement(');
	expect(body.indexOf('_updateSources(')).toBeLessThan(body.indexOf('this.painter.render('));
});
