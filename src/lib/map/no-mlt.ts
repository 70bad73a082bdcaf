/**
 * Stands in for @maplibre/mlt, the decoder of MapLibre Tiles (MLT), when MapLibre is built from its source
 * (scripts/vite/maplibre-source.ts). The atlas draws no MLT: its own sources are GeoJSON, and users' tile archives must
 * hold Mapbox Vector Tiles (src/lib/user-tiles/archive.ts refuses any other tile type with a message). Leaving the
 * decoder out saves ~30 KB gzip of the first view (it was bundled twice, in MapLibre's main code and in its worker).
 * Should a source ever ask for `encoding: 'mlt'`, the tile fails with this error instead of drawing wrong.
 */
export const GEOMETRY_TYPE = {
	POINT: 0,
	LINESTRING: 1,
	POLYGON: 2,
	MULTIPOINT: 3,
	MULTILINESTRING: 4,
	MULTIPOLYGON: 5
} as const;

export function decodeTile(): never {
	throw new Error('MapLibre Tiles (MLT) are not supported by the atlas: use Mapbox Vector Tiles');
}

export type FeatureTable = never;
export type Feature = never;
