/**
 * The plan build fails on bad data with a message naming the feature and the problem.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { buildPlan, normaliseFigure } from './build-plan';
import { BaseGeography } from './base-geography';
import { SeedIndex } from './seed-quotes';

const base = new BaseGeography();
const seeds = new SeedIndex();
const dir = mkdtempSync(join(tmpdir(), 'plan-'));
const SEED = '000_c35a7d169af5c8ce.txt';

function good(overrides: Record<string, unknown> = {}) {
	return {
		id: 'enclave-park-ganmei',
		name_zh: '甘眉工业园区',
		name_en: 'Ganzi–Meishan Industrial Park',
		aliases: ['ganmei'],
		kind: 'enclave_park',
		layers: ['ganzi-poles-cores'],
		geometry: { seat: '511402' },
		county_code: '511402',
		prefecture_code: '511400',
		home_prefecture_code: '513300',
		industries: [{ category: 'new_energy', text_zh: '新能源' }],
		figures: [],
		sources: [{ seed: SEED, line: 211, quote: '甘眉工业园区：积极争创国家级经济技术开发区' }],
		location: { precision: 'county', note: 'Placed at the seat of 东坡区.' },
		...overrides
	};
}

function build(features: unknown[], name = 'fixture.json', extra: Record<string, unknown> = {}) {
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify({ document: SEED, features, ...extra }));
	return buildPlan([path], base, seeds);
}

describe('buildPlan', () => {
	test('a good record becomes a feature at the seat, with its file recorded', () => {
		const { features, errors } = build([good()]);
		expect(errors).toEqual([]);
		expect(features).toHaveLength(1);
		expect(features[0].geometry.type).toBe('Point');
		expect(features[0].properties.file).toBe('fixture.json');
		expect(booleanPointInPolygon(features[0].geometry as never, base.counties.get('511402')!)).toBe(true);
	});

	test('a missing field fails, naming the feature and the field', () => {
		const { name_en: _drop, ...noName } = good();
		const { errors } = build([noName]);
		expect(errors.join('\n')).toMatch(/"enclave-park-ganmei".*name_en/);
	});

	test('a quote that is not in the seed fails', () => {
		const { errors } = build([good({ sources: [{ seed: SEED, line: 211, quote: '甘眉工业园区：重点发展锂电池' }] })]);
		expect(errors.join('\n')).toMatch(/甘眉工业园区.*quote is not in 000_c35a7d169af5c8ce\.txt/);
	});

	test('a quote far from its cited line fails and says where it is', () => {
		const { errors } = build([good({ sources: [{ seed: SEED, line: 20, quote: '甘眉工业园区：积极争创' }] })]);
		expect(errors.join('\n')).toMatch(/at line 211, not near line 20/);
	});

	test('a point outside the county it names fails', () => {
		const { errors } = build([
			good({
				geometry: { type: 'Point', coordinates: [101.0, 30.0] },
				location: { precision: 'site', note: 'test note' },
				county_code: '511402'
			})
		]);
		expect(errors.join('\n')).toMatch(/point 101,30 is not inside 东坡区/);
	});

	test('explicit coordinates cannot claim county precision', () => {
		const { errors } = build([
			good({
				geometry: { type: 'Point', coordinates: [103.84, 30.05] },
				location: { precision: 'county', note: 'test note' }
			})
		]);
		expect(errors.join('\n')).toMatch(/site\/town precision/);
	});

	test('areas are the union of member counties; unknown members fail', () => {
		const area = good({
			id: 'subregion-test',
			kind: 'subregion',
			geometry: { counties: ['513301', '513322'] },
			county_code: null,
			location: { precision: 'county', note: 'test note' }
		});
		const ok = build([area]);
		expect(ok.errors).toEqual([]);
		expect(ok.features[0].geometry.type).toBe('MultiPolygon');
		const bad = build([{ ...area, geometry: { counties: ['513399'] } }]);
		expect(bad.errors.join('\n')).toMatch(/513399 is not a Sichuan county or prefecture/);
	});

	test('unknown kinds, categories and layers fail', () => {
		const { errors } = build([
			good({ kind: 'castle', layers: ['dragons'], industries: [{ category: 'magic', text_zh: '魔法' }] })
		]);
		const text = errors.join('\n');
		expect(text).toMatch(/kind/);
		expect(text).toMatch(/layers/);
		expect(text).toMatch(/category/);
	});

	test('duplicate ids fail unless one is a citation record, which merges its sources', () => {
		expect(build([good(), good()]).errors.join('\n')).toMatch(/already defined/);
		const cite = {
			id: 'enclave-park-ganmei',
			cite_only: true,
			sources: [{ seed: SEED, line: 209, quote: '“两极、八核”' }]
		};
		const merged = build([good(), cite]);
		expect(merged.errors).toEqual([]);
		expect(merged.features[0].properties.sources).toHaveLength(2);
	});

	test('broken JSON fails with the file name', () => {
		const path = join(dir, 'broken.json');
		writeFileSync(path, '{"document": ');
		expect(buildPlan([path], base, seeds).errors[0]).toMatch(/broken\.json: not valid JSON/);
	});
});

describe('normaliseFigure', () => {
	test('adds the normalised value beside the unit as written', () => {
		const f = normaliseFigure({
			metric: 'installed_capacity',
			value: 143.5,
			unit: '万千瓦',
			period: '2025',
			kind: 'target',
			source: { seed: SEED, line: 1, quote: 'x' }
		});
		expect(f.value_normalised).toBe(1435);
		expect(f.unit_normalised).toBe('MW');
		expect(f.unit).toBe('万千瓦');
	});
});
