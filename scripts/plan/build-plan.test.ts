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
		location: {
			precision: 'county',
			basis: 'public',
			confidence: 'high',
			note_zh: '甘眉园区位于眉山市东坡区，置于东坡区驻地。',
			note_en: 'The park is in 东坡区 of 眉山; placed at the district seat.'
		},
		...overrides
	};
}

/** A location that passes, for tests that change one thing. */
const LOC = { basis: 'public', confidence: 'high', note_zh: '测试说明', note_en: 'test note' };
const AT_SITE = { type: 'Point', coordinates: [103.84, 30.05] };

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
				location: { ...LOC, precision: 'site' },
				county_code: '511402'
			})
		]);
		expect(errors.join('\n')).toMatch(/point 101,30 is not inside 东坡区/);
	});

	test('explicit coordinates cannot claim county precision', () => {
		const { errors } = build([
			good({
				geometry: { type: 'Point', coordinates: [103.84, 30.05] },
				location: { ...LOC, precision: 'county' }
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
			location: { ...LOC, precision: 'county', basis: 'plan', confidence: undefined }
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

	test('placement basis: a public fact needs its confidence; confidence and ref belong to public facts only', () => {
		const at = (location: Record<string, unknown>, geometry: unknown = { seat: '511402' }) =>
			build([good({ geometry, location: { ...LOC, precision: 'county', ...location } })]).errors.join('\n');
		expect(at({ confidence: undefined })).toMatch(/basis "public" needs location.confidence/);
		expect(at({ basis: 'seat' })).toMatch(/confidence is only for basis "public"/);
		expect(at({ basis: 'name', confidence: undefined, ref: 'https://example.org/x' })).toMatch(
			/ref .* only for basis "public"/
		);
		expect(at({ ref: 'not a page' })).toMatch(/the address of a public page/);
		expect(at({ basis: 'seat', confidence: undefined })).toBe('');
		expect(at({ basis: 'public', ref: 'https://example.org/x' })).toBe('');
	});

	test('placement basis must fit the geometry and precision', () => {
		const at = (location: Record<string, unknown>, geometry: unknown) =>
			build([good({ geometry, location: { ...LOC, confidence: undefined, ...location } })]).errors.join('\n');
		expect(at({ precision: 'county', basis: 'plan' }, { seat: '511402' })).toMatch(/basis "plan".*basis "seat"/);
		expect(at({ precision: 'site', basis: 'seat' }, AT_SITE)).toMatch(
			/basis "seat" means the feature stands at a seat/
		);
		expect(at({ precision: 'town', basis: 'seat' }, AT_SITE)).toMatch(/precision "town" cannot rest on basis "seat"/);
		expect(at({ precision: 'town', basis: 'name' }, AT_SITE)).toBe('');
	});

	test('every location note exists in Chinese and in English', () => {
		const note = (location: Record<string, unknown>) =>
			build([good({ location: { ...good().location, ...location } })]).errors.join('\n');
		expect(note({ note_zh: 'Placed at the seat.' })).toMatch(/note_zh: expected a Chinese note/);
		expect(note({ note_en: '置于驻地。' })).toMatch(/note_en: expected an English note/);
		expect(note({ note_zh: undefined })).toMatch(/note_zh/);
	});

	test('industries are the plan’s own words from a passage the feature cites', () => {
		const { errors } = build([good({ industries: [{ category: 'lithium', text_zh: '锂电池' }] })]);
		expect(errors.join('\n')).toMatch(/industry "锂电池" is not in any passage the feature cites/);
		expect(build([good({ industries: [{ category: 'new_materials', text_zh: '新材料' }] })]).errors).toEqual([]);
	});

	test('a figure names a metric of the vocabulary', () => {
		const figure = {
			metric: 'made_up_metric',
			value: 1,
			unit: '个',
			period: '2025',
			kind: 'target',
			source: { seed: SEED, line: 211, quote: '甘眉工业园区：积极争创' }
		};
		expect(build([good({ figures: [figure] })]).errors.join('\n')).toMatch(
			/"made_up_metric" is not in data\/vocab\/metrics.json/
		);
		const period = (p: string) =>
			build([good({ figures: [{ ...figure, metric: 'industrial_output', period: p }] })]).errors.join('\n');
		expect(period('2021-2025 (each year)')).toMatch(/period "2021-2025 \(each year\)" is not a year/);
		expect(period('unspecified')).not.toMatch(/period/);
	});

	test('a statement about a group stays with the group and shows on members as shared', () => {
		const chengGan = good({ id: 'enclave-park-chenggan', name_zh: '成甘工业园区', industries: [] });
		const group = {
			id: 'group-ganzi-enclave-parks',
			name_zh: '甘孜州飞地园区',
			name_en: 'Ganzi’s enclave parks',
			members: ['enclave-park-ganmei', 'enclave-park-chenggan'],
			industries: [{ category: 'new_energy', text_zh: '新能源' }],
			sources: [{ seed: SEED, line: 326, quote: '以飞地园区、康泸产业集中区为载体' }]
		};
		const copied = build([good(), chengGan], 'g.json', { groups: [group] });
		expect(copied.errors.join('\n')).toMatch(
			/member "enclave-park-ganmei" lists the group's words "新能源" as its own/
		);
		const ok = build([good({ industries: [] }), chengGan], 'g.json', { groups: [group] });
		expect(ok.errors).toEqual([]);
		expect(ok.features.every((f) => f.properties.industries[0].group?.id === 'group-ganzi-enclave-parks')).toBe(true);
		const unknown = build([good({ industries: [] })], 'g.json', { groups: [{ ...group, members: ['nope', 'x'] }] });
		expect(unknown.errors.join('\n')).toMatch(/member "nope" is not a feature/);
	});

	test('each named item of the checklist resolves to a feature or to a reason it is not mapped', () => {
		const item = (x: Record<string, unknown>) =>
			build([good()], 'n.json', { named_items: [{ line: 211, name: '甘眉工业园区', ...x }] }).errors.join('\n');
		expect(item({ feature: 'enclave-park-ganmei' })).toBe('');
		expect(item({ feature: 'enclave-park-nowhere' })).toMatch(/no feature "enclave-park-nowhere"/);
		expect(item({})).toMatch(/give either "feature"/);
		expect(item({ not_mapped: true })).toMatch(/no not_mapped entry within 3 lines/);
		expect(item({ name: '不存在的园区', feature: 'enclave-park-ganmei' })).toMatch(
			/the name is not in .* near that line/
		);
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
