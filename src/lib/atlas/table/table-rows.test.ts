import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import {
	compactFilter,
	facetCounts,
	filterRows,
	filtersMap,
	logHistogram,
	sortRows,
	statusCounts,
	tableCsv,
	tableGeoJson,
	tableRows,
	TABLE_FILE_COLUMNS,
	type Bounds
} from './table-rows';

const src = { seed: '000_c35a7d169af5c8ce.txt', line: 270, quote: '开工建设' };
interface Spec {
	id: string;
	name_zh: string;
	kind?: string;
	status?: string;
	at?: [number, number];
	county?: string | null;
	prefecture?: string | null;
	precision?: string;
	industries?: { category: string; text_zh: string }[];
	figures?: object[];
}
const feature = (x: Spec) =>
	({
		type: 'Feature',
		properties: {
			id: x.id,
			name_zh: x.name_zh,
			name_en: `${x.id} (en)`,
			aliases: [],
			kind: x.kind ?? 'hydro_station',
			layers: ['energy-hydro'],
			county_code: x.county === undefined ? '513323' : x.county,
			prefecture_code: x.prefecture === undefined ? '513300' : x.prefecture,
			industries: x.industries ?? [],
			figures: x.figures ?? [],
			...(x.status ? { status: x.status } : {}),
			sources: [src],
			location: { precision: x.precision ?? 'county', basis: 'seat', note_zh: '以县城代位', note_en: 'seat stands in' },
			file: 'test.json'
		},
		geometry: { type: 'Point', coordinates: x.at ?? [101.9, 30.9] }
	}) as unknown as PlanFeature;

const capacity = (value: number, unit: string, normalised: number, metric = 'planned_capacity') => ({
	metric,
	value,
	unit,
	value_normalised: normalised,
	unit_normalised: 'MW',
	period: 'unspecified',
	kind: 'planned',
	source: src
});
const investment = (value: number) => ({
	metric: 'planned_investment',
	value,
	unit: '亿元',
	value_normalised: value * 100,
	unit_normalised: 'million CNY',
	period: '2021-2025',
	kind: 'investment',
	source: src
});

const counties = new Map([
	['513323', { name_zh: '丹巴县', name_en: 'Danba' }],
	['511102', { name_zh: '市中区', name_en: 'Shizhong' }]
]);
const prefectures = new Map([
	['513300', { name_zh: '甘孜藏族自治州', name_en: 'Garzê' }],
	['511100', { name_zh: '乐山市', name_en: 'Leshan' }]
]);

const features = [
	feature({ id: 'badi', name_zh: '巴底水电站', status: 'to_start' }),
	feature({
		id: 'pv',
		name_zh: '光伏基地',
		kind: 'pv_base',
		status: 'planned',
		figures: [capacity(5395, '万千瓦', 53950)],
		industries: [{ category: 'solar', text_zh: '光伏发电' }]
	}),
	feature({
		id: 'turbine',
		name_zh: '白马电厂',
		kind: 'project',
		figures: [capacity(475, 'MW', 475, 'unit_capacity_each_of_2')]
	}),
	feature({
		id: 'wind',
		name_zh: '风电基地',
		kind: 'wind_base',
		status: 'under_construction',
		figures: [capacity(143.5, '万千瓦', 1435)]
	}),
	feature({
		id: 'park',
		name_zh: '=HYPERLINK("x")',
		kind: 'enclave_park',
		status: 'under_construction',
		county: '511102',
		prefecture: '511100',
		at: [103.7, 29.5],
		precision: 'site',
		figures: [investment(118)],
		industries: [
			{ category: 'lithium', text_zh: '锂电' },
			{ category: 'lithium', text_zh: '锂电' }
		]
	}),
	feature({ id: 'area', name_zh: '阿坝', kind: 'subregion', county: null, prefecture: null, precision: 'schematic' })
];
const rows = tableRows(features, counties, prefectures);
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('table rows', () => {
	test('one row per feature with places named, figures as written and normalised, status stated or not', () => {
		expect(ids(rows)).toEqual(['badi', 'pv', 'turbine', 'wind', 'park', 'area']);
		const pv = rows[1];
		expect(pv.prefecture_zh).toBe('甘孜藏族自治州');
		expect(pv.county_en).toBe('Danba');
		expect(pv.capacity).toMatchObject({ text: '5395 万千瓦', value: 53950, unit: 'MW' });
		expect(rows[0].status).toBe('to_start');
		expect(rows[2].status).toBe('unstated');
		expect(rows[5].prefecture_zh).toBe('');
	});

	test('a per-unit capacity counts every unit the plan names (2×475 MW is 950 MW)', () => {
		expect(rows[2].capacity).toMatchObject({ text: '2×475 MW', value: 950 });
	});

	test('a planned capacity or target speaks for a feature before its baseline', () => {
		const cluster = feature({
			id: 'cluster',
			name_zh: '基地',
			figures: [
				{ ...capacity(1868, '万千瓦', 18680, 'clean_energy_installed_capacity'), kind: 'baseline', period: '2020' },
				{ ...capacity(2750, '万千瓦', 27500, 'clean_energy_installed_capacity'), kind: 'target', period: '2025' }
			]
		});
		expect(tableRows([cluster], counties, prefectures)[0].capacity).toMatchObject({
			text: '2750 万千瓦',
			period: '2025'
		});
	});

	test('investment is its own column; industries are listed once each', () => {
		expect(rows[4].investment).toMatchObject({ text: '118 亿元', value: 11800 });
		expect(rows[4].capacity).toBeNull();
		expect(rows[4].categories).toEqual(['lithium']);
		expect(rows[4].industries_zh).toBe('锂电');
	});
});

describe('sorting', () => {
	test('capacity, largest first; rows without a capacity last in either direction', () => {
		const desc = sortRows(rows, { column: 'capacity', dir: 'desc' }, 'zh');
		expect(ids(desc).slice(0, 3)).toEqual(['pv', 'wind', 'turbine']);
		const asc = sortRows(rows, { column: 'capacity', dir: 'asc' }, 'zh');
		expect(ids(asc).slice(0, 3)).toEqual(['turbine', 'wind', 'pv']);
		expect(ids(asc).slice(3)).toEqual(['badi', 'park', 'area']);
	});

	test('Chinese names by pinyin (阿 before 巴 before 白 before 风 before 光)', () => {
		const byName = sortRows(rows.slice(0, 4).concat(rows[5]), { column: 'name', dir: 'asc' }, 'zh');
		expect(byName.map((r) => r.name_zh)).toEqual(['阿坝', '巴底水电站', '白马电厂', '风电基地', '光伏基地']);
	});

	test('status from built to planned; no sort keeps the data order', () => {
		const byStatus = sortRows(rows, { column: 'status', dir: 'asc' }, 'en');
		expect(byStatus.map((r) => r.status).slice(0, 4)).toEqual([
			'under_construction',
			'under_construction',
			'to_start',
			'planned'
		]);
		expect(sortRows(rows, undefined, 'zh')).toBe(rows);
	});
});

describe('filtering', () => {
	test('text matches names, places and industries in either language, every word', () => {
		expect(ids(filterRows(rows, { text: '丹巴 风电' }))).toEqual(['wind']);
		expect(ids(filterRows(rows, { text: 'LESHAN' }))).toEqual(['park']);
		expect(ids(filterRows(rows, { text: 'lithium' }))).toEqual(['park']);
		expect(ids(filterRows(rows, { text: '光伏' }))).toEqual(['pv']);
	});

	test('kinds, prefectures, statuses and precision; an empty list filters nothing', () => {
		expect(ids(filterRows(rows, { statuses: ['under_construction'] }))).toEqual(['wind', 'park']);
		expect(ids(filterRows(rows, { statuses: ['unstated'] }))).toEqual(['turbine', 'area']);
		expect(ids(filterRows(rows, { prefectures: ['511100'] }))).toEqual(['park']);
		expect(ids(filterRows(rows, { kinds: ['pv_base', 'wind_base'], precision: ['county'] }))).toEqual(['pv', 'wind']);
		expect(filterRows(rows, { kinds: [] })).toHaveLength(rows.length);
	});

	test('figure ranges are inclusive and leave out rows without the figure', () => {
		expect(ids(filterRows(rows, { capacity: [950, 1435] }))).toEqual(['turbine', 'wind']);
		expect(ids(filterRows(rows, { investment: [0, 1e9] }))).toEqual(['park']);
	});

	test('"only what is in view" keeps features overlapping the view', () => {
		const leshan: Bounds = [103, 29, 104, 30];
		expect(ids(filterRows(rows, { inView: true }, leshan))).toEqual(['park']);
		// without a view it limits nothing, and it is never the map's filter
		expect(filterRows(rows, { inView: true }, null)).toHaveLength(rows.length);
		expect(filtersMap({ inView: true })).toBe(false);
		expect(filtersMap({ statuses: ['existing'] })).toBe(true);
		expect(filtersMap({ text: '   ' })).toBe(false);
	});

	test('status counts ignore the status choice itself but follow the rest (GEM idiom)', () => {
		const counts = statusCounts(
			rows,
			{ statuses: ['planned'], kinds: ['wind_base', 'pv_base', 'hydro_station'] },
			null
		);
		expect(counts.get('under_construction')).toBe(1);
		expect(counts.get('planned')).toBe(1);
		expect(counts.get('to_start')).toBe(1);
		expect(counts.get('existing')).toBe(0);
		expect(facetCounts(rows, { kinds: ['pv_base'] }, null, 'kinds').get('enclave_park')).toBe(1);
	});

	test('a compact filter drops empty parts', () => {
		expect(compactFilter({ text: ' ', kinds: [], statuses: ['study'], inView: false })).toEqual({
			statuses: ['study']
		});
	});
});

describe('histogram and files', () => {
	test('a log histogram covers every value once', () => {
		const h = logHistogram([475, 950, 1435, 53950, 0], 6)!;
		expect(h.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
		expect(h.domain[0]).toBeCloseTo(475);
		expect(h.domain[1]).toBeCloseTo(53950);
		expect(logHistogram([])).toBeNull();
		expect(logHistogram([5])!.bins.reduce((n, b) => n + b.count, 0)).toBe(1);
	});

	test('CSV: BOM, the file columns, one line per row, formula-like text inert', () => {
		const csv = tableCsv(rows);
		expect(csv.startsWith('\uFEFF' + TABLE_FILE_COLUMNS.join(','))).toBe(true);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(rows.length + 1);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain('5395 万千瓦,53950');
		expect(csv).toContain('000_c35a7d169af5c8ce.txt:270');
	});

	test('GeoJSON: the same columns as properties and the feature geometry', () => {
		const byId = new Map(features.map((f) => [f.properties.id, f]));
		const fc = JSON.parse(tableGeoJson(rows.slice(0, 2), (id) => byId.get(id)));
		expect(fc.features).toHaveLength(2);
		expect(Object.keys(fc.features[1].properties)).toEqual([...TABLE_FILE_COLUMNS]);
		expect(fc.features[1].properties.capacity_mw).toBe(53950);
		expect(fc.features[0].geometry.type).toBe('Point');
	});
});
