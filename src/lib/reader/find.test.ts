import { expect, test } from 'vitest';
import { occurrences } from './find';

test('every occurrence, case-insensitive, none overlapping; an empty query finds nothing', () => {
	expect(occurrences('两河口水电站，两河口', '两河口')).toEqual([0, 7]);
	expect(occurrences('LNG and lng', 'lng')).toEqual([0, 8]);
	expect(occurrences('aaaa', 'aa')).toEqual([0, 2]);
	expect(occurrences('文本', '  ')).toEqual([]);
	expect(occurrences('文本', '无')).toEqual([]);
});
