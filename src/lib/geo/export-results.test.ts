import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import { csvCell, exportFileName, resultsCsv, resultsGeoJson, type ExportRow } from './export-results';

const feature = {
	type: 'Feature',
	properties: {
		id: 'park-a',
		sources: [
			{ seed: '000_c35a7d169af5c8ce.txt', line: 12, quote: '…' },
			{ seed: '003_734b95398a35004a.txt', line: 40, quote: '…' }
		]
	},
	geometry: { type: 'Point', coordinates: [101.9, 30.0] }
} as unknown as PlanFeature;
const row: ExportRow = {
	id: 'park-a',
	kind: 'park',
	name_zh: '甘眉"工业",园区\n二期',
	name_en: '=HYPERLINK("http://127.0.0.1/x")',
	precision: 'county',
	county_code: '513301',
	km: 12.3456,
	kmMin: 0,
	kmMax: 41.239,
	relation: 'inside',
	certainty: 'possible'
};
const lookup = (id: string) => (id === 'park-a' ? feature : undefined);

describe('exporting results', () => {
	test('CSV starts with the UTF-8 BOM, has a header and CRLF rows', () => {
		const csv = resultsCsv([row], lookup);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header] = csv.slice(1).split('\r\n');
		expect(header).toBe('id,name_zh,name_en,kind,km,km_min,km_max,precision,county_code,relation,certainty,source');
		expect(csv.endsWith('\r\n')).toBe(true);
	});

	test('quotes, commas and line breaks are quoted (RFC 4180); formulas are made inert', () => {
		const csv = resultsCsv([row], lookup);
		expect(csv).toContain('"甘眉""工业"",园区\n二期"');
		expect(csv).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"")"`);
		expect(csv).toContain(
			',12.35,0,41.24,county,513301,inside,possible,000_c35a7d169af5c8ce.txt:12; 003_734b95398a35004a.txt:40'
		);
		for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvCell(bad)).toBe(`'${bad}`);
		expect(csvCell(-1)).toBe('-1'); // numbers are numbers
		expect(csvCell(null)).toBe('');
	});

	test('GeoJSON is a FeatureCollection of the result features with the same columns', () => {
		const fc = JSON.parse(resultsGeoJson([row, { ...row, id: 'missing' }], lookup));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0].geometry).toEqual(feature.geometry);
		expect(fc.features[0].properties).toMatchObject({
			id: 'park-a',
			km: 12.35,
			km_min: 0,
			km_max: 41.24,
			certainty: 'possible',
			county_code: '513301'
		});
		expect(fc.features[0].properties.source).toMatch(/000_c35a7d169af5c8ce.txt:12/);
	});

	test('file names are ASCII slugs', () => {
		expect(exportFileName(['near', 'axis-kangba-east-west', '20km'], 'csv')).toBe(
			'sichuan-plan-atlas-near-axis-kangba-east-west-20km.csv'
		);
		expect(exportFileName(['at', '101.9556,30.0013'], 'geojson')).toBe(
			'sichuan-plan-atlas-at-101.9556-30.0013.geojson'
		);
	});
});
