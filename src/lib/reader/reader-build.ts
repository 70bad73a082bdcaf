/**
 * A seed as the reader's document: its blocks (document.ts) with the spans features cite and the mentions not mapped
 * marked (annotate.ts), the features citing it, and the counts of "what is mapped". Pure: the build
 * (scripts/reader/reader.json.ts) gives it the seed's text and the built plan data. Tested in scripts/reader/reader-build.test.ts (on the real data).
 */
import { blockAtLine, parseDocument, type Block } from './document';
import { countBy, markFor, reasonOf, segmentsOf, type Mark, type NotMappedMention, type Segment } from './annotate';

/** What a feature needs in the reader: its names, kind, placement and layers (to show it on the map). */
export interface ReaderFeature {
	name_zh: string;
	name_en: string;
	kind: string;
	precision: string;
}

export interface ReaderBlock extends Block {
	/** The text cut into runs by what cites it; absent when nothing does. */
	segments?: Segment[];
	/** Ids of the features citing a line of the block. */
	features?: string[];
	/** Indexes (into the document's notMapped) of the mentions not mapped in the block. */
	notMapped?: number[];
}

export interface MappedSummary {
	features: number;
	notMapped: number;
	byKind: [string, number][];
	byPrecision: [string, number][];
	byReason: [string, number][];
}

export interface ReaderDocument {
	seed: string;
	title_zh: string;
	title_en: string;
	/** Lines in the seed. */
	lines: number;
	/** The chapter headings (level 1), for the list of documents. */
	chapters: string[];
	summary: MappedSummary;
	blocks: ReaderBlock[];
	features: Record<string, ReaderFeature>;
	notMapped: (NotMappedMention & { block: number })[];
}

interface CitingFeature {
	id?: string | number;
	properties: {
		id: string;
		name_zh: string;
		name_en: string;
		kind: string;
		location: { precision: string };
		sources: { seed: string; line: number; quote: string }[];
	};
}

interface NotMappedInput {
	seed: string;
	line: number;
	quote: string;
	why: string;
	file: string;
}

/** Heading depth of the chapters listed for a document. */
const CHAPTER_LEVEL = 1;

export function buildReaderDocument(
	seed: string,
	text: string,
	title: { zh: string; en: string },
	features: CitingFeature[],
	notMappedAll: NotMappedInput[]
): ReaderDocument {
	const blocks: ReaderBlock[] = parseDocument(text);
	const at = (line: number) => blockAtLine(blocks, line);
	const marks = new Map<number, Mark[]>();
	const add = (i: number, m: Mark) => (marks.get(i) ?? marks.set(i, []).get(i)!).push(m);

	const citing: Record<string, ReaderFeature> = {};
	for (const f of features) {
		const p = f.properties;
		for (const s of p.sources) {
			if (s.seed !== seed) continue;
			const i = at(s.line);
			if (i < 0) continue;
			citing[p.id] = { name_zh: p.name_zh, name_en: p.name_en, kind: p.kind, precision: p.location.precision };
			const [start, end] = markFor(blocks[i], s.quote);
			add(i, { start, end, feature: p.id });
			const b = blocks[i];
			b.features = [...new Set([...(b.features ?? []), p.id])];
		}
	}
	const notMapped: ReaderDocument['notMapped'] = [];
	for (const nm of notMappedAll.filter((n) => n.seed === seed).sort((a, b) => a.line - b.line)) {
		const i = at(nm.line);
		const k = notMapped.length;
		notMapped.push({
			line: nm.line,
			quote: nm.quote,
			why: nm.why,
			reason: reasonOf(nm.why),
			file: nm.file,
			block: i
		});
		if (i < 0) continue;
		const [start, end] = markFor(blocks[i], nm.quote);
		add(i, { start, end, notMapped: k });
		blocks[i].notMapped = [...(blocks[i].notMapped ?? []), k];
	}
	for (const [i, ms] of marks) blocks[i].segments = segmentsOf(blocks[i].text, ms);

	const feats = Object.values(citing);
	return {
		seed,
		title_zh: title.zh,
		title_en: title.en,
		lines: text.split(/\r?\n/).length,
		chapters: blocks.filter((b) => b.type === 'heading' && b.level === CHAPTER_LEVEL).map((b) => b.text),
		summary: {
			features: feats.length,
			notMapped: notMapped.length,
			byKind: countBy(feats, (f) => f.kind),
			byPrecision: countBy(feats, (f) => f.precision),
			byReason: countBy(notMapped, (n) => n.reason)
		},
		blocks,
		features: citing,
		notMapped
	};
}
