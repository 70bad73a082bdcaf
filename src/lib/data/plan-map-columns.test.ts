import { describe, expect, test } from 'vitest';
import { fromPlanMapColumns, PLAN_MAP_COLUMNS, toPlanMapColumns, type PlanMapRow } from './plan-map-columns';
import { AtlasDataError } from './errors';

const rows: PlanMapRow[] = [
	{
		properties: {
			id: 'park-a',
			name_zh: '甲园区',
			name_en: 'Park A',
			kind: 'park',
			layers: ['parks'],
			county_code: '510104',
			prefecture_code: '510100',
			status: 'planned',
			location: { precision: 'site', basis: 'public' }
		},
		geometry: { type: 'Point', coordinates: [104.1, 30.6] }
	},
	{
		properties: {
			id: 'cluster-b',
			name_zh: '乙集群',
			name_en: 'Cluster B',
			kind: 'cluster',
			layers: ['region-parks'],
			county_code: null,
			prefecture_code: null,
			home_prefecture_code: '513300',
			location: { precision: 'schematic', basis: 'plan' }
		},
		geometry: null,
		members: ['510104', '510105']
	}
] as PlanMapRow[];

describe('the map file by column', () => {
	test('round-trips: the same properties (absent stays absent, null stays null), geometry and members', () => {
		const file = JSON.parse(JSON.stringify(toPlanMapColumns(rows)));
		expect(file.count).toBe(2);
		expect(Object.keys(file.columns)).toEqual([...PLAN_MAP_COLUMNS]);
		const back = fromPlanMapColumns(file);
		expect(back.type).toBe('FeatureCollection');
		expect(back.features.map((f) => f.properties)).toEqual(rows.map((r) => r.properties));
		expect(back.features[0]).not.toHaveProperty('members');
		expect(back.features[0].geometry).toEqual(rows[0].geometry);
		expect(back.features[1].members).toEqual(['510104', '510105']);
		expect(back.features[1].properties).not.toHaveProperty('status');
		expect(back.features[1].properties).toHaveProperty('county_code', null);
	});

	test('a file of another shape is refused with a message naming it and what is wrong', () => {
		expect(() => fromPlanMapColumns({ type: 'FeatureCollection', features: [] })).toThrow(AtlasDataError);
		expect(() => fromPlanMapColumns(null, 'x/plan-map.json')).toThrow(/x\/plan-map\.json is not the atlas's map file/);
		const short = JSON.parse(JSON.stringify(toPlanMapColumns(rows)));
		short.columns.name_en.pop();
		delete short.members;
		expect(() => fromPlanMapColumns(short)).toThrow(/name_en, members should hold 2 values/);
		expect(() => fromPlanMapColumns({ type: 'PlanMapColumns', count: -1 })).toThrow(AtlasDataError);
	});
});
