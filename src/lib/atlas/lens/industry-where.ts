/**
 * Where an industry is planned: per county (or prefecture) the features that plan a category, the classes a map shades
 * them in, and the table as CSV. Pure and tested (industry-where.test.ts).
 *
 * A feature counts in the county its record names (`county_code`), and in its prefecture (`prefecture_code`). Features
 * spanning several counties (economic regions, corridors, lines) name none and are not put in any single one: the
 * counts say "features here", never "features that may reach here".
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';
import type { PlanFeature } from '$lib/data/plan-data';
import { csvCell } from '$lib/geo/export-results';

export type WhereLevel = 'county' | 'prefecture';

export interface WhereRow {
	code: string;
	name_zh: string;
	name_en: string;
	level: WhereLevel;
	count: number;
	ids: string[];
}

type Names = Map<string, { name_zh: string; name_en: string }>;

/** Regions of a level with at least one feature planning the category, most first (then by code). */
export function whereCounts(features: PlanFeature[], category: string, level: WhereLevel, names: Names): WhereRow[] {
	const rows = new Map<string, WhereRow>();
	for (const f of features) {
		const p = f.properties;
		if (!p.industries.some((i) => i.category === category)) continue;
		const code = level === 'county' ? p.county_code : p.prefecture_code;
		const name = code ? names.get(code) : undefined;
		if (!code || !name) continue;
		const row = rows.get(code) ?? { code, ...name, level, count: 0, ids: [] };
		row.count++;
		row.ids.push(p.id);
		rows.set(code, row);
	}
	return [...rows.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** How many features plan the category but name no single county (or prefecture). */
export function unattributed(features: PlanFeature[], category: string, level: WhereLevel): number {
	return features.filter(
		(f) =>
			f.properties.industries.some((i) => i.category === category) &&
			!(level === 'county' ? f.properties.county_code : f.properties.prefecture_code)
	).length;
}

export interface LensClass {
	/** Counts from … to (inclusive). */
	from: number;
	to: number;
	colour: string;
}

/**
 * Up to five sequential classes over 1…max (ColorBrewer YlOrRd): one per count while counts are few, otherwise equal
 * steps rounded to whole features, so each class says plainly which counts it holds.
 */
export function lensClasses(max: number): LensClass[] {
	if (max < 1) return [];
	const edges =
		max <= 5
			? Array.from({ length: max }, (_, k) => k + 1)
			: [...new Set(Array.from({ length: 5 }, (_, k) => Math.round((max * (k + 1)) / 5)))];
	const colours = schemeYlOrRd[Math.max(3, edges.length)].slice(-edges.length);
	return edges.map((to, k) => ({ from: k === 0 ? 1 : edges[k - 1] + 1, to, colour: colours[k] }));
}

/** The class colour of a count (null for none). */
export function classColour(classes: LensClass[], count: number): string | null {
	return classes.find((c) => count >= c.from && count <= c.to)?.colour ?? null;
}

/** The lens's shading is this opaque: the plan's areas and marks read through it. */
export const LENS_FILL_OPACITY = 0.78;

/** Each region's class colour (code → colour; regions with no feature left out): the lens's shading on every map. */
export function lensFills(rows: WhereRow[]): Map<string, string> {
	const classes = lensClasses(Math.max(0, ...rows.map((r) => r.count)));
	return new Map(
		rows.flatMap((r) => {
			const colour = classColour(classes, r.count);
			return colour ? [[r.code, colour] as const] : [];
		})
	);
}

/** The rows as CSV (UTF-8 with BOM; the feature ids of each region listed). */
export function whereCsv(category: string, rows: WhereRow[]): string {
	const lines = [['category', 'level', 'code', 'name_zh', 'name_en', 'count', 'feature_ids'].join(',')];
	for (const r of rows) {
		lines.push([category, r.level, r.code, r.name_zh, r.name_en, r.count, r.ids.join('; ')].map(csvCell).join(','));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
