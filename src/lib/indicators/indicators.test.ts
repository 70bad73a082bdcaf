import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	chartPair,
	direction,
	indicatorsFor,
	indicatorsForLines,
	isBlank,
	parseValue,
	periodPairs,
	unitLabel
} from './indicators';
import type { IndicatorFile, IndicatorTable } from './indicator-schema';

const read = (f: string) => JSON.parse(readFileSync(`data/indicators/${f}`, 'utf8')) as IndicatorTable;
const file: IndicatorFile = {
	tables: readdirSync('data/indicators')
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map(read)
};

describe('parseValue', () => {
	test('reads a single figure, with its qualifier', () => {
		expect(parseValue('89.01')).toEqual({ value: 89.01, approx: false, atLeast: false });
		expect(parseValue('1%')?.value).toBe(1);
		expect(parseValue('2200 万千瓦以上')).toEqual({ value: 2200, approx: false, atLeast: true });
		expect(parseValue('15%左右')).toEqual({ value: 15, approx: true, atLeast: false });
	});
	test('refuses what is not one unambiguous figure', () => {
		for (const raw of ['/', '——', '[15]', '〔15〕', '(30)', '81.31% (72.38)', '870 (“十三五”期)', '完成省下达目标任务'])
			expect(parseValue(raw)).toBeNull();
	});
	test('blank cells', () => {
		expect(isBlank({ year: 2020, raw: '/' })).toBe(true);
		expect(isBlank({ year: 2020, raw: '——' })).toBe(true);
		expect(isBlank({ year: 2020, raw: '0' })).toBe(false);
	});
});

describe('rows by place and by line', () => {
	test('甘孜 (prefecture-513300) has the 工业 plan table and the 碳达峰 targets', () => {
		const rows = indicatorsFor(file, 'prefecture-513300');
		expect(new Set(rows.map((r) => r.seed))).toEqual(new Set(['000_c35a7d169af5c8ce.txt', '003_734b95398a35004a.txt']));
		expect(rows.length).toBe(25 + 8);
	});
	test('阿坝 (prefecture-513200) has 16 rows; an unknown place none', () => {
		expect(indicatorsFor(file, 'prefecture-513200')).toHaveLength(16);
		expect(indicatorsFor(file, 'nowhere')).toEqual([]);
	});
	test('each economic region has its 发展目标 rows', () => {
		for (const id of ['chengdu-plain', 'south-sichuan', 'northeast-sichuan', 'panxi', 'northwest-sichuan'])
			expect(indicatorsFor(file, `economic-region-${id}`).length, id).toBeGreaterThan(0);
		expect(indicatorsFor(file, 'economic-region-northwest-sichuan').map((r) => r.target.raw)).toEqual([
			'30． 3%',
			'86%',
			'2750 万千瓦',
			'42%以上'
		]);
	});
	test('a line range gives the rows cited there (the reader beside 专栏1)', () => {
		const rows = indicatorsForLines(file, '000_c35a7d169af5c8ce.txt', 168, 171);
		expect(rows.map((r) => r.line)).toEqual([170, 171]);
		expect(indicatorsForLines(file, '003_734b95398a35004a.txt', 21, 21)).toHaveLength(6);
	});
});

describe('direction and periods', () => {
	const ganzi = indicatorsFor(file, 'prefecture-513300');
	const byId = (id: string) => ganzi.find((r) => r.id === id)!;
	test('up, down, or unknown when a cell is not one figure', () => {
		expect(direction(byId('ganzi-industry-industrial-va'))).toBe('up');
		expect(direction(byId('ganzi-industry-energy-per-va'))).toBe('down');
		expect(direction(byId('ganzi-industry-share-clean-energy'))).toBeNull();
	});
	test('the 十三五 → 十四五 pair is the industrial investment row', () => {
		expect(periodPairs(ganzi).map((r) => r.id)).toEqual(['ganzi-industry-industrial-investment']);
	});
});

describe('chartPair', () => {
	const ganzi = indicatorsFor(file, 'prefecture-513300');
	const byId = (id: string) => ganzi.find((r) => r.id === id)!;
	test('baseline → target when both are single figures', () => {
		expect(chartPair(byId('ganzi-industry-patents'))).toEqual({
			from: { year: 2020, value: 247 },
			to: { year: 2025, value: 330 }
		});
	});
	test('2025 → 2030 for the 碳达峰 targets; none for a blank baseline or a two-figure cell', () => {
		expect(chartPair(byId('ganzi-carbon-co2-total'))).toEqual({
			from: { year: 2025, value: 125.2708 },
			to: { year: 2030, value: 101.0038 }
		});
		expect(chartPair(byId('ganzi-industry-green-factories'))).toBeNull();
		expect(chartPair(byId('ganzi-industry-share-food-drink'))).toBeNull();
		expect(chartPair(byId('ganzi-carbon-energy-per-gdp'))).toBeNull();
	});
});

describe('unitLabel', () => {
	const rows = indicatorsFor(file, 'prefecture-513300');
	const byId = (id: string) => rows.find((r) => r.id === id)!;
	test('not repeated in Chinese when the name writes it; in English always', () => {
		expect(unitLabel(byId('ganzi-industry-industrial-va'), 'zh')).toBeNull();
		expect(unitLabel(byId('ganzi-industry-industrial-va'), 'en')).toBe('100 million CNY');
		expect(unitLabel(byId('ganzi-carbon-clean-capacity'), 'zh')).toBe('万千瓦');
		expect(unitLabel(byId('ganzi-industry-profit-above-size'), 'en')).toBeNull();
	});
});
