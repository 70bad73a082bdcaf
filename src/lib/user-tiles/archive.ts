/**
 * A reader's PMTiles archive (made by tippecanoe or planetiler) as map layers: its header and metadata checked — a
 * PMTiles v3 archive of vector (MVT) tiles listing its `vector_layers` — and, for each vector layer, MapLibre layers
 * that draw whatever geometry it holds: circles for points, lines for lines, a fill and outline for polygons (a
 * `geometry-type` filter each, since the metadata need not say which it holds). Pure, no DOM.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerSet } from '$lib/map/layer-set';
import type { PMTiles, Source } from 'pmtiles';

/** pmtiles' `MVT_TILE_TYPE`, as a number: only types are imported from pmtiles here, so this module (the layer ids and
 * styles the map needs) does not pull the archive reader into the first view; a test checks the value. */
export const MVT_TILE_TYPE = 1;

/** A vector layer of the archive's metadata. */
export interface VectorLayer {
	id: string;
	fields: Record<string, string>;
	minzoom?: number;
	maxzoom?: number;
}

export interface ArchiveInfo {
	vectorLayers: VectorLayer[];
	minZoom: number;
	maxZoom: number;
	/** [west, south, east, north], degrees. */
	bounds: [number, number, number, number];
	/** The archive's own name or description, if it has one (text, shown as text). */
	title: string;
}

/** Why an archive cannot be drawn, in both languages. */
export class ArchiveError extends Error {
	constructor(
		message: string,
		readonly zh: string
	) {
		super(message);
	}
}

/** A source over a Blob (a File or one from IndexedDB) with our own key, so two files of one name do not collide. */
export class BlobSource implements Source {
	constructor(
		private blob: Blob,
		private key: string
	) {}
	getKey(): string {
		return this.key;
	}
	async getBytes(offset: number, length: number) {
		return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
	}
}

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');

/** Reads and checks an archive's header and metadata. */
export async function readArchive(archive: PMTiles): Promise<ArchiveInfo> {
	let header;
	try {
		header = await archive.getHeader();
	} catch (e) {
		throw new ArchiveError(
			`not a PMTiles v3 archive (${(e as Error).message.slice(0, 120)})`,
			`不是 PMTiles v3 文件（${(e as Error).message.slice(0, 120)}）`
		);
	}
	if (header.tileType !== MVT_TILE_TYPE) {
		throw new ArchiveError(
			'the archive holds image tiles, not vector tiles (MVT): only vector archives are drawn',
			'此文件是栅格切片，不是矢量切片（MVT）；只支持矢量切片'
		);
	}
	const meta = ((await archive.getMetadata().catch(() => null)) ?? {}) as Record<string, unknown>;
	const layers = Array.isArray(meta.vector_layers) ? meta.vector_layers : [];
	const vectorLayers = layers
		.filter((l): l is Record<string, unknown> => !!l && typeof l === 'object' && typeof l.id === 'string')
		.map((l) => ({
			id: String(l.id),
			fields: l.fields && typeof l.fields === 'object' ? (l.fields as Record<string, string>) : {},
			...(typeof l.minzoom === 'number' && { minzoom: l.minzoom }),
			...(typeof l.maxzoom === 'number' && { maxzoom: l.maxzoom })
		}));
	if (!vectorLayers.length) {
		throw new ArchiveError(
			'the archive’s metadata list no vector_layers, so there is nothing to draw',
			'文件的元数据没有 vector_layers，无图层可画'
		);
	}
	return {
		vectorLayers,
		minZoom: header.minZoom,
		maxZoom: header.maxZoom,
		bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
		title: text(meta.name) || text(meta.description)
	};
}

/** The MapLibre source id of an archive layer, and the prefix of its style layers. */
export const tileSourceId = (id: string) => `user-tiles-${id}`;
/** The user tile layer a style layer draws, or null. */
export const tileLayerOf = (styleLayerId: string | undefined): string | null =>
	styleLayerId?.startsWith('user-tiles-') ? styleLayerId.slice('user-tiles-'.length).split('/')[0] : null;

/** An archive on the map: its vector source (read through the `pmtiles://` protocol) and its style layers. */
export function tileLayerSet(id: string, info: ArchiveInfo, color: string): LayerSet {
	return {
		sources: { [tileSourceId(id)]: { type: 'vector', url: `pmtiles://${id}` } },
		layers: styleLayersFor(id, info, color)
	};
}

/** Circle radius, px, of a point (as the user's deck.gl points). */
const CIRCLE_RADIUS = 3.5;

/** The style layers that draw an archive: for each vector layer, points, lines and polygons by geometry type. */
export function styleLayersFor(id: string, info: ArchiveInfo, color: string): LayerSpecification[] {
	const source = tileSourceId(id);
	return info.vectorLayers.flatMap((l): LayerSpecification[] => {
		const base = { source, 'source-layer': l.id };
		const layerId = (what: string) => `${source}/${l.id}/${what}`;
		return [
			{
				...base,
				id: layerId('fill'),
				type: 'fill',
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'fill-color': color, 'fill-opacity': 0.3 }
			},
			{
				...base,
				id: layerId('line'),
				type: 'line',
				filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
				paint: { 'line-color': color, 'line-width': 1.5 }
			},
			{
				...base,
				id: layerId('circle'),
				type: 'circle',
				filter: ['==', ['geometry-type'], 'Point'],
				paint: {
					'circle-color': color,
					'circle-radius': CIRCLE_RADIUS,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 1
				}
			}
		];
	});
}

// Kept apart (no pmtiles import) so the feature card does not pull the archive reader into the first view.
export { propertyRows } from './property-rows';
