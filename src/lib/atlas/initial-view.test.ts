import { expect, test } from 'vitest';
import { initialPadding } from './initial-view';

test('phones leave room for the title across the top; padding never eats the screen', () => {
	const phone = initialPadding(390, 844);
	expect(phone.top).toBeGreaterThan(phone.left);
	expect(phone.left + phone.right).toBeLessThan(390 * 0.2);
	const desktop = initialPadding(1280, 800);
	expect(desktop.top + desktop.bottom).toBeLessThan(800 * 0.25);
});
