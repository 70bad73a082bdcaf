/**
 * The overview geography (issue 12: fewer bytes for the first view): one small TopoJSON holding everything the base
 * map draws at the first camera (Sichuan framed, about zoom 5.5 on a desktop, lower on a phone) — province,
 * prefectures, counties, seats, neighbouring provinces, named rivers and their label points — simplified to what
 * those zooms can show. The browser draws it first and swaps in the detailed files (base.topo.json,
 * context.topo.json, rivers.geojson) once the map is ready or zoomed past OVERVIEW_MAX_ZOOM; every question, click,
 * export and the SVG renderer use the detailed files.
 *
 * Simplification is Visvalingam's (topojson-simplify) on one topology, so borders shared by counties, prefectures
 * and the province stay shared; a point's weight is its triangle's area in screen pixels at OVERVIEW_MAX_ZOOM (Web
 * Mercator, 512-pixel world at zoom 0), so the tolerance is stated in what a reader could see.
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { riverLabelPoints } from '../../src/lib/geo/river-labels';
import { requantize } from './requantize';
import { OVERVIEW_MAX_ZOOM } from '../../src/lib/base-by-zoom/overview-zoom';

export { OVERVIEW_MAX_ZOOM };

/**
 * Smallest triangle kept, in square pixels at OVERVIEW_MAX_ZOOM. A point whose triangle with its neighbours is this
 * small moves the outline by at most 2 × area / base: half a pixel for a 1-pixel base, far less for longer sides.
 */
export const OVERVIEW_MIN_AREA_PX2 = 1;

/**
 * Grid of the overview's coordinates across its bounding box (Sichuan and its neighbours, ~19° wide): ~0.003°, a
 * quarter of a pixel at OVERVIEW_MAX_ZOOM.
 */
export const OVERVIEW_QUANTIZATION = 6_000;

/** The base objects the overview carries from base.topo.json, plus `neighbours`, `rivers` and `river_labels`. */
export const OVERVIEW_BASE_OBJECTS = ['province', 'prefectures', 'counties', 'county_seats', 'prefecture_seats'];

/** Web Mercator pixel position of [lon, lat] at `zoom` (512-pixel tiles, as MapLibre). */
export function mercatorPixel([lon, lat]: Position, zoom: number): [number, number] {
	const size = 512 * 2 ** zoom;
	const sin = Math.sin((lat * Math.PI) / 180);
	return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

/** Visvalingam weight of a triangle of [lon, lat] points: its area in square pixels at `zoom`. */
export function pixelTriangleArea(zoom: number) {
	return (triangle: Position[]): number => {
		const [a, b, c] = triangle.map((p) => mercatorPixel(p, zoom));
		return Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
	};
}

function decodeAll(topo: Topology, names: string[]): Record<string, FeatureCollection> {
	return Object.fromEntries(
		names.map((name) => {
			const object = topo.objects[name];
			if (!object || object.type !== 'GeometryCollection') throw new Error(`the topology has no "${name}" object`);
			return [name, feature(topo, object as GeometryCollection) as FeatureCollection];
		})
	);
}

export interface OverviewOptions {
	zoom?: number;
	minArea?: number;
	quantization?: number;
}

/**
 * The overview topology from the detailed files: objects province, prefectures, counties, county_seats,
 * prefecture_seats, neighbours, rivers and river_labels (computed from the detailed rivers, so the labels stand
 * where they will stand once the detail is in).
 */
export function overviewTopology(
	base: Topology,
	context: Topology,
	rivers: FeatureCollection,
	{
		zoom = OVERVIEW_MAX_ZOOM,
		minArea = OVERVIEW_MIN_AREA_PX2,
		quantization = OVERVIEW_QUANTIZATION
	}: OverviewOptions = {}
): Topology {
	const collections: Record<string, FeatureCollection> = {
		...decodeAll(base, OVERVIEW_BASE_OBJECTS),
		...decodeAll(context, ['neighbours']),
		rivers: { type: 'FeatureCollection', features: rivers.features.map(stripId) },
		river_labels: riverLabelPoints(rivers)
	};
	// topojson-server's types want GeoJSON objects by name; FeatureCollections are what it reads.
	const whole = topology(collections as Parameters<typeof topology>[0]);
	const weighted = presimplify(whole, pixelTriangleArea(zoom) as Parameters<typeof presimplify>[1]);
	return requantize(simplify(weighted, minArea) as Topology, quantization);
}

function stripId(f: Feature): Feature {
	return { type: 'Feature', properties: f.properties, geometry: f.geometry };
}

/** Number of arc positions in a topology (what simplification removes). */
export function positionCount(topo: Topology): number {
	return topo.arcs.reduce((n, arc) => n + arc.length, 0);
}
