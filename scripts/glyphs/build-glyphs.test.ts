import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGlyphs, codePointsFor, decodeGlyphPbf, rangesFor, type BuildGlyphsResult } from './build-glyphs.ts';

const SAMPLE = '康定市两河'; // U+5EB7 U+5B9A U+5E02 U+4E24 U+6CB3
const STACKS = ['Noto Sans SC Regular', 'Noto Sans SC Bold'];
const EXPECTED_FILES = ['0-255.pbf', '19968-20223.pbf', '23296-23551.pbf', '24064-24319.pbf', '27648-27903.pbf'];

describe('code points and ranges', () => {
	it('always covers printable ASCII, Latin-1 letters only when asked, and skips controls and characters outside the BMP', () => {
		const cps = codePointsFor('康\n😀');
		expect(cps).toContain(0x41);
		expect(cps).toContain(0x7e);
		expect(cps).not.toContain(0xe9);
		expect(codePointsFor('Chengdu é')).toContain(0xe9);
		expect(cps).toContain(0x5eb7);
		expect(cps).not.toContain(0x0a);
		expect(cps).not.toContain(0x1f600);
		expect(rangesFor(cps)).toEqual([0, 0x5e00]);
	});
});

describe('buildGlyphs on a 5-character sample', () => {
	let dir: string;
	let result: BuildGlyphsResult;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'glyphs-'));
		// A stale range from an earlier build must be removed.
		mkdirSync(join(dir, STACKS[0]));
		writeFileSync(join(dir, STACKS[0], '40704-40959.pbf'), 'stale');
		result = await buildGlyphs(SAMPLE, dir);
	}, 120_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('writes exactly the ranges in use, plus 0–255, for both stacks', () => {
		expect(readdirSync(dir).sort()).toEqual([...STACKS].sort());
		for (const stack of STACKS) expect(readdirSync(join(dir, stack)).sort()).toEqual(EXPECTED_FILES);
		expect(result.files).toHaveLength(STACKS.length * EXPECTED_FILES.length);
		expect(result.missing).toEqual({ [STACKS[0]]: [], [STACKS[1]]: [] });
	});

	it('decodes to a glyph with sane metrics for every requested character', () => {
		for (const stack of STACKS) {
			const glyphs = new Map<number, ReturnType<typeof decodeGlyphPbf>[number]['glyphs'][number]>();
			for (const file of EXPECTED_FILES) {
				const stacks = decodeGlyphPbf(readFileSync(join(dir, stack, file)));
				expect(stacks).toHaveLength(1);
				expect(stacks[0].range).toBe(file.replace('.pbf', ''));
				for (const g of stacks[0].glyphs) glyphs.set(g.id, g);
			}
			for (const ch of SAMPLE + 'Kg(') {
				const g = glyphs.get(ch.codePointAt(0)!);
				expect(g, `${stack} ${ch}`).toBeDefined();
				// 24 px SDF glyphs with a 3 px border on every side.
				expect(g!.width).toBeGreaterThan(4);
				expect(g!.width).toBeLessThanOrEqual(26);
				expect(g!.height).toBeGreaterThan(4);
				expect(g!.height).toBeLessThanOrEqual(30);
				expect(g!.bitmap?.length).toBe((g!.width + 6) * (g!.height + 6));
				expect(g!.top).toBeGreaterThan(-30);
				expect(g!.top).toBeLessThan(10);
			}
			// Han characters are one em (24 px) wide; Latin letters narrower.
			for (const ch of SAMPLE) expect(glyphs.get(ch.codePointAt(0)!)!.advance).toBe(24);
			expect(glyphs.get(0x4b)!.advance).toBeGreaterThan(8);
			expect(glyphs.get(0x4b)!.advance).toBeLessThan(20);
			expect(glyphs.get(0x20)?.advance).toBeGreaterThan(0); // space: metrics, no bitmap needed
		}
	});
});
