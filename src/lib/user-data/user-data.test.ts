import { describe, expect, test } from 'vitest';
import { havePublishedData, loadPublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { placesAt } from '$lib/geo/spatial-index';
import { checkSize, decodeText, UserDataError } from './decode';
import { MAX_CELL_CHARS, parseTable } from './parse-table';
import { detectPointColumns, looksSwapped, suggestCrs, toWgs84 } from './coordinates';
import { regionMatcher, shortZh, type Place } from './regions';
import { buildLayer, type Geography, type PointLayer, type RegionLayer } from './user-layer';
import { joinedTable, joinLayer, PLAN_COLUMNS, summarise, toCsv } from './join';
import { reasonText } from './reasons';

describe('decoding', () => {
	test('UTF-8 (with a byte-order mark) and GB18030, which Chinese Excel writes', () => {
		const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('经度,纬度\n')]);
		expect(decodeText(utf8)).toEqual({ text: '经度,纬度\n', encoding: 'utf-8' });
		const gbk = new Uint8Array([190, 173, 182, 200, 44, 206, 179, 182, 200, 44, 195, 251, 179, 198, 10]);
		expect(decodeText(gbk)).toEqual({ text: '经度,纬度,名称\n', encoding: 'gb18030' });
	});
	test('a file past the limit is refused with the limit, in both languages', () => {
		expect(() => checkSize(10, 5)).toThrow(/limit/);
		try {
			checkSize(200 * 1024 * 1024);
		} catch (e) {
			expect((e as UserDataError).message).toContain('64.0 MB');
			expect((e as UserDataError).zh).toContain('64.0 MB');
		}
		expect(() => checkSize(1000)).not.toThrow();
	});
});

describe('parsing', () => {
	test('CSV: bad rows are named with their spreadsheet row number, good rows kept as strings', () => {
		const t = parseTable(
			'name,lon,lat\na,104.1,30.6\nb,104.2\n\nc,104.3,30.7,\n"<img src=x onerror=alert(1)>",104,30\n'
		);
		expect(t.columns).toEqual(['name', 'lon', 'lat']);
		expect(t.rows.map((r) => r[0])).toEqual(['a', 'c', '<img src=x onerror=alert(1)>']);
		expect(t.rowNumbers).toEqual([2, 5, 6]);
		expect(t.bad).toEqual([{ row: 3, code: 'cell-count', detail: '2/3', cells: ['b', '104.2'] }]);
		expect(reasonText('cell-count', '2/3', 'zh')).toContain('2/3');
	});
	test('TSV, duplicate and empty headers, enormous cells refused', () => {
		const t = parseTable(`x\tx\t\n1\t2\t${'a'.repeat(MAX_CELL_CHARS + 1)}\n3\t4\t5\n`);
		expect(t.columns).toEqual(['x', 'x (2)', 'column 3']);
		expect(t.rows).toEqual([['3', '4', '5']]);
		expect(t.bad[0]).toMatchObject({ row: 2, code: 'too-long', cells: [] });
	});
	test('GeoJSON points: properties become columns; other geometries are bad rows', () => {
		const t = parseTable(
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					{ type: 'Feature', properties: { n: 'a', v: 1 }, geometry: { type: 'Point', coordinates: [104, 30] } },
					{ type: 'Feature', properties: { n: 'b' }, geometry: { type: 'LineString', coordinates: [] } },
					{ type: 'Feature', properties: { n: 'c', extra: { k: 1 } }, geometry: null }
				]
			})
		);
		expect(t.columns).toEqual(['n', 'v', 'extra']);
		expect(t.rows).toEqual([['a', '1', '']]);
		expect(t.points).toEqual([[104, 30]]);
		expect(t.bad.map((b) => [b.row, b.code, b.detail])).toEqual([
			[2, 'geometry', 'LineString'],
			[3, 'geometry', 'missing']
		]);
	});
	test('malformed JSON and empty files get a clear message', () => {
		expect(() => parseTable('{"type":')).toThrow(/looks like JSON/);
		expect(() => parseTable('')).toThrow(/empty/);
		expect(() => parseTable('{"type":"FeatureCollection","features":[]}')).toThrow(/no features/);
	});
});

describe('coordinates', () => {
	test('column names in any common form', () => {
		expect(detectPointColumns(['名称', '经度', '纬度'])).toEqual({ lon: 1, lat: 2 });
		expect(detectPointColumns(['LNG', 'LAT'])).toEqual({ lon: 0, lat: 1 });
		expect(detectPointColumns(['Longitude (°)', 'Latitude (°)'])).toEqual({ lon: 0, lat: 1 });
		expect(detectPointColumns(['id', 'x', 'y'])).toEqual({ lon: 1, lat: 2 });
		expect(detectPointColumns(['GCJ经度', 'GCJ纬度'])).toEqual({ lon: 0, lat: 1 });
		expect(detectPointColumns(['name', 'county'])).toBeNull();
	});
	test('swapped columns are noticed', () => {
		expect(
			looksSwapped([
				[30.6, 104.1],
				[29.5, 103.7]
			])
		).toBe(true);
		expect(looksSwapped([[104.1, 30.6]])).toBe(false);
	});
	test('GCJ-02 and BD-09 convert to WGS84 by a few hundred metres', () => {
		const [x, y] = toWgs84([104.066, 30.657], 'gcj02');
		expect(Math.abs(x - 104.066) * 96).toBeGreaterThan(0.1);
		expect(Math.abs(x - 104.066) * 96 + Math.abs(y - 30.657) * 111).toBeLessThan(1);
		const [bx] = toWgs84([104.066, 30.657], 'bd09');
		expect(Math.abs(bx - x) * 96).toBeGreaterThan(0.3);
	});
	test('the suggestion is the reading that puts most points inside; a tie says WGS84 without being clear', () => {
		const east = (p: [number, number]) => (p[0] > 104.0 ? 'in' : null);
		// read as GCJ-02 the points move west (out); read as WGS84 they stay in
		expect(suggestCrs([[104.001, 30]], east)).toMatchObject({ crs: 'wgs84', clear: true });
		const west = (p: [number, number]) => (p[0] < 104.0 ? 'in' : null);
		expect(suggestCrs([[104.001, 30]], west).inside.wgs84).toBe(0);
		expect(suggestCrs([[104.001, 30]], west).crs).not.toBe('wgs84');
		expect(suggestCrs([[104.5, 30]], () => 'in')).toMatchObject({ crs: 'wgs84', clear: false });
	});
});

describe('region names', () => {
	const counties: Place[] = [
		{
			code: '513334',
			name_zh: '理塘县',
			label_zh: '理塘县',
			name_en: 'Litang County',
			label_en: 'Litang',
			prefecture_code: '513300'
		},
		{
			code: '513222',
			name_zh: '理县',
			label_zh: '理县',
			name_en: 'Li County',
			label_en: 'Li',
			prefecture_code: '513200'
		},
		{ code: '510726', name_zh: '北川羌族自治县', name_en: 'Beichuan Qiang Autonomous County' }
	];
	const prefectures: Place[] = [
		{
			code: '513200',
			name_zh: '阿坝藏族羌族自治州',
			label_zh: '阿坝州',
			name_en: 'Aba Tibetan and Qiang Autonomous Prefecture',
			label_en: 'Aba'
		}
	];
	const m = regionMatcher(counties, prefectures);
	test.each(['理塘', '理塘县', '513334', '513334000000', 'Litang', 'litang county', ' 理塘县 ', '甘孜州理塘县'])(
		'%s → 理塘县',
		(cell) => {
			expect(m.match(cell, 'county')).toMatchObject({ code: '513334' });
		}
	);
	test('short forms, autonomous names, prefectures', () => {
		expect(shortZh('理县')).toBeUndefined();
		expect(m.match('理县', 'county')).toMatchObject({ code: '513222' });
		expect(m.match('理', 'county')).toBeNull();
		expect(m.match('北川', 'county')).toMatchObject({ code: '510726' });
		expect(m.match('阿坝州', 'prefecture')).toMatchObject({ code: '513200' });
		expect(m.match('阿坝', 'prefecture')).toMatchObject({ code: '513200' });
		expect(m.match('成都', 'county')).toBeNull();
	});
});

test('formula-safe CSV: = + - @ cells get a quote mark, plain numbers do not', () => {
	const csv = toCsv(
		['a', 'b'],
		[
			['=HYPERLINK("x")', '-12.5'],
			['@SUM(A1)', '+1+1'],
			['<b>x</b>', 'ok']
		]
	);
	expect(csv.split('\r\n')).toEqual(['a,b', `"'=HYPERLINK(""x"")",-12.5`, `"'@SUM(A1)","'+1+1"`, '<b>x</b>,ok']);
});

describe.skipIf(!havePublishedData)('real data: joined to the plans', () => {
	const index = havePublishedData ? publishedSpatialIndex() : null!;
	const { base } = havePublishedData ? loadPublishedData() : null!;
	const places = (fc: typeof base.counties) => fc.features.map((f) => f.properties as Place);
	const geo: Geography = {
		matcher: regionMatcher(places(base.counties), places(base.prefectures)),
		countyAt: (p) => placesAt(index, p).county?.code ?? null
	};

	test('points: GCJ-02 read and converted; each row gets county, prefecture, region and the nearest park', () => {
		// 康定 and 成都 天府广场, as a Chinese web map gives them (GCJ-02), one bad row
		const text = '名称,经度,纬度\n康定,101.9588,29.9989\n天府广场,104.0657,30.6574\n坏行,abc,30\n';
		const layer = buildLayer(parseTable(text), geo, 'u1', { crs: 'gcj02' }) as PointLayer;
		expect(layer.kind).toBe('points');
		expect(layer.crs).toBe('gcj02');
		expect(layer.bad).toEqual([{ row: 4, code: 'not-number', detail: '"abc"', cells: ['坏行', 'abc', '30'] }]);
		expect(layer.positions[0]).toBeCloseTo(101.9564, 2);
		const joined = joinLayer(layer, index);
		expect(joined.map((r) => r.county)).toEqual(['康定市', '青羊区']);
		expect(joined[0].prefecture).toBe('甘孜藏族自治州');
		expect(joined[1].economic_region).toMatch(/成都平原经济区/);
		expect(joined[0].nearest_park).not.toBe('');
		expect(['site', 'seat-level']).toContain(joined[0].nearest_park_placement);
		const summary = summarise(joined);
		expect(summary.rows).toBe(2);
		expect(summary.inSichuan).toBe(2);
		expect(summary.byRegion.reduce((s, r) => s + r.count, 0)).toBe(2);
		const table = joinedTable(layer, joined);
		expect(table.columns).toEqual(['名称', '经度', '纬度', 'wgs84_lon', 'wgs84_lat', ...PLAN_COLUMNS]);
	});

	test('swapped columns are read the right way round', () => {
		const layer = buildLayer(parseTable('lat,lon\n101.9564,30.0013\n'), geo, 'u2') as PointLayer;
		expect(layer.swapped).toBe(true);
		expect(joinLayer(layer, index)[0].county).toBe('康定市');
	});

	test('a county table joins by name in any form, unknown names are bad rows', () => {
		const text = '县,企业数\n理塘,12\n康定市,30\n513401,4\n不存在县,1\n';
		const layer = buildLayer(parseTable(text), geo, 'u3') as RegionLayer;
		expect(layer.kind).toBe('regions');
		expect(layer.level).toBe('county');
		expect(layer.codes).toEqual(['513334', '513301', '513401']);
		expect(layer.bad.map((b) => [b.row, b.code])).toEqual([[5, 'no-region']]);
		const joined = joinLayer(layer, index);
		expect(joined[0]).toMatchObject({ county: '理塘县', prefecture: '甘孜藏族自治州' });
	});

	test('a table with neither coordinates nor places is refused with a clear message', () => {
		expect(() => buildLayer(parseTable('a,b\n1,2\n'), geo, 'u4')).toThrow(/no coordinate columns/);
	});
});
