import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	blockAtLine,
	headingLevel,
	isBoxTitle,
	isTableRow,
	joinPieces,
	lineFromHash,
	parseDocument,
	runsOn
} from './document';

const seed = (f: string) => readFileSync(`seeds/${f}`, 'utf8');

describe('heading detection', () => {
	test.each([
		['第一章 规划背景', 1],
		['第一章　 发展背景', 1],
		['第三节 发展目标', 2],
		['一、面临的挑战', 3],
		['## （二）基本原则。', 4],
		['（一）发展成效。', 4],
		['#### 四、构建“5+N”生态工业体系', 3],
		['1.重点领域。', 5],
		['1　 电子信息', 5],
		['成都平原经济区“十四五”一体化发展规划', 1]
	])('%s is a heading of level %i', (line, level) => expect(headingLevel(line)).toBe(level));

	test.each([
		'（一）规模效益显著提升。“十三五”期，甘孜州工业经济保持良好的发展势头。',
		'第一章 规划背景.....	- 2 -',
		'4.2',
		'“十三五”以来，甘孜州以习近平新时代中国特色社会主义思想为指导。',
		'2025 年，工业经济占全州地区生产总值比重稳中有升'
	])('%s is not a heading', (line) => expect(headingLevel(line)).toBeNull());
});

describe('table and box detection', () => {
	test('tab-separated cells are a table row', () => {
		expect(isTableRow('产业能级\t工业增加值(亿元)\t89.01\t140\t预期性')).toBe(true);
		expect(isTableRow('专栏1 “十四五”工业经济发展主要指标\t\t\t\t')).toBe(false);
		expect(isTableRow('一段文字')).toBe(false);
	});
	test('专栏N opens a box, with or without a space or Markdown marks', () => {
		expect(isBoxTitle('专栏1 “十四五”工业经济发展主要指标')).toBe(true);
		expect(isBoxTitle(' 专栏 2　 先进制造业重点领域')).toBe(true);
		expect(isBoxTitle('## **专栏3 重点**')).toBe(true);
		expect(isBoxTitle('见专栏3')).toBe(false);
	});
});

describe('paragraph joining', () => {
	test('a line without a closing stop runs on; one ending in 。 ends its paragraph', () => {
		expect(runsOn('全州经信系统在州委、州政府的坚强领导下，为“十四五”绿色工')).toBe(true);
		expect(runsOn('甘孜州经济和信息化局')).toBe(false);
		expect(runsOn('一体化发展的基础条件。')).toBe(false);
		expect(runsOn('图1 2015-2020年甘孜州工业增加值')).toBe(false);
	});
	test('Chinese pieces join with nothing between, Latin words with a space', () => {
		expect(joinPieces('经济区', '(以下简称')).toBe('经济区(以下简称');
		expect(joinPieces('to 2025', 'and')).toBe('to 2025 and');
	});
	test('lines broken mid-sentence are joined across blank lines and page footers, text kept as written', () => {
		const text = [
			'为全面贯彻落实党中央,推动成',
			'',
			'—71—',
			'',
			'都平原经济区一体化发展。',
			'',
			'第一章　 发展背景'
		].join('\n');
		const blocks = parseDocument(text);
		expect(blocks).toEqual([
			{ type: 'paragraph', text: '为全面贯彻落实党中央,推动成都平原经济区一体化发展。', from: 1, to: 5 },
			{ type: 'heading', level: 1, text: '第一章　 发展背景', from: 7, to: 7 }
		]);
	});
	test('a numbered lead-in starts a new paragraph even after a line without a stop', () => {
		const blocks = parseDocument('图1 2015-2020年工业增加值\n\n（二）支柱产业贡献突出。清洁能源业不断壮大。');
		expect(blocks.map((b) => [b.from, b.to])).toEqual([
			[1, 1],
			[3, 3]
		]);
	});
});

describe('boxes', () => {
	test('a 专栏 with a table: title, rows in the box, the prose after it outside', () => {
		const text = '专栏1 主要指标\t\t\n指标\t2020年\t2025年\n工业增加值(亿元)\t89.01\t140\n\n展望 2035 年，翻两番。';
		const blocks = parseDocument(text);
		expect(blocks.map((b) => [b.type, b.box])).toEqual([
			['box', 0],
			['row', 0],
			['row', 0],
			['paragraph', undefined]
		]);
		expect(blocks[2].cells).toEqual(['工业增加值(亿元)', '89.01', '140']);
	});
	test('a box ends at the next chapter or section heading; numbered item titles stay in it', () => {
		const text = '专栏 2　 先进制造业重点领域\n\n1　 电子信息\n以成都为核心。\n\n第二节　 下一节\n\n正文。';
		const blocks = parseDocument(text);
		expect(blocks.map((b) => [b.type, b.box])).toEqual([
			['box', 0],
			['heading', 0],
			['paragraph', 0],
			['heading', undefined],
			['paragraph', undefined]
		]);
	});
	test('a box ends at a 一、 or （一） heading too (002 sets its sections so)', () => {
		const text = '专栏 1 基本思路\n\n一核三地多点：“一核”指州工业园区。\n\n## （二）基本原则。\n\n正文。';
		expect(parseDocument(text).map((b) => [b.type, b.box])).toEqual([
			['box', 0],
			['paragraph', 0],
			['heading', undefined],
			['paragraph', undefined]
		]);
	});
});

describe('line → block (deep links)', () => {
	const blocks = [
		{ from: 1, to: 1 },
		{ from: 3, to: 6 },
		{ from: 8, to: 8 }
	];
	test('a line inside a block lands on it; a blank line between blocks on the next', () => {
		expect(blockAtLine(blocks, 1)).toBe(0);
		expect(blockAtLine(blocks, 4)).toBe(1);
		expect(blockAtLine(blocks, 6)).toBe(1);
		expect(blockAtLine(blocks, 7)).toBe(2);
		expect(blockAtLine(blocks, 99)).toBe(2);
		expect(blockAtLine(blocks, 0)).toBe(-1);
		expect(blockAtLine([], 3)).toBe(-1);
	});
	test('#L<line> is read from the hash, with or without other parameters', () => {
		expect(lineFromHash('#L120')).toBe(120);
		expect(lineFromHash('#lang=en&L7')).toBe(7);
		expect(lineFromHash('#L12&lang=en')).toBe(12);
		expect(lineFromHash('#Lx')).toBeNull();
		expect(lineFromHash('')).toBeNull();
	});

	test('on the real seeds every non-blank line lands on a block that holds it, and blocks keep the text', () => {
		for (const f of ['000_c35a7d169af5c8ce.txt', '004_c8741b4fbcaab071.txt']) {
			const text = seed(f);
			const lines = text.split('\n');
			const doc = parseDocument(text);
			for (let n = 1; n <= lines.length; n++) {
				const t = lines[n - 1].trim();
				if (!t || /^[—–-]\s*\d+\s*[—–-]$/.test(t)) continue;
				const b = doc[blockAtLine(doc, n)];
				expect(b.from <= n && n <= b.to, `${f}:${n}`).toBe(true);
			}
			// nothing but line breaks, spaces and Markdown marks is dropped
			const strip = (s: string) => s.replace(/[\s#*]/g, '');
			const kept = strip(doc.map((b) => b.text).join(''));
			const source = strip(lines.filter((l) => !/^\s*[—–-]\s*\d+\s*[—–-]\s*$/.test(l)).join(''));
			expect(kept === source, `${f}: the blocks hold the seed's text`).toBe(true);
		}
	});

	test('000 line 170 (工业增加值 in 专栏1) is a table row inside the box titled at line 168', () => {
		const doc = parseDocument(seed('000_c35a7d169af5c8ce.txt'));
		const row = doc[blockAtLine(doc, 170)];
		expect(row.type).toBe('row');
		expect(row.cells).toContain('89.01');
		expect(doc[row.box!].text).toMatch(/^专栏1/);
		expect(doc[row.box!].from).toBe(168);
	});
});
