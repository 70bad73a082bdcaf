/**
 * A reader's PMTiles archive for the SVG renderer (the map without WebGL, the vector exports), where MapLibre cannot
 * draw it: the tiles covering a view at the archive's zoom, read from the local file through npm `pmtiles`, decoded
 * with npm `@mapbox/vector-tile` into GeoJSON by vector layer. The picking of the view's tiles and the decoding are
 * pure; `viewTiles` reads and caches.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature } from 'geojson';
import type { PMTiles } from 'pmtiles';
import { unproject, type SvgView } from '$lib/svg-map/web-mercator';
import type { ArchiveInfo } from './archive';
import type { TileEntry } from './tile-store.svelte';
import type { SvgUserTiles } from '$lib/svg-map/render-user';

export interface TileRef {
	z: number;
	x: number;
	y: number;
}

export interface DecodedTile extends TileRef {
	/** The tile's vector layers, each as GeoJSON features in longitude/latitude. */
	layers: { name: string; features: Feature[] }[];
}

/** More tiles than this for one view means a view much larger than a screen: the rest are left out. */
export const MAX_VIEW_TILES = 64;

const tileX = (lon: number, n: number) => Math.floor(((lon + 180) / 360) * n);
const tileY = (lat: number, n: number) => {
	const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
	return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
};

/**
 * The tiles of an archive that cover a view: at the view's zoom (MapLibre's vector tiles are 512 px, so a tile's zoom
 * is the map's, floored) kept within the archive's zooms (over its max zoom the deepest tiles are drawn larger), and
 * within the archive's bounds.
 */
export function tilesInView(view: SvgView, info: Pick<ArchiveInfo, 'minZoom' | 'maxZoom' | 'bounds'>): TileRef[] {
	const z = Math.max(info.minZoom, Math.min(info.maxZoom, Math.floor(view.zoom)));
	const n = 2 ** z;
	const [west, north] = unproject(view, [0, 0]);
	const [east, south] = unproject(view, [view.width, view.height]);
	const [bw, bs, be, bn] = info.bounds;
	const w = Math.max(west, bw);
	const e = Math.min(east, be);
	const s = Math.max(south, bs);
	const nn = Math.min(north, bn);
	if (w > e || s > nn) return [];
	const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
	const refs: TileRef[] = [];
	for (let y = clamp(tileY(nn, n)); y <= clamp(tileY(s, n)); y++)
		for (let x = clamp(tileX(w, n)); x <= clamp(tileX(e, n)); x++) {
			if (refs.length >= MAX_VIEW_TILES) return refs;
			refs.push({ z, x, y });
		}
	return refs;
}

/** One tile's bytes (an MVT protobuf, already decompressed) as GeoJSON features by layer. */
export function decodeTile(data: ArrayBuffer | Uint8Array, ref: TileRef): DecodedTile {
	const tile = new VectorTile(new PbfReader(data instanceof Uint8Array ? data : new Uint8Array(data)));
	const layers = Object.values(tile.layers).map((layer) => {
		const features: Feature[] = [];
		for (let i = 0; i < layer.length; i++) features.push(layer.feature(i).toGeoJSON(ref.x, ref.y, ref.z) as Feature);
		return { name: layer.name, features };
	});
	return { ...ref, layers };
}

/** Decoded tiles by archive and tile; an archive's file does not change while it is open. */
const cache = new WeakMap<PMTiles, Map<string, Promise<DecodedTile | null>>>();
/** Tiles kept per archive: several screens' worth. */
const KEEP = 256;

/** The decoded tiles of an archive covering a view (a tile the archive does not have is left out). */
export async function viewTiles(archive: PMTiles, info: ArchiveInfo, view: SvgView): Promise<DecodedTile[]> {
	let tiles = cache.get(archive);
	if (!tiles) cache.set(archive, (tiles = new Map()));
	const kept = tiles;
	const decoded = await Promise.all(
		tilesInView(view, info).map((ref) => {
			const key = `${ref.z}/${ref.x}/${ref.y}`;
			let p = kept.get(key);
			if (!p) {
				p = archive.getZxy(ref.z, ref.x, ref.y).then((r) => (r ? decodeTile(r.data, ref) : null));
				kept.set(key, p);
				if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
			}
			return p;
		})
	);
	return decoded.filter((t) => t !== null);
}

/** The visible archives as the SVG renderer's layers for a view (src/lib/svg-map/render-user.ts `SvgUserTiles`). */
export function tileLayersFor(
	entries: readonly Pick<TileEntry, 'id' | 'archive' | 'info' | 'color' | 'visible'>[],
	view: SvgView
): Promise<SvgUserTiles[]> {
	return Promise.all(
		entries
			.filter((e) => e.visible)
			.map(async (e) => ({
				kind: 'tiles' as const,
				id: e.id,
				color: e.color,
				tiles: await viewTiles(e.archive, e.info, view)
			}))
	);
}

/** The properties of the feature a `data-tile-ref` ("tile/layer/feature") names, with its vector layer. */
export function tileFeatureAt(
	layer: Pick<SvgUserTiles, 'tiles'>,
	ref: string
): { layer: string; props: Record<string, unknown> } | null {
	const [t, l, f] = ref.split('/').map(Number);
	const vectorLayer = layer.tiles[t]?.layers[l];
	const feature = vectorLayer?.features[f];
	return feature ? { layer: vectorLayer.name, props: { ...feature.properties } } : null;
}
