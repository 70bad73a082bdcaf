import { expect, test } from 'vitest';
import { KINDS } from '$lib/data/vocab';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { KIND_FAMILIES, PARTITION_HUES, familyOf, hexToRgb, kindColour } from './plan-palette';

test("the partitions' hues are d3's Tableau 10", () => {
	expect(PARTITION_HUES).toEqual(schemeTableau10);
});

test('every kind of the vocabulary belongs to exactly one colour family', () => {
	const all = Object.values(KIND_FAMILIES).flatMap((f) => [...f.kinds] as string[]);
	expect(new Set(all).size).toBe(all.length);
	expect(Object.keys(KINDS).filter((k) => !all.includes(k))).toEqual([]);
});

test('colours', () => {
	expect(familyOf('hydro_station')).toBe('hydro');
	expect(kindColour('pv_base')).toBe(KIND_FAMILIES.solar.colour);
	expect(hexToRgb('#1f78b4')).toEqual([31, 120, 180]);
});
