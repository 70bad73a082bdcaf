import { describe, expect, test } from 'vitest';
import { hashToPatch } from '$lib/atlas/share/share-url';
import { langFromHash, mapHref, readerHref, seedSlug } from './links';

describe('links between the reader and the map', () => {
	test('a citation opens the reader at its line', () => {
		expect(seedSlug('000_c35a7d169af5c8ce.txt')).toBe('000_c35a7d169af5c8ce');
		expect(readerHref('.', '000_c35a7d169af5c8ce.txt', 170)).toBe('./read/000_c35a7d169af5c8ce/#L170');
		expect(readerHref('', '003_734b95398a35004a.txt', 19, 'en')).toBe('/read/003_734b95398a35004a/#L19&lang=en');
		expect(readerHref('', '003_734b95398a35004a.txt')).toBe('/read/003_734b95398a35004a/');
	});
	test('the map link is a share link the atlas reads: the first selected, several pinned side by side', () => {
		const one = mapHref('', ['hydro-station-lianghekou']);
		expect(one).toBe('/#v=1&sel=hydro-station-lianghekou');
		const many = mapHref('', ['a', 'b', 'c', 'd', 'e'], 'en');
		expect(many).toBe('/#v=1&sel=a&compare=a,b,c,d&lang=en');
		const read = hashToPatch(many.slice(1));
		expect(read.patch.selected).toBe('a');
		expect(read.patch.compare).toEqual(['a', 'b', 'c', 'd']);
		expect(read.patch.lang).toBe('en');
	});
	test('the reader reads its language from the hash', () => {
		expect(langFromHash('#L12&lang=en')).toBe('en');
		expect(langFromHash('#lang=en')).toBe('en');
		expect(langFromHash('#L12')).toBe('zh');
		expect(langFromHash('#lang=english')).toBe('zh');
	});
});

describe('atlas.reader.open arguments', async () => {
	const { checkReaderTarget } = await import('./links');
	const seeds = ['000_c35a7d169af5c8ce.txt', '004_c8741b4fbcaab071.txt'];
	test('a seed with or without .txt, and a line from 1', () => {
		expect(checkReaderTarget(seeds, '000_c35a7d169af5c8ce.txt', 170)).toBe('000_c35a7d169af5c8ce.txt');
		expect(checkReaderTarget(seeds, '004_c8741b4fbcaab071', undefined)).toBe('004_c8741b4fbcaab071.txt');
	});
	test('anything else is refused with a message naming it', () => {
		expect(() => checkReaderTarget(seeds, '999.txt', 1)).toThrow(/unknown document "999.txt"/);
		expect(() => checkReaderTarget(seeds, '000_c35a7d169af5c8ce.txt', 0)).toThrow(/line must be/);
		expect(() => checkReaderTarget(seeds, '000_c35a7d169af5c8ce.txt', '12')).toThrow(/line must be/);
	});
});
