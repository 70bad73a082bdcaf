/**
 * Writes src/lib/user-data/fixtures/sites.pmtiles: a tiny PMTiles v3 archive for the PMTiles tests, made the way
 * tippecanoe would (its command line is not on this machine): two vector layers — `sites`, five points with
 * properties (one a hostile string), and `zones`, one polygon — cut into MVT tiles for zooms 0–7 with npm
 * `geojson-vt` and encoded with npm `vt-pbf`, then laid out per the PMTiles v3 specification: the 127-byte header,
 * a root directory (tile ids on the Hilbert curve, npm `pmtiles`'s zxyToTileId; varint columns), the JSON metadata
 * with `vector_layers`, then the tile data. Nothing is compressed (compression 1, "none"), so the file stays readable.
 *
 * Run: npx tsx scripts/user-data/pmtiles-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';

const OUT = fileURLToPath(new URL('../../src/lib/user-data/fixtures/sites.pmtiles', import.meta.url));
const MAX_ZOOM = 7;

/** Made-up test sites (not plan data): near 成都, 康定, 西昌, 绵阳 and 宜宾. */
export const SITES: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		['测试点 成都', 104.07, 30.66, 12],
		['测试点 康定', 101.96, 30.05, 3],
		['测试点 西昌', 102.26, 27.89, 7],
		['测试点 绵阳', 104.68, 31.47, 5],
		['<img src=x onerror=alert(1)>', 104.64, 28.75, 1]
	].map(([name, lon, lat, n]) => ({
		type: 'Feature',
		properties: { name, n },
		geometry: { type: 'Point', coordinates: [lon as number, lat as number] }
	}))
};
export const ZONES: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: { name: '测试区' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[103.6, 30.3],
						[104.4, 30.3],
						[104.4, 31.0],
						[103.6, 31.0],
						[103.6, 30.3]
					]
				]
			}
		}
	]
};

function varint(out: number[], n: number) {
	while (n >= 0x80) {
		out.push((n % 0x80) | 0x80);
		n = Math.floor(n / 0x80);
	}
	out.push(n);
}

/** A root directory of one-tile entries in tile-id order, data laid out contiguously (offset 0 = "follows"). */
function directory(entries: { tileId: number; offset: number; length: number }[]): Uint8Array {
	const out: number[] = [];
	varint(out, entries.length);
	let last = 0;
	for (const e of entries) {
		varint(out, e.tileId - last);
		last = e.tileId;
	}
	for (let i = 0; i < entries.length; i++) varint(out, 1); // run lengths
	for (const e of entries) varint(out, e.length);
	entries.forEach((e, i) => {
		const follows = i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length;
		varint(out, follows ? 0 : e.offset + 1);
	});
	return Uint8Array.from(out);
}

export function buildArchive(): Uint8Array {
	const index = {
		sites: new GeoJSONVT(SITES, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0 }),
		zones: new GeoJSONVT(ZONES, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0 })
	};
	const tiles: { tileId: number; data: Uint8Array }[] = [];
	const [minLon, minLat, maxLon, maxLat] = [101.5, 27.5, 105, 31.8];
	for (let z = 0; z <= MAX_ZOOM; z++) {
		const n = 2 ** z;
		const x0 = Math.floor(((minLon + 180) / 360) * n);
		const x1 = Math.floor(((maxLon + 180) / 360) * n);
		const y = (lat: number) =>
			Math.floor(
				((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n
			);
		for (let x = x0; x <= x1; x++) {
			for (let yy = y(maxLat); yy <= y(minLat); yy++) {
				const layers: Record<string, unknown> = {};
				for (const [name, vt] of Object.entries(index)) {
					const t = vt.getTile(z, x, yy);
					if (t && t.features.length) layers[name] = t;
				}
				if (!Object.keys(layers).length) continue;
				tiles.push({ tileId: zxyToTileId(z, x, yy), data: vtpbf.fromGeojsonVt(layers, { version: 2 }) });
			}
		}
	}
	tiles.sort((a, b) => a.tileId - b.tileId);
	let offset = 0;
	const entries = tiles.map((t) => {
		const e = { tileId: t.tileId, offset, length: t.data.length };
		offset += t.data.length;
		return e;
	});
	const root = directory(entries);
	const metadata = new TextEncoder().encode(
		JSON.stringify({
			name: 'sites',
			description: 'Test fixture of the Sichuan Plan Atlas (made-up sites, not plan data)',
			vector_layers: [
				{ id: 'sites', fields: { name: 'String', n: 'Number' }, minzoom: 0, maxzoom: MAX_ZOOM },
				{ id: 'zones', fields: { name: 'String' }, minzoom: 0, maxzoom: MAX_ZOOM }
			]
		})
	);
	const HEADER = 127;
	const header = new DataView(new ArrayBuffer(HEADER));
	new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
	header.setUint8(7, 3);
	const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
	const rootOffset = HEADER;
	const metaOffset = rootOffset + root.length;
	const dataOffset = metaOffset + metadata.length;
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metaOffset);
	u64(32, metadata.length);
	u64(40, dataOffset); // no leaf directories
	u64(48, 0);
	u64(56, dataOffset);
	u64(64, offset);
	u64(72, tiles.length); // addressed tiles
	u64(80, tiles.length); // tile entries
	u64(88, tiles.length); // tile contents
	header.setUint8(96, 1); // clustered
	header.setUint8(97, 1); // internal compression: none
	header.setUint8(98, 1); // tile compression: none
	header.setUint8(99, 1); // tile type: MVT
	header.setUint8(100, 0);
	header.setUint8(101, MAX_ZOOM);
	const e7 = (at: number, v: number) => header.setInt32(at, Math.round(v * 1e7), true);
	e7(102, minLon);
	e7(106, minLat);
	e7(110, maxLon);
	e7(114, maxLat);
	header.setUint8(118, 5);
	e7(119, 103.5);
	e7(123, 30);
	const out = new Uint8Array(dataOffset + offset);
	out.set(new Uint8Array(header.buffer), 0);
	out.set(root, rootOffset);
	out.set(metadata, metaOffset);
	let at = dataOffset;
	for (const t of tiles) {
		out.set(t.data, at);
		at += t.data.length;
	}
	return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const bytes = buildArchive();
	writeFileSync(OUT, bytes);
	console.log(`${OUT}: ${bytes.length} bytes`);
}
