import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SeedIndex } from '../plan/seed-quotes';
import { checkIndicatorTables, valueProblem, quoteProblem } from './check-indicators';
import type { IndicatorTable } from '../../src/lib/indicators/indicator-schema';

const seeds = new SeedIndex();
const DIR = 'data/indicators';
const files = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => ({ name: `${DIR}/${f}`, data: JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as IndicatorTable }));
const places = new Set(files.map((f) => f.data.placeId));

describe('the hand-written indicator tables', () => {
	const { tables, problems } = checkIndicatorTables(files, (s) => seeds.linesOf(s), places);
	test('pass every check (schema, quotes on their lines, values in their quotes)', () => {
		expect(problems).toEqual([]);
		expect(tables.length).toBe(8);
	});
	const rows = tables.flatMap((t) => t.rows.map((r) => ({ seed: t.seed, ...r })));
	test.each(rows)('$id: its quote starts on line $line and each value is in it', (row) => {
		const lines = seeds.linesOf(row.seed);
		expect(quoteProblem(lines, row.seed, row.line, row.quote)).toBeNull();
		for (const v of [row.baseline, row.milestone, row.target]) if (v) expect(valueProblem(v.raw, row.quote)).toBeNull();
		if (row.later) {
			expect(quoteProblem(lines, row.seed, row.later.line, row.later.quote)).toBeNull();
			expect(row.later.quote).toContain(row.later.raw);
		}
	});
	test("甘孜's industrial value added: 89.01 亿元 in 2020 → 140 in 2025, expected (专栏1, line 170)", () => {
		const r = rows.find((x) => x.id === 'ganzi-industry-industrial-va')!;
		expect(r).toMatchObject({ line: 170, unit: '亿元', binding: 'expected' });
		expect([r.baseline?.raw, r.target.raw]).toEqual(['89.01', '140']);
		expect(seeds.linesOf(r.seed)[169]).toBe('产业能级\t工业增加值(亿元)\t89.01\t140\t预期性');
	});
	test('keeps 〔〕/[] cumulative and blank cells as written', () => {
		const r = rows.find((x) => x.id === 'aba-industry-parks-infrastructure-investment')!;
		expect([r.baseline?.raw, r.milestone?.raw, r.target.raw]).toEqual(['——', '[15]', '[25]']);
	});
});

describe('the checks catch', () => {
	const good = files.find((f) => f.data.seed.startsWith('000'))!;
	const lines = (s: string) => seeds.linesOf(s);
	test('a value that is not a cell of its quote (a part of a cell is not enough)', () => {
		expect(valueProblem('89', '产业能级\t工业增加值(亿元)\t89.01\t140\t预期性')).toMatch(/not a cell/);
		expect(valueProblem('89.01', '产业能级\t工业增加值(亿元)\t89.01\t140\t预期性')).toBeNull();
	});
	test('a prose quote of 004 runs across its hard line breaks and blank lines, but must start on its line', () => {
		const l004 = lines('004_c8741b4fbcaab071.txt');
		const q = '主要江河水环境质量国省考核断面优良比例保持在 90% 以上';
		expect(quoteProblem(l004, '004', 4692, q)).toBeNull();
		expect(quoteProblem(l004, '004', 4690, q)).toMatch(/does not start on line 4690/);
		expect(valueProblem('30． 3%', '森林覆盖率和草原综合植被覆盖度分别达到 30． 3% 和 86%')).toBeNull();
	});
	test('a quote on another line', () => {
		expect(quoteProblem(lines('000_c35a7d169af5c8ce.txt'), '000', 171, '工业增加值(亿元)\t89.01')).toMatch(/line 170/);
	});
	test('an invented value, a wrong binding and a missing place', () => {
		const data = structuredClone(good.data);
		data.rows[0].target.raw = '150';
		data.rows[1].binding = 'binding';
		data.placeId = 'prefecture-999999';
		const { problems } = checkIndicatorTables([{ name: good.name, data }], lines, places);
		expect(problems.join('\n')).toMatch(/value "150"/);
		expect(problems.join('\n')).toMatch(/约束性 is not in its quote/);
		expect(problems.join('\n')).toMatch(/place "prefecture-999999"/);
	});
	test('a malformed file, with a message naming it', () => {
		const { problems } = checkIndicatorTables([{ name: 'x.json', data: { rows: 'no' } }], lines, places);
		expect(problems[0]).toMatch(/^x\.json: /);
	});
});
