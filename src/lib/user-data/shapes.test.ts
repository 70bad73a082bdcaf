import { describe, expect, it } from 'vitest';
import { placesAt } from '$lib/geo/spatial-index';
import { havePublishedData, loadPublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { UserDataError } from './decode';
import { parseTable } from './parse-table';
import { regionMatcher, type Place } from './regions';
import {
	joinShapes,
	LINE_REACH_KM,
	shapeProblem,
	shapeTable,
	summariseShapes,
	SHAPE_COLUMNS,
	type ShapeLayer
} from './shapes';
import { buildLayer, type Geography } from './user-layer';

const ring = (x0: number, y0: number, x1: number, y1: number) => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({
	type: 'Feature',
	properties,
	geometry
});
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('reading shapes', () => {
	it('reads polygons and lines as shapes, and names each broken one with its feature number', () => {
		const table = parseTable(
			fc(
				feature({ type: 'Polygon', coordinates: [ring(104, 30.6, 104.1, 30.7)] }, { name: 'ok' }),
				feature({ type: 'Polygon', coordinates: [ring(104, 30, 105, 31).slice(0, 4)] }, { name: 'open' }),
				feature(
					{
						type: 'Polygon',
						coordinates: [
							[
								[104, 30],
								[105, 30],
								[104, 30]
							]
						]
					},
					{ name: 'short' }
				),
				feature(
					{
						type: 'Polygon',
						coordinates: [
							[
								[104, 30],
								[105, 31],
								[105, 30],
								[104, 31],
								[104, 30]
							]
						]
					},
					{ name: 'bowtie' }
				),
				feature(
					{
						type: 'LineString',
						coordinates: [
							[104, 30],
							['x', 31]
						]
					},
					{ name: 'nan' }
				),
				feature(
					{
						type: 'LineString',
						coordinates: [
							[104, 30],
							[105, 31]
						]
					},
					{ name: '<img src=x onerror=alert(1)>' }
				),
				feature({ type: 'Point', coordinates: [104, 30] }, { name: 'point' })
			)
		);
		expect(table.rows).toEqual([['ok'], ['<img src=x onerror=alert(1)>']]);
		expect(table.rowNumbers).toEqual([1, 6]);
		expect(table.bad.map((b) => [b.row, b.code])).toEqual([
			[2, 'ring-open'],
			[3, 'ring-short'],
			[4, 'self-crossing'],
			[5, 'not-number'],
			[7, 'geometry']
		]);
	});

	it('names an unclosed ring', () => {
		const open = [...ring(104, 30, 105, 31).slice(0, 4), [104.5, 30.2]];
		expect(shapeProblem({ type: 'Polygon', coordinates: [open] })).toEqual({ code: 'ring-open', detail: '104, 30' });
		expect(shapeProblem({ type: 'MultiPolygon', coordinates: [[ring(1, 1, 2, 2)]] })).toBeNull();
		expect(
			shapeProblem({
				type: 'Polygon',
				coordinates: [
					[
						[200, 30],
						[1, 1],
						[2, 2],
						[200, 30]
					]
				]
			})?.code
		).toBe('out-of-range');
	});

	it('refuses a projected crs by name, and reads the WGS84 ones', () => {
		const withCrs = (name: string) =>
			JSON.stringify({
				type: 'FeatureCollection',
				crs: { type: 'name', properties: { name } },
				features: [feature({ type: 'Polygon', coordinates: [ring(104, 30, 105, 31)] })]
			});
		expect(() => parseTable(withCrs('urn:ogc:def:crs:EPSG::3857'))).toThrow(UserDataError);
		expect(() => parseTable(withCrs('urn:ogc:def:crs:EPSG::3857'))).toThrow(/EPSG::3857/);
		expect(parseTable(withCrs('urn:ogc:def:crs:OGC:1.3:CRS84')).rows).toHaveLength(1);
	});
});

describe.skipIf(!havePublishedData)('real data: shapes joined to the plans', () => {
	const index = havePublishedData ? publishedSpatialIndex() : null!;
	const { base } = havePublishedData ? loadPublishedData() : null!;
	const places = (f: typeof base.counties) => f.features.map((x) => x.properties as Place);
	const geo: Geography = {
		matcher: regionMatcher(places(base.counties), places(base.prefectures)),
		countyAt: (p) => placesAt(index, p).county?.code ?? null
	};

	it("a box over central 成都 meets its districts, 成都市 and 成都平原经济区; a box over 康定 doesn't", () => {
		const text = fc(
			feature({ type: 'Polygon', coordinates: [ring(104.03, 30.63, 104.1, 30.7)] }, { name: '中心' }),
			feature(
				{
					type: 'LineString',
					coordinates: [
						[101.9, 30.0],
						[101.97, 30.05]
					]
				},
				{ name: '康定线' }
			)
		);
		const layer = buildLayer(parseTable(text), geo, 's1', { crs: 'wgs84' }) as ShapeLayer;
		expect(layer.kind).toBe('shapes');
		const joins = joinShapes(layer, index);
		const names = joins[0].counties.map((c) => c.name_zh);
		expect(names).toContain('青羊区');
		expect(names).toContain('锦江区');
		expect(names).not.toContain('康定市');
		expect(joins[0].prefectures.map((p) => p.name_zh)).toEqual(['成都市']);
		expect(joins[0].economicRegions.map((r) => r.name_zh).join()).toMatch(/成都平原经济区/);
		expect(joins[1].counties.map((c) => c.name_zh)).toEqual(['康定市']);
		expect(joins[1].inside).toEqual([]);
		const table = shapeTable(layer, joins);
		expect(table.columns).toEqual(['name', ...SHAPE_COLUMNS]);
		expect(table.rows[0][1]).toContain('青羊区');
		const certain = joins[0].inside.filter((f) => f.certainty === 'certain').length;
		expect(table.rows[0][5]).toBe(String(certain));
		expect(table.rows[0][6]).toBe(String(joins[0].inside.length - certain));
		const summary = summariseShapes(joins);
		expect(summary.inSichuan).toBe(2);
	});

	it('a road across 康定 counts the plan features within 10 km: exact ones certain, seat stand-ins possible', () => {
		const road = {
			type: 'LineString',
			coordinates: [
				[101.9, 30.0],
				[101.97, 30.05]
			]
		};
		const text = fc(feature({ type: 'Polygon', coordinates: [ring(104.03, 30.63, 104.1, 30.7)] }), feature(road));
		const layer = buildLayer(parseTable(text), geo, 's2', { crs: 'wgs84' }) as ShapeLayer;
		const joins = joinShapes(layer, index);
		expect(joins[0].near).toEqual([]);
		const near = joins[1].near;
		expect(near.length).toBeGreaterThan(0);
		for (const h of near) {
			if (h.certainty === 'certain') expect(h.kmMax ?? h.km).toBeLessThanOrEqual(LINE_REACH_KM);
			else expect(['county', 'prefecture']).toContain(h.precision);
			expect(h.kind).not.toBe('economic_region');
		}
		const table = shapeTable(layer, joins);
		const col = (row: number, name: string) => table.rows[row][table.columns.indexOf(name)];
		const certain = near.filter((h) => h.certainty === 'certain').length;
		expect(col(1, 'plan_features_near_line')).toBe(String(certain));
		expect(col(1, 'plan_features_possibly_near_line')).toBe(String(near.length - certain));
		expect(col(1, 'near_line_km')).toBe(String(LINE_REACH_KM));
		expect(col(1, 'plan_feature_ids').split('; ')).toEqual(near.map((h) => h.id));
		expect(col(0, 'plan_features_near_line')).toBe('');
		expect(col(0, 'near_line_km')).toBe('');
	});
});
