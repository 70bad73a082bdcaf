import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import { seatStacks, stackLabel, stackOf } from './seat-stacks';

const pt = (id: string, kind: string, x: number, y: number, name_zh = id, precision = 'prefecture') =>
	({
		type: 'Feature',
		properties: { id, kind, name_zh, location: { precision } },
		geometry: { type: 'Point', coordinates: [x, y] }
	}) as unknown as PlanFeature;

const seat = [104.06323, 30.66188];
const features = [
	pt('park-b', 'park', seat[0], seat[1], '乙园区'),
	pt('hub', 'logistics_hub', seat[0], seat[1]),
	pt('zone', 'zone', seat[0], seat[1]),
	pt('park-a', 'park', seat[0], seat[1], '甲园区'),
	pt('alone', 'park', 104.1, 30.7),
	// a hair away from the seat is not the seat
	pt('near-seat', 'park', seat[0] + 1e-5, seat[1]),
	// a park and a project at their own known site: drawn as they are, not stacked
	pt('site-park', 'park', 103.8, 30.0, 'site-park', 'town'),
	pt('site-project', 'project', 103.8, 30.0, 'site-project', 'site')
];

describe('seat stacks', () => {
	test('features at exactly one position form one stack, most important kind first; others stay single', () => {
		const { stacks, singles } = seatStacks(features, null);
		expect(stacks).toHaveLength(1);
		expect(stacks[0].position).toEqual(seat);
		expect(stacks[0].members).toEqual(['zone', 'park-a', 'park-b', 'hub']);
		expect(stacks[0].matching).toBe(4);
		expect(singles.map((f) => f.properties.id).sort()).toEqual(['alone', 'near-seat', 'site-park', 'site-project']);
	});

	test('the industry filter counts within stacks', () => {
		const { stacks } = seatStacks(features, new Set(['park-a', 'hub', 'alone']));
		expect(stacks[0].matching).toBe(2);
		expect(stackLabel(stacks[0], true)).toBe('2/4');
		expect(stackLabel(stacks[0], false)).toBe('4');
	});

	test('the stack of a selected member is found; one feature alone is no stack', () => {
		const { stacks } = seatStacks(features, null);
		expect(stackOf(stacks, 'hub')?.key).toBe(stacks[0].key);
		expect(stackOf(stacks, 'alone')).toBeUndefined();
		expect(seatStacks([features[0]], null).stacks).toEqual([]);
	});
});
