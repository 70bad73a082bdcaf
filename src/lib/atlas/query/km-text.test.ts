import { describe, expect, test } from 'vitest';
import { isRange, kmText } from './km-text';

describe('distance text', () => {
	test('one figure for exact things, a range for seat stand-ins', () => {
		expect(kmText({ km: 3.24 }, 'zh')).toBe('3.2 km');
		expect(kmText({ km: 1234.4 }, 'en')).toBe('1,234 km');
		expect(kmText({ km: 0, kmMin: 0, kmMax: 41.2 }, 'en')).toBe('0.0–41 km');
		expect(kmText({ km: 5, kmMin: 5, kmMax: 5 }, 'en')).toBe('5.0 km');
		expect(isRange({ km: 0, kmMin: 0, kmMax: 41.2 })).toBe(true);
		expect(isRange({ km: 3 })).toBe(false);
	});
});
