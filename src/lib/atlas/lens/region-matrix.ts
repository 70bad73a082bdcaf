/**
 * Regions against industries: for each prefecture (or each of the five economic regions) how many features plan each
 * industry category there — the table a reader scans for "who plans what". A feature counts in the prefecture its
 * record names; an economic region holds its prefectures. Pure and tested (region-matrix.test.ts).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import { csvCell } from '$lib/geo/export-results';

export interface MatrixRegion {
	/** `prefecture-510100` or an economic region's feature id: what a click selects. */
	id: string;
	name_zh: string;
	name_en: string;
	/** Prefecture codes the region is made of (one for a prefecture). */
	prefectures: string[];
}

export interface MatrixRow extends MatrixRegion {
	/** Features per category id (only categories with at least one). */
	counts: Record<string, number>;
	ids: Record<string, string[]>;
	/** Features planning any industry here (each once). */
	total: number;
}

export interface RegionMatrix {
	/** Categories with at least one feature in some region, most features first. */
	categories: string[];
	rows: MatrixRow[];
}

export function regionMatrix(features: PlanFeature[], regions: MatrixRegion[]): RegionMatrix {
	const regionOf = new Map<string, MatrixRow[]>();
	const rows: MatrixRow[] = regions.map((r) => ({ ...r, counts: {}, ids: {}, total: 0 }));
	for (const row of rows) for (const p of row.prefectures) regionOf.set(p, [...(regionOf.get(p) ?? []), row]);
	const totals = new Map<string, number>();
	for (const f of features) {
		const p = f.properties;
		const categories = [...new Set(p.industries.map((i) => i.category))];
		if (!categories.length || !p.prefecture_code) continue;
		for (const row of regionOf.get(p.prefecture_code) ?? []) {
			row.total++;
			for (const c of categories) {
				row.counts[c] = (row.counts[c] ?? 0) + 1;
				(row.ids[c] ??= []).push(p.id);
				totals.set(c, (totals.get(c) ?? 0) + 1);
			}
		}
	}
	const categories = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
	return { categories, rows };
}

export type MatrixSort = { by: 'name' | 'total' | string; dir: 'asc' | 'desc' };

/** Rows sorted by a category's count, the total, or the name (Chinese by pinyin); ties keep the given order. */
export function sortMatrixRows(rows: MatrixRow[], sort: MatrixSort, lang: 'zh' | 'en'): MatrixRow[] {
	const sign = sort.dir === 'asc' ? 1 : -1;
	const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en');
	const key = (r: MatrixRow) => (sort.by === 'total' ? r.total : (r.counts[sort.by] ?? 0));
	return rows
		.map((r, i) => ({ r, i }))
		.sort((a, b) => {
			const c =
				sort.by === 'name'
					? collator.compare(lang === 'zh' ? a.r.name_zh : a.r.name_en, lang === 'zh' ? b.r.name_zh : b.r.name_en)
					: key(a.r) - key(b.r);
			return c ? sign * c : a.i - b.i;
		})
		.map((x) => x.r);
}

/** The matrix as CSV (UTF-8 with BOM): one line per region, one column per category id. */
export function matrixCsv(matrix: RegionMatrix): string {
	const head = ['region_id', 'name_zh', 'name_en', 'total', ...matrix.categories];
	const lines = [head.join(',')];
	for (const r of matrix.rows) {
		lines.push(
			[r.id, r.name_zh, r.name_en, r.total, ...matrix.categories.map((c) => r.counts[c] ?? 0)].map(csvCell).join(',')
		);
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The prefectures as matrix regions. */
export function prefectureRegions(prefectures: FeatureCollection): MatrixRegion[] {
	return prefectures.features.map((f) => ({
		id: `prefecture-${f.properties!.code}`,
		name_zh: String(f.properties!.name_zh),
		name_en: String(f.properties!.name_en),
		prefectures: [String(f.properties!.code)]
	}));
}

/** The five economic regions as matrix regions: each holds the prefectures whose seat lies in it. */
export function economicRegions(features: PlanFeature[], prefectureSeats: FeatureCollection): MatrixRegion[] {
	return features
		.filter((f) => f.properties.kind === 'economic_region' && /Polygon/.test(f.geometry.type))
		.map((f) => ({
			id: f.properties.id,
			name_zh: f.properties.name_zh,
			name_en: f.properties.name_en,
			prefectures: prefectureSeats.features
				.filter((seat) => booleanPointInPolygon(seat.geometry as Point, f.geometry as Polygon | MultiPolygon))
				.map((seat) => String(seat.properties!.code))
		}));
}
