import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { maplibreSourceAliases } from './maplibre-source';
import * as noMlt from '../../src/lib/map/no-mlt';

test('every alias points at a file the installed MapLibre (or the atlas) has', () => {
	for (const alias of maplibreSourceAliases()) expect(existsSync(alias.replacement), alias.replacement).toBe(true);
});

test('the MLT stand-in exports every value MapLibre imports from @maplibre/mlt, and refuses to decode', () => {
	const src = readFileSync('node_modules/maplibre-gl/src/source/vector_tile_mlt.ts', 'utf8');
	const names = src.match(/import \{([^}]*)\} from '@maplibre\/mlt'/)![1].split(',');
	const values = names.map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
	expect(values.length).toBeGreaterThan(0);
	for (const name of values) expect(noMlt, name).toHaveProperty(name);
	// the only other importer would need the stand-in to grow
	expect(noMlt.decodeTile).toThrow(/MLT/);
	expect(noMlt.GEOMETRY_TYPE.MULTIPOLYGON).toBe(5);
});
