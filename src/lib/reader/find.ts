/**
 * Search within a document: where a phrase occurs in each block's text (pure, tested in find.test.ts), and the DOM
 * ranges that the page highlights with the CSS Custom Highlight API (no change to the text's markup).
 */

/** Start offsets of every occurrence of a query in a text, case-insensitive, not overlapping. */
export function occurrences(text: string, query: string): number[] {
	const q = query.trim().toLowerCase();
	if (!q) return [];
	const t = text.toLowerCase();
	const out: number[] = [];
	for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + q.length)) out.push(at);
	return out;
}

/** The ranges of a query's occurrences in an element's text, across the text nodes of its marks and bold runs. */
export function rangesIn(el: Element, query: string): Range[] {
	const nodes: Text[] = [];
	const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
		// the not-mapped reason tags are the interface's words, not the plan's
		acceptNode: (n) => (n.parentElement?.closest('.nm-tag') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)
	});
	for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
	const starts: number[] = [];
	let text = '';
	for (const n of nodes) {
		starts.push(text.length);
		text += n.data;
	}
	const len = query.trim().length;
	const at = (offset: number, end: boolean): [Text, number] => {
		let k = nodes.length - 1;
		while (k > 0 && (end ? starts[k] >= offset : starts[k] > offset)) k--;
		return [nodes[k], offset - starts[k]];
	};
	return occurrences(text, query).map((o) => {
		const r = document.createRange();
		r.setStart(...at(o, false));
		r.setEnd(...at(o + len, true));
		return r;
	});
}
