import { describe, expect, test } from 'vitest';
import { keptStyle } from './kept-style';

const columns = ['name', 'lon', 'lat', 'kind', 'staff'];

describe('a kept point style', () => {
	test('comes back as it was kept', () => {
		expect(keptStyle({ colorBy: 'kind', sizeBy: 'staff' }, columns)).toEqual({ colorBy: 'kind', sizeBy: 'staff' });
		expect(keptStyle({ colorBy: 'kind', sizeBy: null }, columns)).toEqual({ colorBy: 'kind', sizeBy: null });
	});

	test('drops a choice that names no column of the layer, keeping the other', () => {
		expect(keptStyle({ colorBy: 'gone', sizeBy: 'staff' }, columns)).toEqual({ colorBy: null, sizeBy: 'staff' });
		expect(keptStyle({ colorBy: 42, sizeBy: ['staff'] }, columns)).toBeNull();
	});

	test('nothing, or something damaged, is no style', () => {
		for (const v of [undefined, null, 'kind', 3, {}, { colorBy: null, sizeBy: null }])
			expect(keptStyle(v, columns)).toBeNull();
	});
});
