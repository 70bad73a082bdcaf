/**
 * A seed's plain text as a readable document: headings (第一章, 第一节, 一、, （一）, 1., Markdown #), paragraphs joined
 * across the extraction's hard line breaks, list items, 专栏 boxes and their table rows — each block carrying the
 * source line range [from, to] it was set from, so a `#L<line>` link lands on the block holding that line. Pure (no
 * file system, no DOM): the build (scripts/reader) and the reader page share it. Tested in document.test.ts.
 *
 * The Chinese text is kept exactly as written: blocks are the lines joined, nothing else changed (Markdown `#` marks of
 * a heading line are the only characters left out, and the page renders `**bold**` as bold).
 */

export type BlockType = 'heading' | 'paragraph' | 'item' | 'box' | 'row' | 'cell' | 'toc';

export interface Block {
	type: BlockType;
	/** Heading depth, 1 (第一章) … 5 (1.); a box's title is 2. */
	level?: number;
	/** The text as written (the lines joined). */
	text: string;
	/** Table cells of a `row` (tab-separated in the seed). */
	cells?: string[];
	/** First and last source line (1-based) of the block. */
	from: number;
	to: number;
	/** Index of the 专栏 box block this block belongs to (the box's own index for its title). */
	box?: number;
}

export interface ParseOptions {
	/**
	 * Display width (CJK characters count 2) from which a line ending in 。 is taken as wrapped rather than as the end
	 * of its paragraph: the five-region plans (004) are set in a narrow column, so a sentence that happens to end at
	 * the column's edge continues its paragraph. Null for extractions with one paragraph per line.
	 */
	wrapWidth?: number | null;
}

const CN_NUM = '[一二三四五六七八九十百零〇两]+';
/** Heading patterns and their depth, tried in order on the line with Markdown marks removed. */
const HEADINGS: [RegExp, number][] = [
	// the front matter's 目录 and 前言
	[/^(目\s*录|前\s*言)$/, 1],
	// the title of each of 004's five plans (`成都平原经济区“十四五”一体化发展规划`)
	[/^\S{2,12}“十四五”\S{0,16}规划$/, 1],
	[new RegExp(`^第${CN_NUM}章`), 1],
	[new RegExp(`^第${CN_NUM}节`), 2],
	[new RegExp(`^${CN_NUM}、`), 3],
	[new RegExp(`^[（(]${CN_NUM}[）)]`), 4],
	[/^\d{1,2}[.．、]\s*[^\d\s]/, 5],
	// a numbered item's title in 004's boxes: `1`, an ideographic space, `电子信息`
	[/^\d{1,2}\u3000/, 5]
];
/** A heading is a short line; a longer one opening with 一、 or （一） is a paragraph with a lead-in. */
const MAX_HEADING_CHARS = 36;
/** Page footers of 004 (`—71—`) and blank-ish lines are not content. */
const FOOTER = /^[—–-]\s*\d+\s*[—–-]$/;
const BOX = /^专栏\s*\d+/;
/** Table-of-contents lines: dot leaders with a page number. */
const TOC = /(\.{4,}|…{2,}|……)\s*(-\s*\d+\s*-|\d+)?\s*$|\d+\s*…+\s*$/;
/** A line ending one of these closes its paragraph (unless the column is full, see wrapWidth). */
const TERMINAL = /[。！？；：!?;:”」』）)]$/;
/** A line that starts a paragraph of its own (a numbered lead-in, a figure or table caption), never a continuation. */
const STARTS = new RegExp(`^(第${CN_NUM}[章节]|[（(]${CN_NUM}[）)]|${CN_NUM}、|\\d{1,2}[.．、]\\D|[图表]\\s*\\d)`);
/** Captions of figures left out by the extraction (`图1 2015-2020年…`): a line of their own. */
const CAPTION = /^图\s*\d+/;
/** A line this short stands alone (a cover's issuer, date or subtitle): the extraction breaks paragraphs only at the
 * column's width or a page's end, never so early. */
const MAX_SHORT_CHARS = 12;
/** Inside a box, a line this short without a stop is a table cell the extraction put on a line of its own (001's
 * 专栏2): kept on its own, never joined. */
const MAX_CELL_CHARS = 14;
/** A list item: a ——lead or a bullet. */
const ITEM = /^(——|[•·●▪◆■□○])/;

/** Display width: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
	return w;
}

/** A line without its Markdown heading marks, surrounding spaces (ASCII and ideographic) and `**` wrapping a
 * whole heading. */
export function cleanHeading(line: string): string {
	return line
		.replace(/^\s*#{1,6}\s*/, '')
		.replace(/^\*\*(.*)\*\*$/, '$1')
		.trim();
}

/** The depth of a heading line, or null when the line is not a heading. */
export function headingLevel(line: string): number | null {
	const trimmed = line.trim();
	const md = /^(#{1,6})\s/.exec(trimmed);
	const text = cleanHeading(trimmed).replace(/\*\*/g, '');
	if (!text || text.length > MAX_HEADING_CHARS) return md && text ? Math.min(md[1].length, 5) : null;
	if (TOC.test(text)) return null;
	for (const [re, level] of HEADINGS) {
		if (!re.test(text)) continue;
		// "（一）规模效益显著提升。“十三五”期…" is a paragraph: a heading holds no sentence after its first stop.
		const stop = text.search(/[。；]/);
		if (stop >= 0 && stop < text.length - 1) return null;
		return level;
	}
	return md ? Math.min(md[1].length, 5) : null;
}

/** Whether a line is a table row (cells separated by tabs, at least two non-empty). */
export function isTableRow(line: string): boolean {
	return line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2;
}

/** Whether a line is the title of a 专栏 box. */
export function isBoxTitle(line: string): boolean {
	return BOX.test(cleanHeading(line.trim()));
}

/** Whether a line is not content: a page footer or empty. */
export function isNoise(line: string): boolean {
	const t = line.trim();
	return t === '' || FOOTER.test(t);
}

/** Whether a paragraph line runs on into the next line (the extraction broke it) rather than ending there. */
export function runsOn(line: string, options: ParseOptions = {}): boolean {
	const t = line.trim();
	if (CAPTION.test(t) || [...t].length <= MAX_SHORT_CHARS) return false;
	if (!TERMINAL.test(t)) return true;
	return !!options.wrapWidth && displayWidth(t) >= options.wrapWidth;
}

/** Joins two pieces of one paragraph: nothing between Chinese text, a space between two Latin words. */
export function joinPieces(a: string, b: string): string {
	return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

type LineKind = 'heading' | 'box' | 'row' | 'toc' | 'item' | 'text';

function kindOf(t: string): LineKind {
	if (isBoxTitle(t)) return 'box';
	if (TOC.test(t)) return 'toc';
	if (isTableRow(t)) return 'row';
	if (headingLevel(t) !== null) return 'heading';
	if (ITEM.test(cleanHeading(t))) return 'item';
	return 'text';
}

/**
 * The blocks of a seed's text, in order. Paragraphs and items continue onto the next content line (blank lines and
 * page footers skipped) while their last line runs on and the next line is plain text. A 专栏 box holds what follows
 * its title up to the next chapter, section or box title.
 */
export function parseDocument(text: string, options: ParseOptions = {}): Block[] {
	const lines = text.split(/\r?\n/);
	const blocks: Block[] = [];
	let box: number | undefined;
	let i = 0;
	const push = (b: Block) => {
		if (box !== undefined) b.box = box;
		blocks.push(b);
	};
	while (i < lines.length) {
		const raw = lines[i];
		const t = raw.trim();
		const n = i + 1;
		if (isNoise(raw)) {
			i++;
			continue;
		}
		const kind = kindOf(t);
		if (kind === 'box') {
			box = blocks.length;
			blocks.push({ type: 'box', level: 2, text: cleanHeading(t).replace(/\t+/g, ' ').trim(), from: n, to: n, box });
			i++;
			continue;
		}
		if (kind === 'heading') {
			const level = headingLevel(t) ?? 5;
			// a chapter, section, 一、 or （一） heading closes the box; a numbered item title (1.) inside a box stays in it
			if (level <= 4) box = undefined;
			push({ type: 'heading', level, text: cleanHeading(t), from: n, to: n });
			i++;
			continue;
		}
		if (kind === 'row') {
			push({ type: 'row', text: t, cells: raw.replace(/\s+$/, '').split('\t'), from: n, to: n });
			i++;
			continue;
		}
		if (kind === 'toc') {
			push({ type: 'toc', text: t, from: n, to: n });
			i++;
			continue;
		}
		// a box set as a table ends where the rows do (000's 专栏1 is followed by prose)
		if (box !== undefined && blocks[blocks.length - 1].type === 'row') box = undefined;
		if (box !== undefined && kind === 'text' && t.length <= MAX_CELL_CHARS && !TERMINAL.test(t)) {
			push({ type: 'cell', text: t, from: n, to: n });
			i++;
			continue;
		}
		// a paragraph or item: gather its continuation lines
		let joined = t;
		let last = i;
		let j = i + 1;
		while (runsOn(lines[last], options)) {
			while (j < lines.length && isNoise(lines[j])) j++;
			if (j >= lines.length || kindOf(lines[j].trim()) !== 'text' || STARTS.test(lines[j].trim())) break;
			joined = joinPieces(joined, lines[j].trim());
			last = j;
			j++;
		}
		push({ type: kind === 'item' ? 'item' : 'paragraph', text: joined, from: n, to: last + 1 });
		i = last + 1;
	}
	return blocks;
}

/**
 * The index of the block a source line belongs to: the block whose range holds it, else (a blank line or footer
 * between blocks) the next block after it, else the last block. -1 for an empty document or a line below 1.
 */
export function blockAtLine(blocks: Pick<Block, 'from' | 'to'>[], line: number): number {
	if (!blocks.length || !Number.isInteger(line) || line < 1) return -1;
	let lo = 0;
	let hi = blocks.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (blocks[mid].to < line) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Reads `#L120` (also `#L120&lang=en`, `#l120`) as a line number, or null. */
export function lineFromHash(hash: string): number | null {
	const m = /(?:^#?|&)L(\d{1,6})(?:&|$)/i.exec(hash);
	return m ? Number(m[1]) : null;
}
