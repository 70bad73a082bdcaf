import { describe, expect, test } from 'vitest';
import { SeedIndex, normaliseForQuote } from './seed-quotes';

const seeds = new SeedIndex();

describe('SeedIndex.checkQuote', () => {
	test('finds a quote on its line, ignoring the Markdown emphasis of the extraction', () => {
		expect(seeds.checkQuote('000_c35a7d169af5c8ce.txt', 211, '甘眉工业园区：积极争创国家级经济技术开发区')).toBeNull();
	});
	test('finds a quote that runs across a hard line break and a page footer in 004', () => {
		const lines = seeds.linesOf('004_c8741b4fbcaab071.txt');
		const footer = lines.findIndex((l, i) => i > 600 && /^\s*—\s*\d+\s*—\s*$/.test(l));
		expect(footer).toBeGreaterThan(0);
		// the end of the text line before the footer and the start of the text line after it
		let before = footer - 1;
		while (!lines[before].trim()) before--;
		let after = footer + 1;
		while (!lines[after].trim()) after++;
		const quote = lines[before].trim().slice(-4) + lines[after].trim().slice(0, 4);
		expect(seeds.checkQuote('004_c8741b4fbcaab071.txt', before + 1, quote)).toBeNull();
	});
	test('says when a quote is not in the seed', () => {
		expect(seeds.checkQuote('003_734b95398a35004a.txt', 10, '不存在的句子')).toMatch(/not in 003/);
	});
	test('says when the line is out of range', () => {
		expect(seeds.checkQuote('003_734b95398a35004a.txt', 9999, '甘孜')).toMatch(/outside/);
	});
	test('normalisation removes only white space and ** markers', () => {
		expect(normaliseForQuote(' **甘眉** 园区\n ')).toBe('甘眉园区');
	});
});
