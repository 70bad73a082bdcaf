import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { PMTiles, TileType, zxyToTileId } from 'pmtiles';
import { buildArchive } from '../../../scripts/user-data/pmtiles-fixture';
import {
	ArchiveError,
	BlobSource,
	MVT_TILE_TYPE,
	propertyRows,
	readArchive,
	styleLayersFor,
	tileLayerOf
} from './archive';

const fixture = new Uint8Array(readFileSync(new URL('../user-data/fixtures/sites.pmtiles', import.meta.url)));
const open = (bytes: Uint8Array<ArrayBuffer>, key = 'k') => new PMTiles(new BlobSource(new Blob([bytes]), key));

describe('a PMTiles archive', () => {
	test('the committed fixture is what its script makes', () => {
		expect(Buffer.from(buildArchive()).equals(fixture)).toBe(true);
	});

	test('header and metadata are read: its vector layers, zooms and bounds; tiles are found by z/x/y', async () => {
		const archive = open(fixture);
		const info = await readArchive(archive);
		expect(info.vectorLayers.map((l) => l.id)).toEqual(['sites', 'zones']);
		expect(info.vectorLayers[0].fields).toEqual({ name: 'String', n: 'Number' });
		expect([info.minZoom, info.maxZoom]).toEqual([0, 7]);
		expect(info.bounds[0]).toBeCloseTo(101.5);
		expect(info.title).toBe('sites');
		// 成都 at zoom 7: tile 100/53
		const tile = await archive.getZxy(7, 100, 53);
		expect(tile?.data.byteLength).toBeGreaterThan(20);
		expect(await archive.getZxy(7, 0, 0)).toBeUndefined();
		expect(zxyToTileId(0, 0, 0)).toBe(0);
	});

	test('a file that is not a vector PMTiles archive is refused with a reason in both languages', async () => {
		const err = await readArchive(open(new TextEncoder().encode('name,lon,lat\n'))).catch((e) => e);
		expect(err).toBeInstanceOf(ArchiveError);
		expect(err.message).toMatch(/not a PMTiles v3 archive/);
		expect(err.zh).toMatch(/不是 PMTiles/);
		const raster = Uint8Array.from(fixture);
		raster[99] = 2; // tile type PNG
		await expect(readArchive(open(raster))).rejects.toThrow(/image tiles/);
	});

	test('each vector layer is drawn as circles, lines and fills by geometry type, in a valid style', async () => {
		const info = await readArchive(open(fixture));
		const layers = styleLayersFor('t1', info, '#1f77b4');
		expect(layers.map((l) => l.id)).toEqual([
			'user-tiles-t1/sites/fill',
			'user-tiles-t1/sites/line',
			'user-tiles-t1/sites/circle',
			'user-tiles-t1/zones/fill',
			'user-tiles-t1/zones/line',
			'user-tiles-t1/zones/circle'
		]);
		expect(tileLayerOf(layers[2].id)).toBe('t1');
		expect(tileLayerOf('county-line')).toBeNull();
		const style: StyleSpecification = {
			version: 8,
			sources: { 'user-tiles-t1': { type: 'vector', url: 'pmtiles://t1' } },
			layers
		};
		expect(validateStyleMin(style)).toEqual([]);
	});

	test('properties become text pairs; markup stays characters, long values are cut', () => {
		expect(propertyRows({ name: '<img src=x onerror=alert(1)>', n: 3, o: { a: 1 }, long: 'x'.repeat(300) })).toEqual([
			['name', '<img src=x onerror=alert(1)>'],
			['n', '3'],
			['o', '{"a":1}'],
			['long', `${'x'.repeat(200)}…`]
		]);
	});
});

describe('the vector tile type', () => {
	test('is pmtiles’ TileType.Mvt (archive.ts imports only types from pmtiles)', () => {
		expect(MVT_TILE_TYPE).toBe(TileType.Mvt);
	});
});
