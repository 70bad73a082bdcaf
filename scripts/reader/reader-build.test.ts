import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildPlan } from '../plan/build-plan.ts';
import { planFiles } from '../plan/plan-files.ts';
import { blockAtLine } from '../../src/lib/reader/document.ts';
import { buildReaderDocument } from '../../src/lib/reader/reader-build.ts';

const build = buildPlan(planFiles());
const SEED = '000_c35a7d169af5c8ce.txt';
const doc = buildReaderDocument(
	SEED,
	readFileSync(`seeds/${SEED}`, 'utf8'),
	{ zh: '甘孜', en: 'Ganzi' },
	build.features,
	build.notMapped
);

describe('the reader document of a seed (real data)', () => {
	test('every citation of the seed lands on the block holding its line, which lists the feature and marks it', () => {
		let checked = 0;
		for (const f of build.features)
			for (const s of f.properties.sources.filter((x) => x.seed === SEED)) {
				const b = doc.blocks[blockAtLine(doc.blocks, s.line)];
				expect(b.from <= s.line && s.line <= b.to, `${f.properties.id} line ${s.line}`).toBe(true);
				expect(b.features).toContain(f.properties.id);
				expect(b.segments?.some((g) => g.f?.includes(f.properties.id))).toBe(true);
				checked++;
			}
		expect(checked).toBeGreaterThan(50);
	});

	test('lianghekou (两河口) is cited in 000 and its quote is the marked span', () => {
		const f = build.features.find((x) =>
			x.properties.sources.some((s) => s.seed === SEED && s.quote.includes('两河口'))
		)!;
		const s = f.properties.sources.find((x) => x.seed === SEED && x.quote.includes('两河口'))!;
		const b = doc.blocks[blockAtLine(doc.blocks, s.line)];
		const marked = b
			.segments!.filter((g) => g.f?.includes(f.properties.id))
			.map((g) => g.text)
			.join('');
		expect(marked.replace(/\s|\*/g, '')).toContain(s.quote.replace(/\s|\*/g, ''));
	});

	test('every not-mapped mention of the seed is listed with its reason and marked in its block', () => {
		const expected = build.notMapped.filter((n) => n.seed === SEED);
		expect(doc.notMapped).toHaveLength(expected.length);
		doc.notMapped.forEach((n, k) => {
			expect(n.reason).toMatch(/^[a-z_]+$/);
			expect(doc.blocks[n.block].notMapped).toContain(k);
		});
		expect(doc.summary.notMapped).toBe(expected.length);
	});

	test('the summary counts the features citing the seed by kind and precision', () => {
		const citing = build.features.filter((f) => f.properties.sources.some((s) => s.seed === SEED));
		expect(doc.summary.features).toBe(citing.length);
		expect(doc.summary.byKind.reduce((a, [, n]) => a + n, 0)).toBe(citing.length);
		expect(doc.summary.byPrecision.reduce((a, [, n]) => a + n, 0)).toBe(citing.length);
		expect(doc.chapters).toEqual(expect.arrayContaining(['甘孜州“十四五”绿色现代工业发展规划', '第一章 规划背景']));
	});
});
