import { describe, expect, test } from 'vitest';
import { groupBlocks } from './groups';
import type { Block } from './document';

const b = (type: Block['type'], box?: number) => ({ type, box });

describe('laying blocks out', () => {
	test('a box holds its blocks; its rows form one table; the prose after it stands outside', () => {
		const blocks = [b('heading'), b('box', 1), b('row', 1), b('row', 1), b('paragraph'), b('paragraph')];
		expect(groupBlocks(blocks)).toEqual([
			{ kind: 'block', index: 0 },
			{ kind: 'box', title: 1, children: [{ kind: 'table', rows: [2, 3] }] },
			{ kind: 'block', index: 4 },
			{ kind: 'block', index: 5 }
		]);
	});
	test('consecutive cells form one grid; two boxes in a row stay apart; every block appears once', () => {
		const blocks = [
			b('box', 0),
			b('cell', 0),
			b('cell', 0),
			b('paragraph', 0),
			b('cell', 0),
			b('box', 5),
			b('item', 5)
		];
		const groups = groupBlocks(blocks);
		expect(groups).toEqual([
			{
				kind: 'box',
				title: 0,
				children: [
					{ kind: 'cells', cells: [1, 2] },
					{ kind: 'block', index: 3 },
					{ kind: 'cells', cells: [4] }
				]
			},
			{ kind: 'box', title: 5, children: [{ kind: 'block', index: 6 }] }
		]);
	});
});

describe('emphasis', () => {
	test('** opening in one run and closing in another sets bold across them, the marks left out', async () => {
		const { runsOf } = await import('./groups');
		expect(runsOf([{ text: '——**发展' }, { text: '能级**提升。', f: ['a'] }])).toEqual([
			{
				parts: [
					{ text: '——', strong: false },
					{ text: '发展', strong: true }
				]
			},
			{
				f: ['a'],
				parts: [
					{ text: '能级', strong: true },
					{ text: '提升。', strong: false }
				]
			}
		]);
	});
});

describe('table of contents depth', () => {
	test('章 and 节 when the document has them; 一、 and （一） when it has only those', async () => {
		const { tocDepth } = await import('./groups');
		const h = (level: number) => ({ type: 'heading' as const, level });
		expect(tocDepth([h(1), h(1), h(2), h(2), h(3), h(3), h(4)])).toBe(2);
		expect(tocDepth([h(1), h(3), h(3), h(4), h(4), h(5), h(5)])).toBe(4);
		expect(tocDepth([h(1)])).toBe(1);
	});
});
