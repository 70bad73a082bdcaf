/**
 * Loads the plan features the data build published (static/data/plan-atlas.json): validates every feature's properties
 * (a broken record is left out and reported, never allowed to break the map) and rebuilds area geometry by merging the
 * member counties on the base topology.
 */
import { merge } from 'topojson-client';
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
	planMapPropertiesSchema,
	planPropertiesSchema,
	type PlanMapProperties,
	type PlanProperties
} from './plan-schema';
import { formatIssues } from './zod';
import { AtlasDataError, fetchJson } from './errors';
import { fromPlanMapColumns } from './plan-map-columns';

export type PlanFeature = Feature<Geometry, PlanProperties>;
/** A feature of the map file: what the map draws (a full record is one too). */
export type PlanMapFeature = Feature<Geometry, PlanMapProperties>;

export interface PlanData<F extends PlanMapFeature = PlanFeature> {
	features: F[];
	byId: Map<string, F>;
	/** Records left out, with why (shown to the reader as a notice). */
	problems: string[];
}

/** The map file decoded: enough to draw the plan layers, not to answer questions about them. */
export type PlanMapData = PlanData<PlanMapFeature>;

interface CompactFeature {
	type: 'Feature';
	id?: string;
	properties: unknown;
	geometry: Geometry | null;
	members?: string[];
}

/** Turns the compact file into validated features; `base` is the published base topology (for area members). */
export function decodePlan(raw: unknown, base: Topology, url = 'plan-atlas.json'): PlanData {
	return decodeFeatures(raw, base, url, planPropertiesSchema);
}

/**
 * The map file (plan-map.json, stored by column: plan-map-columns.ts), decoded the same way; areas merge from whichever
 * topology the map draws.
 */
export function decodePlanMap(raw: unknown, base: Topology, url = 'plan-map.json'): PlanMapData {
	return decodeFeatures(fromPlanMapColumns(raw, url), base, url, planMapPropertiesSchema);
}

interface Schema<P> {
	safeParse(v: unknown): { success: true; data: P } | { success: false; error: { issues: readonly Issue[] } };
}
type Issue = { path: readonly PropertyKey[]; message: string };

function decodeFeatures<P extends PlanMapProperties>(
	raw: unknown,
	base: Topology,
	url: string,
	schema: Schema<P>
): PlanData<Feature<Geometry, P>> {
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
	const features: Feature<Geometry, P>[] = [];
	for (const [i, item] of (collection.features as CompactFeature[]).entries()) {
		const parsed = schema.safeParse(item?.properties);
		// the map file names a feature in its properties only
		const id = item?.id ?? (item?.properties as { id?: unknown } | undefined)?.id;
		const label = `feature #${i + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
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

/**
 * Fetches `file` at once and decodes it when the base topology is in: given the base's promise, the plan's file
 * downloads in parallel with the base's instead of after it.
 */
async function loadDecoded<T>(
	url: string,
	base: Topology | PromiseLike<Topology>,
	decode: (raw: unknown, base: Topology, url: string) => T,
	fetcher: typeof fetch
): Promise<T> {
	// awaited together, so neither's failure goes unhandled while the other is pending
	const [raw, topology] = await Promise.all([fetchJson<unknown>(url, fetcher), base]);
	return decode(raw, topology, url);
}

/** The full records (plan-atlas.json): what panels, search, the table and the questions answer from. */
export function loadPlanData(
	dataRoot: string,
	base: Topology | PromiseLike<Topology>,
	fetcher: typeof fetch = fetch
): Promise<PlanData> {
	return loadDecoded(`${dataRoot}/plan-atlas.json`, base, decodePlan, fetcher);
}

/** The map file (plan-map.json): the first view's plan layers. */
export function loadPlanMapData(
	dataRoot: string,
	base: Topology | PromiseLike<Topology>,
	fetcher: typeof fetch = fetch
): Promise<PlanMapData> {
	return loadDecoded(`${dataRoot}/plan-map.json`, base, decodePlanMap, fetcher);
}
