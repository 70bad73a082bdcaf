/**
 * Loads the plan features the data build published (static/data/plan-atlas.json): validates every feature's properties
 * (a broken record is left out and reported, never allowed to break the map) and rebuilds area geometry by merging the
 * member counties on the base topology.
 */
import { merge } from 'topojson-client';
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { planPropertiesSchema, type PlanProperties } from './plan-schema';
import { formatIssues } from './zod';
import { AtlasDataError, fetchJson } from './errors';

export type PlanFeature = Feature<Geometry, PlanProperties>;

export interface PlanData {
	features: PlanFeature[];
	byId: Map<string, PlanFeature>;
	/** Records left out, with why (shown to the reader as a notice). */
	problems: string[];
}

interface CompactFeature {
	type: 'Feature';
	id?: string;
	properties: unknown;
	geometry: Geometry | null;
	members?: string[];
}

/** Turns the compact file into validated features; `base` is the published base topology (for area members). */
export function decodePlan(raw: unknown, base: Topology, url = 'plan-atlas.json'): PlanData {
	const collection = raw as { type?: string; features?: unknown };
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
		throw new AtlasDataError(`${url} is not a GeoJSON FeatureCollection`, url);
	}
	const counties = new Map(
		(base.objects.counties as GeometryCollection<{ code: string }>).geometries.map((g) => [
			(g.properties as { code: string }).code,
			g
		])
	);
	const problems: string[] = [];
	const features: PlanFeature[] = [];
	for (const [i, item] of (collection.features as CompactFeature[]).entries()) {
		const parsed = planPropertiesSchema.safeParse(item?.properties);
		const label = `feature #${i + 1}${typeof item?.id === 'string' ? ` (${item.id})` : ''}`;
		if (!parsed.success) {
			problems.push(`${label}: ${formatIssues(parsed.error.issues, 2)}`);
			continue;
		}
		let geometry = item.geometry;
		if (!geometry && Array.isArray(item.members)) {
			const parts = item.members.map((c) => counties.get(c)).filter((g) => g !== undefined);
			if (parts.length !== item.members.length) problems.push(`${label}: unknown member counties`);
			geometry = parts.length ? (merge(base, parts as never) as MultiPolygon) : null;
		}
		if (!geometry) {
			problems.push(`${label}: no geometry`);
			continue;
		}
		features.push({ type: 'Feature', id: parsed.data.id, properties: parsed.data, geometry });
	}
	return { features, byId: new Map(features.map((f) => [f.properties.id, f])), problems };
}

/** Fetches the plan; `base` may still be on its way (the detailed topology, fetched in parallel). */
export async function loadPlanData(
	dataRoot: string,
	base: Topology | Promise<Topology>,
	fetcher: typeof fetch = fetch
): Promise<PlanData> {
	const url = `${dataRoot}/plan-atlas.json`;
	const [plan, topology] = await Promise.all([fetchJson<unknown>(url, fetcher), base]);
	return decodePlan(plan, topology, url);
}
