/**
 * The bottom sheet on phones and small embeds: how tall it is, and how far the map must move so that the selected
 * feature stands in the part of the map the sheet leaves visible (the reader should see the thing the panel
 * describes). Pure, no DOM.
 */

/** Screens at most this wide show the details panel as a bottom sheet (the CSS breakpoint of SidePanel). */
export const SHEET_MAX_WIDTH = 640;
/** Half height: the share of the screen a half-open sheet takes. */
export const HALF_SHARE = 0.45;
/** Compact (small embeds): the sheet shows only a summary, at most this share of the frame. */
export const COMPACT_SHARE = 0.34;
/** Full height leaves this much of the map visible above the sheet (px). */
export const FULL_TOP_PX = 48;
/** A drag of at least this many px switches between half and full. */
export const DRAG_SWITCH_PX = 40;
/** A feature nearer than this to an edge of the visible part counts as hidden (px). */
export const REVEAL_MARGIN_PX = 32;

export type SheetSize = 'half' | 'full';

/** The sheet's height (px) for a size, in a viewport of `height`. */
export function sheetHeight(size: SheetSize, height: number, compact = false): number {
	if (size === 'full') return Math.max(0, height - FULL_TOP_PX);
	return Math.round(height * (compact ? COMPACT_SHARE : HALF_SHARE));
}

/** The size after a drag of `dy` px (negative: up) from `size`. */
export function sizeAfterDrag(size: SheetSize, dy: number): SheetSize {
	if (dy <= -DRAG_SWITCH_PX) return 'full';
	if (dy >= DRAG_SWITCH_PX) return 'half';
	return size;
}

export interface VisibleArea {
	width: number;
	height: number;
	/** Map covered at the top (title, search), at the bottom (the sheet) and on the left (cards), px. */
	top: number;
	bottom: number;
	left?: number;
}

/** The page's cards at the top left, as an inset: wide ones (phones) cover the top, narrow ones the left side. */
export function cardsInset(card: { width: number; height: number }, map: { width: number; height: number }) {
	if (!card.width || !card.height) return { top: 0, left: 0 };
	return card.width > map.width / 2
		? { top: Math.min(card.height, map.height / 3), left: 0 }
		: { top: 0, left: Math.min(card.width, map.width / 2) };
}

/**
 * How far to pan the map (px, as MapLibre's `panBy` takes it) so that screen point `p` stands in the middle of the
 * visible band between the top chrome and the sheet — or null when it already stands well inside it.
 */
export function revealPan(p: { x: number; y: number }, v: VisibleArea): [number, number] | null {
	const [y0, y1] = [v.top + REVEAL_MARGIN_PX, v.height - v.bottom - REVEAL_MARGIN_PX];
	const left = v.left ?? 0;
	const [x0, x1] = [left + REVEAL_MARGIN_PX, v.width - REVEAL_MARGIN_PX];
	if (p.y >= y0 && p.y <= y1 && p.x >= x0 && p.x <= x1) return null;
	// A band too thin to hold the margin: aim for its middle all the same.
	const targetY = (v.top + v.height - v.bottom) / 2;
	const targetX = p.x >= x0 && p.x <= x1 ? p.x : (left + v.width) / 2;
	return [p.x - targetX, p.y - targetY];
}
