/**
 * The map file (plan-map.json) and the full records (plan-atlas.json) describe the same features: the map file is the
 * records' map properties (planMapProperties) and the same geometry or member counties, and it decodes without a
 * problem. (After `npm run data`.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodePlan, decodePlanMap } from '../../src/lib/data/plan-data';
import { fromPlanMapColumns } from '../../src/lib/data/plan-map-columns';
import { planMapProperties, type PlanProperties } from '../../src/lib/data/plan-schema';

const read = (f: string) => JSON.parse(readFileSync(`static/data/${f}`, 'utf8'));
const records = read('plan-atlas.json');
const file = read('plan-map.json');
const map = fromPlanMapColumns(file) as unknown as {
	features: { properties: Record<string, unknown>; geometry: unknown; members?: unknown; id?: unknown }[];
};
const base = read('base.topo.json') as Topology;
const overview = read('overview.topo.json') as Topology;

describe('plan-map.json', () => {
	test('holds every feature, in order, with the records’ map properties and geometry', () => {
		expect(map.features.length).toBe(records.features.length);
		for (const [i, f] of map.features.entries()) {
			const r = records.features[i];
			expect(f.properties.id).toBe(r.id);
			expect(f.id).toBeUndefined();
			expect(f.properties).toEqual(planMapProperties(r.properties as PlanProperties));
			expect(f.geometry).toEqual(r.geometry);
			expect(f.members).toEqual(r.members);
		}
	});

	test('carries no citation, quote, note or figure (those come with the records)', () => {
		const text = JSON.stringify(file);
		for (const key of ['"sources"', '"quote"', '"note_zh"', '"note_en"', '"figures"', '"industries"', '"ref"'])
			expect(text).not.toContain(key);
	});

	test('decodes without a problem on the overview and on the detailed topology, like the records', () => {
		const first = decodePlanMap(file, overview);
		const detail = decodePlanMap(file, base);
		const full = decodePlan(records, base);
		expect(first.problems).toEqual([]);
		expect(detail.problems).toEqual([]);
		expect(full.problems).toEqual([]);
		expect(first.features.map((f) => f.properties.id)).toEqual(full.features.map((f) => f.properties.id));
		// areas merge from either topology's counties
		const areas = first.features.filter((f) => f.geometry.type.includes('Polygon'));
		expect(areas.length).toBeGreaterThan(10);
	});

	test('a broken map record is left out and reported, not drawn', () => {
		const broken = structuredClone(file);
		broken.columns.kind[0] = 'not-a-kind';
		const out = decodePlanMap(broken, overview);
		expect(out.features.length).toBe(file.count - 1);
		expect(out.problems[0]).toMatch(/feature #1/);
	});
});
