/**
 * Checks that a citation's quote appears verbatim in its seed near the cited line.
 * The seeds are text extractions: hard line breaks fall mid-sentence and 004 has page footers such as `—12—`,
 * so a quote is matched against the cited line joined with its neighbours, with footers, white space and Markdown
 * emphasis markers (`**`, present in the extractions' headings) removed from both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lines before the cited line that may still hold the quote's start (a citation one line off is tolerated). */
const LINES_BEFORE = 2;
/** Lines after the cited line a quote may run into. */
const LINES_AFTER = 6;
const PAGE_FOOTER = /^\s*[—–-]\s*\d+\s*[—–-]\s*$/;

export function normaliseForQuote(text: string): string {
	return text.replace(/\s+|\*\*/g, '');
}

export class SeedIndex {
	private lines = new Map<string, string[]>();
	constructor(private dir = 'seeds') {}

	linesOf(seed: string): string[] {
		let lines = this.lines.get(seed);
		if (!lines) {
			lines = readFileSync(join(this.dir, seed), 'utf8').split('\n');
			this.lines.set(seed, lines);
		}
		return lines;
	}

	/** The text a citation at `line` may quote from (normalised): the line with its neighbours, footers removed. */
	windowAt(seed: string, line: number): string {
		const lines = this.linesOf(seed);
		return normaliseForQuote(
			lines
				.slice(Math.max(0, line - 1 - LINES_BEFORE), line + LINES_AFTER)
				.filter((l) => !PAGE_FOOTER.test(l))
				.join('')
		);
	}

	/** Returns null when the quote is found, else a sentence saying what is wrong. */
	checkQuote(seed: string, line: number, quote: string): string | null {
		const lines = this.linesOf(seed);
		if (line < 1 || line > lines.length) return `line ${line} is outside ${seed} (${lines.length} lines)`;
		if (this.windowAt(seed, line).includes(normaliseForQuote(quote))) return null;
		const q = normaliseForQuote(quote);
		const joinedFrom = (i: number, n: number) =>
			normaliseForQuote(
				lines
					.slice(i, i + n)
					.filter((l) => !PAGE_FOOTER.test(l))
					.join('')
			);
		let anywhere = lines.findIndex((_, i) => joinedFrom(i, 1).includes(q));
		if (anywhere < 0) anywhere = lines.findIndex((_, i) => joinedFrom(i, 3).includes(q));
		return anywhere >= 0
			? `quote is in ${seed} at line ${anywhere + 1}, not near line ${line}: "${quote}"`
			: `quote is not in ${seed}: "${quote}"`;
	}
}
