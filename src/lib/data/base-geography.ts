/**
 * Loads the base geography the data build published in static/data: TopoJSON decoded to GeoJSON for MapLibre
 * (which does not read TopoJSON itself), checked for the objects the map needs.
 */
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BaseData } from '$lib/style/base-style';
import { AtlasDataError, fetchJson } from './errors';

const BASE_OBJECTS = ['province', 'prefectures', 'counties', 'county_seats', 'prefecture_seats'] as const;

export function decodeObject(topo: Topology, name: string, url: string): FeatureCollection {
	const object = topo.objects?.[name];
	if (!object || object.type !== 'GeometryCollection') {
		throw new AtlasDataError(`${url} has no "${name}" object`, url);
	}
	return feature(topo, object as GeometryCollection) as FeatureCollection;
}

export function decodeBase(topo: Topology, url: string): Omit<BaseData, 'neighbours' | 'rivers'> {
	if (topo?.type !== 'Topology') throw new AtlasDataError(`${url} is not TopoJSON`, url);
	const [province, prefectures, counties, countySeats, prefectureSeats] = BASE_OBJECTS.map((name) =>
		decodeObject(topo, name, url)
	);
	return { province, prefectures, counties, countySeats, prefectureSeats };
}

/** The base data for the style, plus the base topology itself (plan areas are merged from its counties). */
export type BaseGeographyData = BaseData & { topology: Topology };

/** Fetches base.topo.json, context.topo.json and rivers.geojson in parallel from dataRoot (e.g. "./data"). */
export async function loadBaseData(dataRoot: string, fetcher: typeof fetch = fetch): Promise<BaseGeographyData> {
	const [baseUrl, contextUrl, riversUrl] = ['base.topo.json', 'context.topo.json', 'rivers.geojson'].map(
		(f) => `${dataRoot}/${f}`
	);
	const [base, context, rivers] = await Promise.all([
		fetchJson<Topology>(baseUrl, fetcher),
		fetchJson<Topology>(contextUrl, fetcher),
		fetchJson<FeatureCollection>(riversUrl, fetcher)
	]);
	if (rivers?.type !== 'FeatureCollection')
		throw new AtlasDataError(`${riversUrl} is not a FeatureCollection`, riversUrl);
	return {
		...decodeBase(base, baseUrl),
		neighbours: decodeObject(context, 'neighbours', contextUrl),
		rivers,
		topology: base
	};
}

/**
 * The first view's base geography: overview.topo.json (scripts/base/overview.ts), one small file with every base
 * object simplified to what the first camera shows, plus the neighbours, named rivers and their label points. Only
 * the map's first drawing uses it; the detailed files replace it (src/lib/base-by-zoom).
 */
export async function loadOverviewData(dataRoot: string, fetcher: typeof fetch = fetch): Promise<BaseGeographyData> {
	const url = `${dataRoot}/overview.topo.json`;
	return decodeOverview(await fetchJson<Topology>(url, fetcher), url);
}

export function decodeOverview(topo: Topology, url: string): BaseGeographyData {
	return {
		...decodeBase(topo, url),
		topology: topo,
		neighbours: decodeObject(topo, 'neighbours', url),
		rivers: decodeObject(topo, 'rivers', url),
		riverLabels: decodeObject(topo, 'river_labels', url)
	};
}

/** The unnamed rivers (faint context), fetched after the first view. */
export async function loadMinorRivers(dataRoot: string, fetcher: typeof fetch = fetch): Promise<FeatureCollection> {
	const url = `${dataRoot}/rivers-minor.geojson`;
	const rivers = await fetchJson<FeatureCollection>(url, fetcher);
	if (rivers?.type !== 'FeatureCollection') throw new AtlasDataError(`${url} is not a FeatureCollection`, url);
	return rivers;
}

/** Chinese and English names of counties or prefectures by GB/T 2260 code. */
export type Names = Map<string, { name_zh: string; name_en: string }>;

/** Names of counties or prefectures by code, from the base geography's features. */
export function namesByCode(fc: { features: { properties: Record<string, unknown> | null }[] } | undefined): Names {
	return new Map(
		(fc?.features ?? []).map((f) => [
			String(f.properties?.code),
			{ name_zh: String(f.properties?.name_zh ?? ''), name_en: String(f.properties?.name_en ?? '') }
		])
	);
}
