/**
 * The map file (static/data/plan-map.json) stored by column: one array per map property, one for geometries and one
 * for area members, each with a value per feature. The same features as a GeoJSON FeatureCollection compress to 66 KB
 * gzip; by column, where a name sits beside the other names and a code beside the other codes, to 50 KB (issue 12:
 * first-view bytes). The data build writes it (scripts/plan/plan.geojson.ts) and the loader turns it back into the
 * FeatureCollection every other part of the atlas reads; properties are validated after, feature by feature, as before.
 */
import type { Geometry } from 'geojson';
import { AtlasDataError } from './errors';
import type { PlanMapProperties } from './plan-schema';

/** The map properties, one column each. */
export const PLAN_MAP_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	'kind',
	'layers',
	'county_code',
	'prefecture_code',
	'home_prefecture_code',
	'status',
	'location'
] as const satisfies readonly (keyof PlanMapProperties)[];

type Column = (typeof PLAN_MAP_COLUMNS)[number];

/** Properties a feature may lack: `null` in their column means absent (elsewhere `null` is the value). */
const OPTIONAL: ReadonlySet<Column> = new Set(['home_prefecture_code', 'status']);

/** A feature as the data build has it: map properties, and a geometry or (an area) its member counties. */
export interface PlanMapRow {
	properties: PlanMapProperties;
	geometry: Geometry | null;
	members?: string[];
}

export interface PlanMapColumns {
	type: 'PlanMapColumns';
	count: number;
	columns: Record<Column, unknown[]>;
	geometry: (Geometry | null)[];
	/** Member county codes of an area drawn as their union, else `null`. */
	members: (string[] | null)[];
}

/** The features, by column (what the data build writes). */
export function toPlanMapColumns(rows: readonly PlanMapRow[]): PlanMapColumns {
	const columns = Object.fromEntries(
		PLAN_MAP_COLUMNS.map((key) => [key, rows.map((r) => (r.properties as Record<string, unknown>)[key] ?? null)])
	) as Record<Column, unknown[]>;
	return {
		type: 'PlanMapColumns',
		count: rows.length,
		columns,
		geometry: rows.map((r) => r.geometry ?? null),
		members: rows.map((r) => r.members ?? null)
	};
}

/**
 * The map file back as a FeatureCollection of unchecked features (the loader validates each one's properties). A file
 * of another shape throws an AtlasDataError that says what is wrong with it.
 */
export function fromPlanMapColumns(
	raw: unknown,
	url = 'plan-map.json'
): {
	type: 'FeatureCollection';
	features: { type: 'Feature'; properties: unknown; geometry: unknown; members?: unknown }[];
} {
	const file = raw as Partial<PlanMapColumns> | null;
	if (file?.type !== 'PlanMapColumns' || !Number.isInteger(file.count) || (file.count as number) < 0) {
		throw new AtlasDataError(`${url} is not the atlas's map file (features by column)`, url);
	}
	const count = file.count as number;
	const columns = (file.columns ?? {}) as Partial<Record<Column, unknown>>;
	const lists: [string, unknown][] = [
		...PLAN_MAP_COLUMNS.map((key): [string, unknown] => [key, columns[key]]),
		['geometry', file.geometry],
		['members', file.members]
	];
	const wrong = lists.filter(([, list]) => !Array.isArray(list) || list.length !== count).map(([name]) => name);
	if (wrong.length) {
		throw new AtlasDataError(`${url}: ${wrong.join(', ')} should hold ${count} values, one per feature`, url);
	}
	const features = [];
	for (let i = 0; i < count; i++) {
		const properties: Record<string, unknown> = {};
		for (const key of PLAN_MAP_COLUMNS) {
			const value = (columns[key] as unknown[])[i];
			if (value === null && OPTIONAL.has(key)) continue;
			properties[key] = value;
		}
		const members = (file.members as unknown[])[i];
		features.push({
			type: 'Feature' as const,
			properties,
			geometry: (file.geometry as unknown[])[i],
			...(members === null ? {} : { members })
		});
	}
	return { type: 'FeatureCollection', features };
}
