/**
 * What a PowerPoint slide says and where it goes: the texts of a tour step's slide or of the current view's slide (its
 * title, the quote verbatim with its source, the translation in English, the plans cited, the share link for the
 * speaker notes), the 16:9 slide's boxes, and a font size that lets a text fill its box without overflowing.
 * Pure: export-pptx.ts turns these into pptxgenjs calls.
 */
import { textWidth } from '$lib/svg-map/render-svg';
import type { Lang } from '$lib/style/labels';
import type { TourStep } from '$lib/atlas/tours/tour-schema';

/** A 16:9 slide in inches (PowerPoint's "Widescreen" is 13.333 × 7.5; pptxgenjs's LAYOUT_16x9 is 10 × 5.625). */
export const SLIDE = { width: 10, height: 5.625 };

/** Boxes of a slide, inches from the top left. */
export const BOX = {
	kicker: { x: 0.35, y: 0.14, w: 9.3, h: 0.3 },
	title: { x: 0.35, y: 0.42, w: 9.3, h: 0.7 },
	map: { x: 0.35, y: 1.18, w: 5.9, h: 4.08 },
	side: { x: 6.45, y: 1.18, w: 3.2, h: 4.08 },
	footer: { x: 0.35, y: 5.3, w: 9.3, h: 0.25 }
} as const;
/** CSS px of the map frame drawn for the map box (the same shape; 1 px ≈ 0.0082 in, legend text ≈ 6.8 pt). */
export const MAP_FRAME = { width: 720, height: Math.round((720 * BOX.map.h) / BOX.map.w) };

export interface SideBlock {
	/** What the block is, for the file (an object name) and for tests. */
	role: 'lead' | 'quote' | 'translation' | 'source' | 'facts' | 'citations';
	text: string;
	size: number;
	bold?: boolean;
	italic?: boolean;
	colour: string;
	/** A bar at the left, as the quote card's quote. */
	bar?: boolean;
	lang: Lang;
}

export interface SlideText {
	kicker: string;
	title: string;
	side: SideBlock[];
	footer: string;
	notes: string;
}

const INK = '2B2720';
const INK_SOFT = '5E5749';
const ACCENT = 'B5523B';

/** How far a text with a bar at its left stands in from the box's edge (inches). */
export const BAR_INDENT = 0.14;

/** Inner margins of a text box (pptxgenjs's default inset, inches on each side). */
const INSET = 0.1;

/** Height in inches of a text at `size` pt wrapped in a box `w` inches wide (estimated with the label widths). */
export function textHeight(text: string, size: number, w: number, lineSpacing = 1.25): number {
	const avail = (w - 2 * INSET) * 72;
	const lines = text
		.split('\n')
		.reduce((n, para) => n + Math.max(1, Math.ceil((textWidth(para, size) * 1.04) / avail)), 0);
	return (lines * size * lineSpacing) / 72 + 2 * INSET;
}

/** The largest size from `sizes` (largest first) at which `text` fits a box; the smallest if none does. */
export function fitSize(text: string, w: number, h: number, sizes: readonly number[]): number {
	return sizes.find((s) => textHeight(text, s, w) <= h) ?? sizes[sizes.length - 1];
}

/** Line height of the side column's wrapped texts, in multiples of their size. */
const SIDE_LINE = 1.6;

/** The smallest type on a slide (pt): smaller is not read from the back of a room. */
const MIN_SIZE = 8;

/**
 * Side blocks fitted into the side box: each gets a height from its text; if together they overflow, the sizes step
 * down together (to MIN_SIZE at the least) until they fit.
 */
export function stackSide(
	blocks: SideBlock[],
	box: { w: number; h: number }
): (SideBlock & { y: number; h: number })[] {
	const gap = 0.08;
	let scale = 1;
	for (let i = 0; i < 12; i++) {
		const sized = blocks.map((b) => ({
			...b,
			size: Math.max(MIN_SIZE, Math.round(b.size * scale * 2) / 2)
		}));
		// Side blocks wrap over several lines, each 1.6 × the size: Noto Sans CJK's own line height (ascent + descent
		// ≈ 1.45 em) times the boxes' 1.1 line spacing. With 1.25, LibreOffice ran a long Chinese quote into its source.
		const heights = sized.map((b) => textHeight(b.text, b.size, box.w - (b.bar ? BAR_INDENT : 0), SIDE_LINE));
		const total = heights.reduce((a, b) => a + b, 0) + gap * (blocks.length - 1);
		if (total <= box.h || i === 11) {
			let y = 0;
			return sized.map((b, j) => {
				const out = { ...b, y, h: heights[j] };
				y += heights[j] + gap;
				return out;
			});
		}
		scale *= 0.9;
	}
	return [];
}

export interface StepSlideInput {
	lang: Lang;
	tourTitle: string;
	step: TourStep;
	index: number;
	count: number;
	/** Title of the seed the quote is from, in the slide's language. */
	seedTitle: string;
	shareUrl: string;
	atlasTitle: string;
	notOfficial: string;
	quoteFrom: string;
	translationNote: string;
	slideLink: string;
	date: string;
}

/** A tour step's slide: its title, the quote verbatim (and its translation in English), the source, the link in notes. */
export function stepSlide(s: StepSlideInput): SlideText {
	const { lang, step } = s;
	const source = `${s.quoteFrom} ${s.seedTitle} (${step.source.file}:${step.source.line})`;
	const side: SideBlock[] =
		lang === 'zh'
			? [
					{ role: 'quote', text: `“${step.quote}”`, size: 16, colour: INK, bar: true, lang: 'zh' },
					{ role: 'source', text: source, size: 9, colour: INK_SOFT, lang }
				]
			: [
					{ role: 'translation', text: `“${step.caption_en}”`, size: 15, colour: INK, bar: true, lang: 'en' },
					{ role: 'quote', text: `“${step.quote}”`, size: 11, colour: INK_SOFT, lang: 'zh' },
					{ role: 'source', text: `${source}. ${s.translationNote}`, size: 9, colour: INK_SOFT, lang }
				];
	return {
		kicker: `${s.atlasTitle} · ${s.tourTitle} · ${s.index}/${s.count}`,
		title: lang === 'zh' ? step.title_zh : step.title_en,
		side,
		footer: `${s.atlasTitle} · ${s.notOfficial} · ${s.date}`,
		notes: `${s.slideLink}\n${s.shareUrl}\n\n${source}`
	};
}

export interface ViewSlideInput {
	lang: Lang;
	title: string;
	/** Layers and filter shown. */
	subtitle: string;
	/** The selected feature's quote card, if a feature is selected. */
	card?: { facts: string; quote: string; source: string };
	citations: string[];
	citedHeading: string;
	shareUrl: string;
	atlasTitle: string;
	notOfficial: string;
	slideLink: string;
	date: string;
}

/** The current view's slide: its title, what it shows, the selected feature's quote card or the plans cited. */
export function viewSlide(s: ViewSlideInput): SlideText {
	const side: SideBlock[] = [{ role: 'lead', text: s.subtitle, size: 12, colour: INK_SOFT, lang: s.lang }];
	if (s.card) {
		side.push(
			{ role: 'facts', text: s.card.facts, size: 12, bold: true, colour: ACCENT, lang: s.lang },
			{ role: 'quote', text: `“${s.card.quote}”`, size: 14, colour: INK, bar: true, lang: 'zh' },
			{ role: 'source', text: s.card.source, size: 9, colour: INK_SOFT, lang: s.lang }
		);
	} else if (s.citations.length) {
		side.push({
			role: 'citations',
			text: `${s.citedHeading}\n${s.citations.join('\n')}`,
			size: 10,
			colour: INK_SOFT,
			lang: s.lang
		});
	}
	return {
		kicker: s.atlasTitle,
		title: s.title,
		side,
		footer: `${s.atlasTitle} · ${s.notOfficial} · ${s.date}`,
		notes: `${s.slideLink}\n${s.shareUrl}\n\n${s.citations.join('\n')}`
	};
}
