/**
 * A result list (what is here / near / inside) as files people can take away: CSV that Excel opens with Chinese
 * intact (UTF-8 with BOM), and GeoJSON. Pure functions returning strings; the UI turns them into downloads.
 */
import type { PlanFeature } from '$lib/data/plan-data';

export interface ExportRow {
	id: string;
	kind: string;
	name_zh: string;
	name_en: string;
	precision: string;
	county_code: string | null;
	km?: number;
	/** For a seat-placed feature: the range of distances over where it may be. */
	kmMin?: number;
	kmMax?: number;
	relation?: string;
	/** certain, or possible (the answer holds for only part of where it may be). */
	certainty?: string;
}

export const CSV_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	'kind',
	'km',
	'km_min',
	'km_max',
	'precision',
	'county_code',
	'relation',
	'certainty',
	'source'
] as const;
const BOM = '\uFEFF';
/** Cells a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; formula-like text made inert. */
export function csvCell(value: unknown): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Where the feature comes from: seed file and line of every citation. */
const sourcesOf = (f: PlanFeature | undefined) =>
	f ? f.properties.sources.map((s) => `${s.seed}:${s.line}`).join('; ') : '';
const roundKm = (km: number | undefined) => (km === undefined ? undefined : Math.round(km * 100) / 100);

function record(row: ExportRow, feature: PlanFeature | undefined) {
	return {
		id: row.id,
		name_zh: row.name_zh,
		name_en: row.name_en,
		kind: row.kind,
		km: roundKm(row.km),
		km_min: roundKm(row.kmMin),
		km_max: roundKm(row.kmMax),
		precision: row.precision,
		county_code: row.county_code,
		relation: row.relation,
		certainty: row.certainty,
		source: sourcesOf(feature)
	};
}

export function resultsCsv(rows: ExportRow[], lookup: (id: string) => PlanFeature | undefined): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const row of rows) {
		const r = record(row, lookup(row.id));
		lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
	}
	return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function resultsGeoJson(rows: ExportRow[], lookup: (id: string) => PlanFeature | undefined): string {
	const features = rows.flatMap((row) => {
		const f = lookup(row.id);
		if (!f) return [];
		const props = Object.fromEntries(Object.entries(record(row, f)).filter(([, v]) => v !== undefined));
		return [{ type: 'Feature', id: row.id, properties: props, geometry: f.geometry }];
	});
	return JSON.stringify({ type: 'FeatureCollection', features });
}

/** `sichuan-plan-atlas-near-axis-kangba-east-west-20km.csv` — ASCII, safe on every file system. */
export function exportFileName(parts: (string | number)[], ext: 'csv' | 'geojson'): string {
	const slug = parts
		.map((p) => String(p).replace(/[^A-Za-z0-9.]+/g, '-'))
		.join('-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
	return `sichuan-plan-atlas-${slug}.${ext}`;
}
