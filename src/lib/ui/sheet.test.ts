import { describe, expect, test } from 'vitest';
import { cardsInset, revealPan, sheetHeight, sizeAfterDrag } from './sheet';

const phone = { width: 390, height: 844, top: 110, bottom: 380 };

describe('bottom sheet', () => {
	test('a feature hidden behind the sheet is panned to the middle of the band above it', () => {
		const pan = revealPan({ x: 195, y: 700 }, phone)!;
		expect(pan[0]).toBe(0);
		const after = 700 - pan[1];
		expect(after).toBeGreaterThan(phone.top);
		expect(after).toBeLessThan(phone.height - phone.bottom);
	});

	test('a feature already in view does not move the map; one off the side comes back', () => {
		expect(revealPan({ x: 195, y: 300 }, phone)).toBeNull();
		expect(revealPan({ x: -50, y: 300 }, phone)![0]).toBe(-50 - 195);
		// a small embed: 640×400 with a compact sheet
		const embed = { width: 640, height: 400, top: 40, bottom: 136 };
		const [, dy] = revealPan({ x: 320, y: 200 + 100 }, embed)!;
		expect(300 - dy).toBeCloseTo((40 + 400 - 136) / 2);
	});

	test('cards: wide ones on a phone cover the top, narrow ones in a frame the left; a feature behind them moves', () => {
		expect(cardsInset({ width: 246, height: 230 }, { width: 390, height: 844 })).toEqual({ top: 230, left: 0 });
		expect(cardsInset({ width: 240, height: 110 }, { width: 640, height: 400 })).toEqual({ top: 0, left: 240 });
		const pan = revealPan({ x: 144, y: 200 }, { width: 640, height: 400, top: 0, bottom: 136, left: 240 })!;
		expect(144 - pan[0]).toBe(440);
	});

	test('heights and drags: half, compact and full; a short drag changes nothing', () => {
		expect(sheetHeight('half', 844)).toBe(380);
		expect(sheetHeight('half', 400, true)).toBe(136);
		expect(sheetHeight('full', 844)).toBe(796);
		expect(sizeAfterDrag('half', -60)).toBe('full');
		expect(sizeAfterDrag('full', 60)).toBe('half');
		expect(sizeAfterDrag('half', -10)).toBe('half');
	});
});
