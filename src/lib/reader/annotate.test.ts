import { describe, expect, test } from 'vitest';
import { filterMentions, findQuote, mentionsCsv, reasonOf, segmentsOf, type NotMappedMention } from './annotate';

describe('finding a quote in a block', () => {
	const text = '——**发展能级稳步提升。**“十四五”期，全部工业 增加值年均增长 10%左右。';
	test('white space and ** are ignored on both sides', () => {
		const at = findQuote(text, '全部工业增加值年均增长 10%左右');
		expect(at).not.toBeNull();
		expect(text.slice(...at!)).toBe('全部工业 增加值年均增长 10%左右');
		expect(text.slice(...findQuote(text, '发展能级稳步提升。**“十四五”')!)).toBe('发展能级稳步提升。**“十四五”');
	});
	test('a quote running past the block is matched by its opening', () => {
		expect(text.slice(...findQuote(text, '年均增长 10%左右。规模以上工业增加值')!)).toBe('年均增长 10%左右。');
	});
	test('a quote not in the block gives null', () => expect(findQuote(text, '两河口水电站')).toBeNull());
});

describe('segments', () => {
	test('the text is cut at every mark and each run lists what covers it', () => {
		const segs = segmentsOf('甲乙丙丁戊', [
			{ start: 1, end: 3, feature: 'a' },
			{ start: 2, end: 4, notMapped: 0 }
		]);
		expect(segs).toEqual([
			{ text: '甲' },
			{ text: '乙', f: ['a'] },
			{ text: '丙', f: ['a'], n: [0] },
			{ text: '丁', n: [0] },
			{ text: '戊' }
		]);
		expect(segs.map((s) => s.text).join('')).toBe('甲乙丙丁戊');
	});
	test('no marks, one run', () => expect(segmentsOf('甲乙', [])).toEqual([{ text: '甲乙' }]));
});

describe('reasons not mapped', () => {
	test.each([
		['Tourism destinations defined by culture/mountain range; no counties given.', 'no_place'],
		['Named only by region; no city or site.', 'no_place'],
		['Railway lying wholly outside Sichuan (贵州—广西).', 'outside'],
		['GDP 1.91→2.95 万亿元: figure unit not in data/vocab/units.json (万亿元); not attached as a figure', 'figure'],
		['Box 3 heading only: the table did not survive extraction in 001 or 002.', 'heading'],
		['finance venues, not industrial; 交子公园金融商务区 is mapped', 'elsewhere'],
		['cooperation programme, not a site', 'not_a_site'],
		['Something else entirely', 'other']
	])('%s → %s', (why, reason) => expect(reasonOf(why)).toBe(reason));
});

const list: NotMappedMention[] = [
	{ line: 12, quote: '=SUM(A1)', why: 'No place given.', reason: 'no_place', file: 'a.json' },
	{ line: 40, quote: '成宜园区', why: 'Railway outside Sichuan, "far"', reason: 'outside', file: 'b.json' }
];

describe('the not-mapped list', () => {
	test('filters by reason and by every word', () => {
		expect(filterMentions(list, 'outside', '')).toHaveLength(1);
		expect(filterMentions(list, '', '成宜')).toEqual([list[1]]);
		expect(filterMentions(list, '', 'no place')).toEqual([list[0]]);
		expect(filterMentions(list, '', '40')).toEqual([list[1]]);
		expect(filterMentions(list, 'heading', '')).toEqual([]);
	});
	test('CSV: BOM, header, formula-like cells made inert, quotes escaped', () => {
		const csv = mentionsCsv('000.txt', list, (r) => r);
		expect(csv.startsWith('\uFEFFseed,line,quote,reason,why,file\r\n')).toBe(true);
		expect(csv).toContain("000.txt,12,'=SUM(A1),no_place,No place given.,a.json");
		expect(csv).toContain('"Railway outside Sichuan, ""far"""');
	});
});
