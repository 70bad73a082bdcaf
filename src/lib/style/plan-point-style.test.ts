import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { CircleLayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { SeatStack } from '$lib/atlas/stacks/seat-stacks';
import { PLAN_SOURCE } from './plan-style';
import {
	planPointLayer,
	stackCollection,
	stackLayers,
	stackRadius,
	STACK_DIM_OPACITY,
	STACK_SOURCE
} from './plan-point-style';
import { theme } from './theme';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const stack = (key: string, members: string[], matching = members.length): SeatStack => ({
	key,
	position: [104, 30.6],
	members,
	matching
});
const look = { selected: null, hovered: null, openStack: null, filtering: false };

describe('plan points and seat stacks as MapLibre layers', () => {
	test('make a valid style with the plan and stack sources', () => {
		const style: StyleSpecification = {
			version: 8,
			glyphs: 'http://127.0.0.1/glyphs/{fontstack}/{range}.pbf',
			sources: {
				[PLAN_SOURCE]: { type: 'geojson', data: empty, promoteId: 'id' },
				[STACK_SOURCE]: { type: 'geojson', data: empty }
			},
			layers: [planPointLayer(['a', 'b']), ...stackLayers()]
		};
		expect(validateStyleMin(style)).toEqual([]);
	});

	test('the points layer shows only the listed ids, and only points', () => {
		const layer = planPointLayer(['hydro-station-lianghekou']) as CircleLayerSpecification;
		const filter = JSON.stringify(layer.filter);
		expect(filter).toContain('hydro-station-lianghekou');
		expect(filter).toContain('"Point"');
	});

	test('a stack shows its count, or matching/all under the filter, and dims when none match', () => {
		const [plain] = stackCollection([stack('k', ['a', 'b', 'c'])], look).features;
		expect(plain.properties).toMatchObject({ key: 'k', label: '3', opacity: 1, stroke: theme.ink, lineWidth: 1.5 });
		expect(plain.properties!.radius).toBe(stackRadius(stack('k', ['a', 'b', 'c'])));
		const [none] = stackCollection([stack('k', ['a', 'b', 'c'], 0)], { ...look, filtering: true }).features;
		expect(none.properties).toMatchObject({ label: '0/3', opacity: STACK_DIM_OPACITY });
	});

	test('the stack holding the selected feature is outlined in the accent, an open or hovered one grows', () => {
		const s = stack('k', ['a', 'b']);
		const [chosen] = stackCollection([s], { ...look, selected: 'b' }).features;
		expect(chosen.properties).toMatchObject({ stroke: theme.accent, lineWidth: 3 });
		const [open] = stackCollection([s], { ...look, openStack: 'k' }).features;
		expect(open.properties!.radius).toBe(stackRadius(s) + 2);
		const [hovered] = stackCollection([s], { ...look, hovered: 'a' }).features;
		expect(hovered.properties!.radius).toBe(stackRadius(s) + 2);
	});
});
