/**
 * The real plan dataset (data/plan/*.json): it builds without a single problem, covers every layer and document,
 * and holds the structures the issues name.
 */
import { describe, expect, test } from 'vitest';
import { LAYER_IDS } from '../../src/lib/data/vocab';
import { SEED_FILES } from '../../src/lib/data/plan-schema';
import { buildPlan } from './build-plan';
import { planFiles } from './plan-files';

const { features, errors, notMapped } = buildPlan(planFiles());
const byId = new Map(features.map((f) => [f.properties.id, f]));
const named = (name: string) => features.filter((f) => f.properties.name_zh.includes(name));

describe('the plan dataset', () => {
	test('validates without a problem (schema, vocab, quotes, placements)', () => {
		expect(errors).toEqual([]);
	});
	test('has many hundreds of features, each layer populated, every document cited', () => {
		expect(features.length).toBeGreaterThan(500);
		for (const layer of LAYER_IDS) {
			expect(
				features.some((f) => f.properties.layers.includes(layer)),
				layer
			).toBe(true);
		}
		for (const seed of SEED_FILES) {
			expect(
				features.some((f) => f.properties.sources.some((s) => s.seed === seed)),
				seed
			).toBe(true);
		}
		expect(notMapped.length).toBeGreaterThan(0);
	});
	test('Ganzi: 两极 enclave parks owned by 甘孜州, eight zones, two axes and the G317 belt', () => {
		const enclaves = features.filter(
			(f) => f.properties.kind === 'enclave_park' && f.properties.home_prefecture_code === '513300'
		);
		expect(enclaves.map((f) => f.properties.name_zh)).toEqual(expect.arrayContaining(['甘眉工业园区', '成甘工业园区']));
		const ganmei = named('甘眉工业园区')[0];
		expect(ganmei.properties.industries.map((i) => i.text_zh)).toEqual(
			expect.arrayContaining(['新能源', '新材料', '有色金属'])
		);
		expect(
			features.filter((f) => f.properties.kind === 'axis' && f.properties.layers.includes('ganzi-axes-belt'))
		).toHaveLength(2);
		expect(named('康').some((f) => f.properties.kind === 'zone')).toBe(true);
	});
	test('Aba: four 片区 and the enclave parks owned by 阿坝州 (成阿, 德阿, 绵阿 from its plan; 遂阿 from 004)', () => {
		const subregions = features.filter(
			(f) => f.properties.layers.includes('aba-subregions') && f.properties.kind === 'subregion'
		);
		expect(subregions).toHaveLength(4);
		const enclaves = features.filter(
			(f) => f.properties.kind === 'enclave_park' && f.properties.home_prefecture_code === '513200'
		);
		expect(enclaves.map((f) => f.properties.id)).toEqual(
			expect.arrayContaining(['enclave-park-chenga', 'enclave-park-dea', 'enclave-park-miana'])
		);
	});
	test('the five economic regions are areas', () => {
		const regions = features.filter((f) => f.properties.kind === 'economic_region');
		expect(regions).toHaveLength(5);
		for (const r of regions) expect(r.geometry.type).toMatch(/Polygon/);
	});
	test('两河口水电站 is one feature citing both Ganzi documents and the 川西北 plan', () => {
		const f = byId.get('hydro-station-lianghekou')!;
		expect(f.properties.county_code).toBe('513325');
		const seeds = new Set(f.properties.sources.map((s) => s.seed));
		expect(seeds.has('000_c35a7d169af5c8ce.txt') || seeds.has('003_734b95398a35004a.txt')).toBe(true);
		expect(seeds.has('004_c8741b4fbcaab071.txt')).toBe(true);
	});
	test('points claiming site or town precision are few and each explains itself', () => {
		const precise = features.filter((f) => ['site', 'town'].includes(f.properties.location.precision));
		expect(precise.length).toBeLessThan(features.length / 10);
		for (const f of precise) expect(f.properties.location.note.length, f.properties.id).toBeGreaterThan(10);
	});
});
