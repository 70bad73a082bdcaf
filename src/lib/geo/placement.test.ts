import { describe, expect, test } from 'vitest';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import type { PlanProperties } from '$lib/data/plan-schema';
import type { PlanFeature } from '$lib/data/plan-data';
import { havePublishedData, loadPublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { greatCircleKm, shapeOf } from './distance';
import { kmRange, possibleAreas, whereOf, withinCertainty, type Where } from './placement';
import { featuresInArea } from './features-in-area';
import { at, buildSpatialIndex, inside, near, proximity } from './spatial-index';

const ring = (x: number, y: number, w: number, h = w): Position[] => [
	[x, y],
	[x + w, y],
	[x + w, y + h],
	[x, y + h],
	[x, y]
];
const rect = (x: number, y: number, w: number, h = w): Polygon => ({
	type: 'Polygon',
	coordinates: [ring(x, y, w, h)]
});
const place = (code: string, geometry: Geometry): Feature => ({
	type: 'Feature',
	properties: { code, name_zh: code, name_en: code, prefecture_code: `${code.slice(0, 4)}00` },
	geometry
});
const pt = (id: string, x: number, y: number, props: Partial<PlanProperties> = {}): PlanFeature => ({
	type: 'Feature',
	properties: {
		id,
		name_zh: id,
		name_en: id,
		aliases: [],
		kind: 'park',
		layers: ['aba-parks'],
		county_code: null,
		prefecture_code: null,
		industries: [],
		figures: [],
		sources: [{ seed: '000_c35a7d169af5c8ce.txt', line: 1, quote: '示例' }],
		location: { precision: 'site', basis: 'public', confidence: 'high', note_zh: '测试', note_en: 'test' },
		file: 'test.json',
		...props
	},
	geometry: { type: 'Point', coordinates: [x, y] }
});

// County A = [100,101]×[30,31], county B = [101,102]×[30,31]; prefecture 510100 = both.
const counties = [place('510101', rect(100, 30, 1)), place('510102', rect(101, 30, 1))];
const prefectures = [place('510100', rect(100, 30, 2, 1))];
const seatA = pt('seat-a', 100.5, 30.5, {
	county_code: '510101',
	prefecture_code: '510100',
	location: { precision: 'county', basis: 'seat', note_zh: '县城', note_en: 'seat' }
});
const seatP = pt('seat-p', 100.5, 30.5, {
	prefecture_code: '510100',
	location: { precision: 'prefecture', basis: 'seat', note_zh: '市驻地', note_en: 'seat' }
});
const site = pt('site', 100.52, 30.5, { county_code: '510101', prefecture_code: '510100' });
const features = [seatA, seatP, site];
const areaOf = possibleAreas(counties, prefectures);
const exact = (g: Geometry): Where => ({ shape: shapeOf(g), uncertain: false });

describe('where a feature may be', () => {
	test('a county-seat point may be anywhere in its county, a prefecture-seat point in its prefecture; sites are exact', () => {
		expect(areaOf(seatA)?.properties?.code).toBe('510101');
		expect(areaOf(seatP)?.properties?.code).toBe('510100');
		expect(areaOf(site)).toBeUndefined();
		expect(whereOf(site, areaOf).uncertain).toBe(false);
	});

	test('distance range: 0 to the farthest corner from inside; exact things have one number', () => {
		const p = exact({ type: 'Point', coordinates: [100.5, 30.5] });
		const r = kmRange(p, whereOf(seatA, areaOf));
		expect(r.kmMin).toBe(0);
		// the farthest corner: on the sphere the southern corners are a little farther (longitude degrees are wider)
		expect(r.kmMax).toBeCloseTo(greatCircleKm([100.5, 30.5], [100, 30]), 6);
		const far = kmRange(exact({ type: 'Point', coordinates: [103, 30.5] }), whereOf(seatA, areaOf));
		expect(far.kmMin).toBeCloseTo(greatCircleKm([103, 30.5], [101, 30.5]), 0);
		expect(far.kmMax).toBeCloseTo(greatCircleKm([103, 30.5], [100, 30]), 6);
		const both = kmRange(p, whereOf(site, areaOf));
		expect(both.kmMin).toBe(both.kmMax);
	});

	test('to a line, the upper bound is never below the true farthest distance (checked on a grid)', () => {
		const line = exact({
			type: 'LineString',
			coordinates: [
				[99, 29.5],
				[100.6, 30.6],
				[102.5, 29]
			]
		});
		const r = kmRange(whereOf(seatA, areaOf), line);
		let worst = 0;
		for (let x = 100; x <= 101.0001; x += 0.05) {
			for (let y = 30; y <= 31.0001; y += 0.05) {
				const d = kmRange(exact({ type: 'Point', coordinates: [x, y] }), line).kmMin;
				worst = Math.max(worst, d);
			}
		}
		expect(r.kmMin).toBe(0);
		expect(r.kmMax).toBeGreaterThanOrEqual(worst - 1e-9);
		expect(r.kmMax).toBeLessThan(worst * 1.5);
	});

	test('within km: certain only when the farthest place is within, possible when only the nearest is', () => {
		expect(withinCertainty({ kmMin: 0, kmMax: 40 }, 50)).toBe('certain');
		expect(withinCertainty({ kmMin: 0, kmMax: 40 }, 40)).toBe('certain');
		expect(withinCertainty({ kmMin: 5, kmMax: 40 }, 20)).toBe('possible');
		expect(withinCertainty({ kmMin: 25, kmMax: 40 }, 20)).toBeNull();
	});

	test('a stand-in wholly inside an exact area is at most 0 km from it', () => {
		expect(kmRange(whereOf(seatA, areaOf), exact(rect(99.5, 29.5, 2))).kmMax).toBe(0);
		expect(kmRange(whereOf(seatA, areaOf), exact(rect(100.5, 29.5, 2))).kmMax).toBeGreaterThan(0);
	});
});

describe('answers that respect placement', () => {
	const index = buildSpatialIndex(features, counties, prefectures);

	test('a small square at the seat: the site is certainly inside, the seat stand-ins only possibly', () => {
		const hits = inside(index, rect(100.45, 30.45, 0.1));
		expect(hits.map((h) => [h.id, h.certainty])).toEqual([
			['site', 'certain'],
			['seat-a', 'possible'],
			['seat-p', 'possible']
		]);
	});

	test('a shape covering the whole county: the county stand-in is certain, the prefecture one possible', () => {
		const hits = inside(index, rect(99.9, 29.9, 1.2));
		expect(Object.fromEntries(hits.map((h) => [h.id, h.certainty]))).toEqual({
			site: 'certain',
			'seat-a': 'certain',
			'seat-p': 'possible'
		});
	});

	test('a square in county B, away from every seat, lists the stand-ins that may be there, not the site', () => {
		const hits = inside(index, rect(101.4, 30.4, 0.2));
		expect(hits.map((h) => [h.id, h.certainty])).toEqual([['seat-p', 'possible']]);
	});

	test('near: ranges for stand-ins, exact km for sites; certain only when the whole range is within', () => {
		const hits = near(index, 'site', 30);
		const byId = Object.fromEntries(hits.map((h) => [h.id, h]));
		expect(byId.site).toBeUndefined();
		expect(byId['seat-a']).toMatchObject({ kmMin: 0, certainty: 'possible' });
		expect(byId['seat-a'].kmMax).toBeGreaterThan(30);
		expect(near(index, 'site', 200).find((h) => h.id === 'seat-a')?.certainty).toBe('certain');
	});

	test('what is here: the nearest hit of a kind carries its range', () => {
		const r = at(index, [101.5, 30.5]);
		const park = r.nearest.find((h) => h.kind === 'park')!;
		expect(park.id).toBe('seat-p'); // may be right here (0 km), unlike the site 100 km west
		expect(park.kmMin).toBe(0);
		expect(park.certainty).toBe('possible');
	});

	test('planned here: county stand-ins certain in their county and prefecture; prefecture stand-ins possible in a county', () => {
		const inCounty = featuresInArea(counties[0] as never, features, { areaCode: '510101', possibleArea: areaOf });
		expect(Object.fromEntries(inCounty.map((h) => [h.feature.properties.id, h.certainty]))).toEqual({
			'seat-a': 'certain',
			'seat-p': 'possible',
			site: 'certain'
		});
		const inB = featuresInArea(counties[1] as never, features, { areaCode: '510102', possibleArea: areaOf });
		expect(inB.map((h) => [h.feature.properties.id, h.certainty])).toEqual([['seat-p', 'possible']]);
		const inPrefecture = featuresInArea(prefectures[0] as never, features, {
			areaCode: '510100',
			possibleArea: areaOf
		});
		expect(inPrefecture.every((h) => h.certainty === 'certain')).toBe(true);
	});
});

describe.skipIf(!havePublishedData)('real data: 康定', () => {
	const idx = havePublishedData ? publishedSpatialIndex() : null!;
	const { base } = havePublishedData ? loadPublishedData() : { base: null! };
	const seat = havePublishedData
		? ((base.countySeats.features.find((f) => f.properties!.code === '513301')!.geometry as GeoJSON.Point)
				.coordinates as [number, number])
		: [0, 0];

	test('a 5 km square at 康定’s seat: no seat-placed feature is certainly inside; 康定’s cement and gypsum mine may be', () => {
		const [x, y] = seat;
		const dy = 2.5 / 111.2;
		const dx = dy / Math.cos((y * Math.PI) / 180);
		const hits = inside(idx, rect(x - dx, y - dy, 2 * dx, 2 * dy));
		const seatPlaced = hits.filter((h) => h.precision === 'county' || h.precision === 'prefecture');
		expect(seatPlaced.length).toBeGreaterThan(0);
		expect(seatPlaced.filter((h) => h.certainty === 'certain')).toEqual([]);
		const mine = hits.filter((h) => /康定水泥石膏/.test(h.name_zh));
		expect(mine.length).toBeGreaterThan(0);
		for (const h of mine) expect(h.certainty).toBe('possible');
	});

	test('the proximity card of a seat-placed park gives ranges, never 约 0.0 km as a single figure', () => {
		const park = idx.features.find(
			(f) => f.properties.kind === 'park' && f.properties.location.precision === 'county' && f.geometry.type === 'Point'
		)!;
		const card = proximity(idx, park.properties.id);
		expect(card.energy.length).toBeGreaterThan(0);
		for (const h of card.energy) expect(h.kmMax!).toBeGreaterThanOrEqual(h.kmMin!);
		// somewhere in its county the park is nearer to a base than elsewhere: a range, not one figure
		expect(card.energy.some((h) => h.kmMax! > h.kmMin!)).toBe(true);
	});
});
