/**
 * The energy-layer split changes layer ids only, keeps each file's own formatting, and is idempotent.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { energyLayersOf, ENERGY_LAYERS, splitEnergyLayer } from './split-energy-layer';
import { LAYER_IDS } from '../../src/lib/data/vocab';
import { planFiles } from './plan-files';

const file = (features: object[], tail = '\n') => JSON.stringify({ document: 'x', features }, null, 2) + tail;

describe('energyLayersOf', () => {
	test('by kind, by grid name, by industries, else other', () => {
		expect(energyLayersOf({ kind: 'hydro_station' })).toEqual(['energy-hydro']);
		expect(energyLayersOf({ kind: 'pv_base' })).toEqual(['energy-solar']);
		expect(energyLayersOf({ kind: 'wind_base' })).toEqual(['energy-wind']);
		expect(energyLayersOf({ kind: 'power_line' })).toEqual(['energy-grid']);
		expect(energyLayersOf({ kind: 'pipeline' })).toEqual(['energy-oil-gas']);
		expect(energyLayersOf({ kind: 'project', name_zh: '理塘500千伏变电站', industries: [] })).toEqual(['energy-grid']);
		expect(energyLayersOf({ kind: 'energy_storage', industries: [{ category: 'natural_gas' }] })).toEqual([
			'energy-oil-gas'
		]);
		expect(energyLayersOf({ kind: 'energy_storage', industries: [{ category: 'clean_energy' }] })).toEqual([
			'energy-grid'
		]);
		expect(
			energyLayersOf({
				kind: 'cluster',
				industries: [{ category: 'wind' }, { category: 'hydropower' }, { category: 'solar' }]
			})
		).toEqual(['energy-hydro', 'energy-solar', 'energy-wind']);
		expect(energyLayersOf({ kind: 'geothermal', industries: [{ category: 'clean_energy' }] })).toEqual([
			'energy-other'
		]);
	});
	test('every layer it names is in data/vocab/layers.json', () => {
		for (const id of ENERGY_LAYERS) expect(LAYER_IDS).toContain(id);
		expect(LAYER_IDS).not.toContain('energy');
	});
});

describe('splitEnergyLayer', () => {
	test('replaces energy in place, keeps other layers and the file’s formatting (9.0, no final newline)', () => {
		const text = file(
			[
				{ id: 'a', kind: 'pv_base', layers: ['energy'], figures: [{ value: 1 }] },
				{ id: 'b', kind: 'cluster', layers: ['region-parks', 'energy'], industries: [{ category: 'solar' }] },
				{ id: 'c', kind: 'park', layers: ['aba-parks'] }
			],
			''
		).replace('"value": 1', '"value": 1.0');
		const out = splitEnergyLayer(text);
		expect(out).toBe(
			text
				.replace('[\n        "energy"\n      ]', '[\n        "energy-solar"\n      ]')
				.replace('"region-parks",\n        "energy"', '"region-parks",\n        "energy-solar"')
		);
		expect(out).toContain('"value": 1.0');
		expect(out.endsWith('}')).toBe(true);
		expect(splitEnergyLayer(out)).toBe(out);
	});
	test('a feature in several energy layers gets each, laid out like its neighbours; inline arrays stay inline', () => {
		const text = file([
			{ id: 'a', kind: 'cluster', layers: ['energy'], industries: [{ category: 'hydropower' }, { category: 'wind' }] }
		]);
		const out = splitEnergyLayer(text);
		expect(JSON.parse(out).features[0].layers).toEqual(['energy-hydro', 'energy-wind']);
		expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
		const inline = '{"features": [{"kind": "pv_site", "layers": ["energy", "projects"]}]}';
		expect(splitEnergyLayer(inline)).toBe(
			'{"features": [{"kind": "pv_site", "layers": ["energy-solar", "projects"]}]}'
		);
	});
	test('the data in the repository has been split (re-run the script after merging new data)', () => {
		for (const f of planFiles()) {
			const text = readFileSync(f, 'utf8');
			expect(splitEnergyLayer(text), f).toBe(text);
		}
	});
});
