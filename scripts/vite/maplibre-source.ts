/**
 * Builds MapLibre from the TypeScript source its package ships (node_modules/maplibre-gl/src), instead of its
 * prebuilt dist, so the bundler can leave out what the atlas never runs (issue 12: first-view bytes). What is left out:
 * the MapLibre Tile (MLT) decoder, which the prebuilt files carry twice — in the main code and in the worker — for
 * `encoding: 'mlt'` sources the atlas never has (src/lib/map/no-mlt.ts stands in for it and says so if asked).
 *
 * - `maplibre-gl` resolves to src/index.ts; its worker (src/lib/map/worker.ts imports the dist worker's name with
 *   `?worker&url`) to src/source/worker.ts, bundled by Vite as a module worker on our origin.
 * - MapLibre's source is written for TypeScript's `useDefineForClassFields: false`: a subclass's field declared without
 *   a value (its struct arrays' typed views) must not be reset after the base class's constructor set it. Its files are
 *   transformed that way here, before Vite's own TypeScript transform (which follows the app's tsconfig).
 * - Types still come from the package's dist .d.ts; the unit tests (Vitest in Node) and the dev server use the
 *   prebuilt dist (the dev server's dependency pre-bundling would skip the class-field transform): only the build takes
 *   the source.
 */
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Alias, type Plugin } from 'vite';
import { maplibreSubset } from './maplibre-subset.ts';

const maplibre = (path: string) => fileURLToPath(new URL(`../../node_modules/maplibre-gl/${path}`, import.meta.url));

/** MapLibre's source folder. */
const SOURCE = maplibre('src/');

/** The aliases the app's build uses (exported for the unit test). */
export function maplibreSourceAliases(): Alias[] {
	return [
		{ find: /^maplibre-gl$/, replacement: maplibre('src/index.ts') },
		{ find: /^maplibre-gl\/dist\/maplibre-gl-worker\.mjs(?=\?|$)/, replacement: maplibre('src/source/worker.ts') },
		{
			find: /^@maplibre\/mlt$/,
			replacement: fileURLToPath(new URL('../../src/lib/map/no-mlt.ts', import.meta.url))
		}
	];
}

/** MapLibre's TypeScript as its authors compile it (fields without a value are declarations, not resets). */
function maplibreClassFields(): Plugin {
	return {
		name: 'atlas:maplibre-class-fields',
		enforce: 'pre',
		async transform(code, id) {
			if (!id.startsWith(SOURCE) || !id.endsWith('.ts')) return null;
			const out = await transformWithOxc(code, id, {
				lang: 'ts',
				typescript: { removeClassFieldsWithoutInitializer: true },
				assumptions: { setPublicClassFields: true }
			});
			return { code: out.code, map: out.map };
		}
	};
}

/** The app's plugins: MapLibre from source, in the page's bundle and in its worker's (Vite bundles workers apart). */
export function maplibreFromSource(): Plugin[] {
	return [
		{
			name: 'atlas:maplibre-source',
			config(_config, env) {
				if (process.env.VITEST || env.mode === 'test' || env.command !== 'build') return {};
				return {
					resolve: { alias: maplibreSourceAliases() },
					worker: { format: 'es', plugins: () => [maplibreSubset(), maplibreClassFields()] }
				};
			}
		},
		maplibreSubset(),
		maplibreClassFields()
	];
}
