/**
 * How the reader lays blocks out: a 专栏 box around its blocks, consecutive table rows as one table, consecutive
 * cells (a table the extraction put one cell per line) as one grid. Pure; tested in groups.test.ts.
 */
import type { Block } from './document';

export type Group =
	| { kind: 'block'; index: number }
	| { kind: 'table'; rows: number[] }
	| { kind: 'cells'; cells: number[] }
	| { kind: 'box'; title: number; children: Group[] };

/** The blocks grouped for layout, in order; every block index appears exactly once. */
export function groupBlocks(blocks: Pick<Block, 'type' | 'box'>[]): Group[] {
	const out: Group[] = [];
	let i = 0;
	while (i < blocks.length) {
		let j = i + 1;
		if (blocks[i].type === 'box') {
			while (j < blocks.length && blocks[j].box === i && blocks[j].type !== 'box') j++;
			out.push({ kind: 'box', title: i, children: runs(blocks, i + 1, j) });
		} else {
			while (j < blocks.length && blocks[j].type !== 'box') j++;
			out.push(...runs(blocks, i, j));
		}
		i = j;
	}
	return out;
}

/** Blocks [from, to) with consecutive rows and consecutive cells gathered. */
function runs(blocks: Pick<Block, 'type'>[], from: number, to: number): Group[] {
	const out: Group[] = [];
	for (let i = from; i < to; i++) {
		const last = out[out.length - 1];
		const t = blocks[i].type;
		if (t === 'row' && last?.kind === 'table' && last.rows[last.rows.length - 1] === i - 1) last.rows.push(i);
		else if (t === 'row') out.push({ kind: 'table', rows: [i] });
		else if (t === 'cell' && last?.kind === 'cells' && last.cells[last.cells.length - 1] === i - 1) last.cells.push(i);
		else if (t === 'cell') out.push({ kind: 'cells', cells: [i] });
		else out.push({ kind: 'block', index: i });
	}
	return out;
}

/** A run of a block as drawn: what marks it and its text in pieces, `**bold**` pieces strong. */
export interface Run {
	f?: string[];
	n?: number[];
	parts: { text: string; strong: boolean }[];
}

/**
 * A block's segments cut further at the Markdown `**` of the extraction (which can open in one segment and close in
 * another), so the page sets emphasis as bold without showing the marks.
 */
export function runsOf(segments: { text: string; f?: string[]; n?: number[] }[]): Run[] {
	let strong = false;
	return segments.map(({ text, f, n }) => {
		const parts: Run['parts'] = [];
		text.split('**').forEach((piece, k) => {
			if (k > 0) strong = !strong;
			if (piece) parts.push({ text: piece, strong });
		});
		const run: Run = { parts };
		if (f) run.f = f;
		if (n) run.n = n;
		return run;
	});
}

/**
 * The heading levels a table of contents lists: down to the second level the document uses more than once (a lone
 * level-1 title does not count), so a plan of 章 and 节 lists those, and one of 一、 and （一） lists those.
 */
export function tocDepth(blocks: Pick<Block, 'type' | 'level'>[]): number {
	const counts = new Map<number, number>();
	for (const b of blocks) if (b.type === 'heading') counts.set(b.level ?? 5, (counts.get(b.level ?? 5) ?? 0) + 1);
	const used = [...counts]
		.filter(([, n]) => n > 1)
		.map(([l]) => l)
		.sort((a, b) => a - b);
	return used[1] ?? used[0] ?? 1;
}
