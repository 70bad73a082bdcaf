/**
 * What the reader marks in a document: the spans of a block that features cite (their quotes found in the block's
 * text) and the mentions deliberately not mapped, with a reason group read from the data's own `why`; and the
 * "what is mapped" counts. Pure; the build (scripts/reader) runs it once, the page only draws its result.
 * Tested in annotate.test.ts.
 */
import type { Block } from './document';
import { csvCell } from '../geo/export-results';

/** A run of a block's text and what marks it: ids of features citing it, indexes of not-mapped mentions. */
export interface Segment {
	text: string;
	f?: string[];
	n?: number[];
}

export interface Mark {
	start: number;
	end: number;
	feature?: string;
	notMapped?: number;
}

/** Quotes are matched as the plan checks them: white space and `**` emphasis ignored. */
const IGNORED = /\s|\*/;
/** A quote that cannot be found whole (it runs into the next block) is matched by its longest opening of at least
 * this many characters; shorter, the whole block is marked. */
const MIN_PREFIX = 4;

/** Where a quote stands in a text, as [start, end) of the text, ignoring white space and `*`; null when absent. */
export function findQuote(text: string, quote: string): [number, number] | null {
	const index: number[] = [];
	let norm = '';
	for (let i = 0; i < text.length; i++) {
		if (IGNORED.test(text[i])) continue;
		index.push(i);
		norm += text[i];
	}
	const q = quote.replace(/\s|\*/g, '');
	for (let len = q.length; len >= Math.min(MIN_PREFIX, q.length) && len > 0; len--) {
		const at = norm.indexOf(q.slice(0, len));
		if (at >= 0) return [index[at], index[at + len - 1] + 1];
		if (len === q.length && q.length > 60) len = 61; // a long quote: try its openings from 60 characters down
	}
	return null;
}

/** The span a citation marks in a block: its quote, or the whole block when the quote is not in it. */
export function markFor(block: Pick<Block, 'text'>, quote: string): [number, number] {
	return findQuote(block.text, quote) ?? [0, block.text.length];
}

/** A block's text cut into runs at every mark's edges, each run listing the marks covering it. */
export function segmentsOf(text: string, marks: Mark[]): Segment[] {
	if (!marks.length) return [{ text }];
	const cuts = new Set([0, text.length]);
	for (const m of marks) {
		cuts.add(Math.max(0, Math.min(text.length, m.start)));
		cuts.add(Math.max(0, Math.min(text.length, m.end)));
	}
	const edges = [...cuts].sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let k = 0; k + 1 < edges.length; k++) {
		const [a, b] = [edges[k], edges[k + 1]];
		if (a === b) continue;
		const over = marks.filter((m) => m.start <= a && m.end >= b);
		const f = [...new Set(over.flatMap((m) => (m.feature ? [m.feature] : [])))];
		const n = [...new Set(over.flatMap((m) => (m.notMapped !== undefined ? [m.notMapped] : [])))];
		const seg: Segment = { text: text.slice(a, b) };
		if (f.length) seg.f = f;
		if (n.length) seg.n = n;
		const prev = out[out.length - 1];
		if (prev && same(prev.f, seg.f) && same(prev.n, seg.n)) prev.text += seg.text;
		else out.push(seg);
	}
	return out;
}

function same<T>(a: T[] | undefined, b: T[] | undefined): boolean {
	return (a ?? []).join('\u0000') === (b ?? []).join('\u0000');
}

/** Why a mention is not mapped, in groups a reader can filter by. Read from the data's `why` (written in English). */
export const REASONS = ['no_place', 'not_a_site', 'outside', 'elsewhere', 'figure', 'heading', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** Tried in order; the first that matches the `why` gives the group. */
const REASON_RULES: [Reason, RegExp][] = [
	['heading', /\bheading\b|did not survive/i],
	['figure', /\bfigure|\bunit\b|not attached/i],
	[
		'no_place',
		/no (city|county|site)|named only by|cannot be placed|without (a |any )?(city|county|named)|not (verified|known to us)|neither (named|stated)|does not (give|state)|place the text does not|no (stations|alignment|route)|without (an? )?(alignment|route|extents)|no specific/i
	],
	[
		'elsewhere',
		/already (mapped|on the map|a feature)|(is|are) mapped|mapped (as|by|in|under|with|elsewhere|one by one)|cited on|covered by|part of|same as|duplicate/i
	],
	['outside', /outside|beyond sichuan|not an? (aba|ganzi|sichuan)|another (province|prefecture)|neighbour|scope/i],
	[
		'no_place',
		/\bno (specific |single |named |defined )?(place|site|location|county|counties|town|area|areas|route|position|termini)|not (named|given|delimited|located|described|stated|specified|placed)|without (a |any )?(place|site|location|defined|named)|unnamed|undefined|not defined|unplaced/i
	],
	[
		'not_a_site',
		/not (a |an )?(planned |industrial )?(site|place|park|project|airport|distinct)s?\b|not places|not sites|programme|program\b|designation|pilot|policy|generic|brand|in general|mechanism|platform|cooperation|festival|fair|concept|national|background|completed|existing|target|goal|no road kind|services|agricultur|not industrial|education|culture|heritage|urban/i
	]
];

/** The reason group of a `why` text. */
export function reasonOf(why: string): Reason {
	for (const [reason, re] of REASON_RULES) if (re.test(why)) return reason;
	return 'other';
}

/** Counts of a list by a key, largest first. */
export function countBy<T>(xs: T[], key: (x: T) => string): [string, number][] {
	const m = new Map<string, number>();
	for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
	return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A not-mapped mention as the reader shows and exports it. */
export interface NotMappedMention {
	line: number;
	quote: string;
	why: string;
	reason: Reason;
	/** The data/plan file that lists it. */
	file: string;
}

/** The not-mapped mentions a reader's filter keeps: a reason group ('' for all) and words (all must occur in the
 * quote, the why or the line number). */
export function filterMentions(list: NotMappedMention[], reason: string, text: string): NotMappedMention[] {
	const words = text.toLowerCase().split(/\s+/).filter(Boolean);
	return list.filter(
		(m) =>
			(!reason || m.reason === reason) && words.every((w) => `${m.quote} ${m.why} ${m.line}`.toLowerCase().includes(w))
	);
}

export const MENTION_CSV_COLUMNS = ['seed', 'line', 'quote', 'reason', 'why', 'file'] as const;

/** The mentions as CSV (UTF-8 with BOM so spreadsheets read the Chinese), one row each, formula-safe. */
export function mentionsCsv(seed: string, list: NotMappedMention[], reasonLabel: (r: Reason) => string): string {
	const rows = list.map((m) =>
		[seed, m.line, m.quote, reasonLabel(m.reason), m.why, m.file].map((v) => csvCell(v)).join(',')
	);
	return '\uFEFF' + [MENTION_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
