/**
 * A virtualised list of fixed-height rows for Svelte 5, on TanStack's framework-free virtualiser: only the rows in
 * (and just around) the scroll box are in the DOM, so a table of a thousand rows — or a user's hundred thousand —
 * scrolls like a short one.
 */
import {
	Virtualizer,
	elementScroll,
	observeElementOffset,
	observeElementRect,
	type VirtualItem
} from '@tanstack/virtual-core';

export class VirtualRows {
	/** The rows to render now, each with its index and offset from the top. */
	items = $state.raw<VirtualItem[]>([]);
	/** Height of all rows (and the space above them), px. */
	totalSize = $state(0);
	private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;

	constructor(
		scroller: () => HTMLElement | null,
		{ rowHeight, paddingStart = 0, overscan = 12 }: { rowHeight: number; paddingStart?: number; overscan?: number }
	) {
		this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
			count: 0,
			getScrollElement: scroller,
			estimateSize: () => rowHeight,
			paddingStart,
			// a sticky header covers the first rows' space: keep a row scrolled to below it
			scrollPaddingStart: paddingStart,
			overscan,
			scrollToFn: elementScroll,
			observeElementRect,
			observeElementOffset,
			onChange: (v) => this.refresh(v)
		});
	}

	private refresh(v = this.virtualizer): void {
		this.items = v.getVirtualItems();
		this.totalSize = v.getTotalSize();
	}

	/** Starts following the scroll box; returns the clean-up. */
	mount(): () => void {
		const cleanup = this.virtualizer._didMount();
		this.virtualizer._willUpdate();
		this.refresh();
		return cleanup;
	}

	/** Sets how many rows there are. */
	setCount(count: number): void {
		this.virtualizer.setOptions({ ...this.virtualizer.options, count });
		this.virtualizer._willUpdate();
		this.refresh();
	}

	/** Scrolls the least needed for a row to be in view. */
	scrollToIndex(index: number): void {
		this.virtualizer.scrollToIndex(index, { align: 'auto' });
	}

	/** How many rows fit in the box (for Page Up / Page Down). */
	pageSize(rowHeight: number): number {
		const h = this.virtualizer.scrollRect?.height ?? 0;
		return Math.max(1, Math.floor(h / rowHeight) - 2);
	}
}
