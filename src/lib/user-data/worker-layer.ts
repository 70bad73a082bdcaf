/**
 * A table of points made into its layer in the file's worker (issue 13): the coordinates read, the columns swapped
 * back if need be, the datum suggested from a sample and the positions converted (gcoord) there, so the page gets
 * the positions ready to draw — without waiting for the plans' spatial index, which the join needs but drawing does
 * not. The worker reads the counties itself (base.topo.json, same origin). Tables by region and shapes are matched on
 * the page as before. Pure apart from `fetchCounties`.
 */
import type { Topology } from 'topojson-specification';
import { decodeBase } from '$lib/data/base-geography';
import { buildSpatialIndex, placesAt } from '$lib/geo/spatial-index';
import { detectPointColumns } from './coordinates';
import type { RawTable } from './parse-table';
import { isShapeTable } from './shapes';
import { buildLayer, type Geography, type LoadOptions, type PointLayer } from './user-layer';

/** Whether `buildLayer` makes a layer of points of this table with these options. */
export function isPointTable(raw: RawTable, options: LoadOptions): boolean {
	if (isShapeTable(raw)) return false;
	if (raw.points) return true;
	if (options.region !== undefined) return false;
	return (options.lon !== undefined && options.lat !== undefined) || detectPointColumns(raw.columns) !== null;
}

/** Which county holds a position, from the base geography alone (no plan features: the same county as the page's
 * full index finds). Region matching is not needed for points. */
export function countyGeography(topo: Topology, url: string): Geography {
	const { counties, prefectures } = decodeBase(topo, url);
	const index = buildSpatialIndex([], counties.features, prefectures.features);
	return {
		matcher: { match: () => null },
		countyAt: (p) => placesAt(index, p).county?.code ?? null
	};
}

/** Fetches the base geography the page's map reads (same origin). */
export async function fetchCounties(dataRoot: string): Promise<Geography> {
	const url = `${dataRoot}/base.topo.json`;
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return countyGeography((await res.json()) as Topology, url);
}

/** The table's point layer (id and name set by the page). */
export function pointLayerOf(raw: RawTable, geo: Geography, options: LoadOptions): PointLayer {
	return buildLayer(raw, geo, '', options) as PointLayer;
}
