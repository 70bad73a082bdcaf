/**
 * Checks the hand-written indicator tables (data/indicators/*.json) against their seeds: the schema, that each quote
 * is on its cited line exactly as written, that every value (and, in a table row, the indicator's name and its
 * 约束性/预期性) is a cell of that quote, that ids are unique and that each table's place exists.
 */
import { IndicatorTableSchema, type IndicatorTable } from '../../src/lib/indicators/indicator-schema.ts';
import { formatIssues } from '../../src/lib/data/zod.ts';

/** The lines of a seed (index 0 is line 1). */
export type SeedLines = (seed: string) => string[];

const BINDING_ZH = { binding: '约束性', expected: '预期性' } as const;

/** The cells of a table row's quote (tab-separated in the extraction), or null for a prose quote. */
export function cellsOf(quote: string): string[] | null {
	return quote.includes('\t') ? quote.split('\t').map((c) => c.trim()) : null;
}

/** Null when `raw` is in the quote: a whole cell of a table row, or a substring of prose. */
export function valueProblem(raw: string, quote: string): string | null {
	const cells = cellsOf(quote);
	const ok = cells ? cells.includes(raw.trim()) : squeeze(quote).includes(squeeze(raw));
	return ok ? null : `value "${raw}" is not ${cells ? 'a cell' : 'text'} of its quote "${quote.replace(/\t/g, ' | ')}"`;
}

const PAGE_FOOTER = /^\s*[—–-]\s*\d+\s*[—–-]\s*$/;
/** Lines after the cited one a prose quote may run into (004 breaks every line and puts a blank line between). */
const LINES_AFTER = 8;
const squeeze = (t: string) => t.replace(/\s+/g, '');

/** Null when `quote` is on line `line` of the seed exactly as written, or (prose broken over lines) starts on that
 * line and runs on across the hard line breaks, blank lines and page footers that follow, white space ignored. */
export function quoteProblem(lines: string[], seed: string, line: number, quote: string): string | null {
	if (line < 1 || line > lines.length) return `line ${line} is outside ${seed} (${lines.length} lines)`;
	if (lines[line - 1].includes(quote)) return null;
	const window = squeeze(
		lines
			.slice(line - 1, line + LINES_AFTER)
			.filter((l) => !PAGE_FOOTER.test(l))
			.join('')
	);
	const start = window.indexOf(squeeze(quote));
	if (start >= 0 && start < squeeze(lines[line - 1]).length) return null;
	const at = lines.findIndex((l) => l.includes(quote));
	return at >= 0
		? `quote is on line ${at + 1} of ${seed}, not ${line}`
		: `quote does not start on line ${line} of ${seed}: "${quote}"`;
}

export function checkIndicatorTables(
	files: { name: string; data: unknown }[],
	seedLines: SeedLines,
	places: Set<string>
): { tables: IndicatorTable[]; problems: string[] } {
	const problems: string[] = [];
	const tables: IndicatorTable[] = [];
	const ids = new Set<string>();
	for (const { name, data } of files) {
		const parsed = IndicatorTableSchema.safeParse(data);
		if (!parsed.success) {
			problems.push(`${name}: ${formatIssues(parsed.error.issues)}`);
			continue;
		}
		const table = parsed.data;
		const say = (p: string) => problems.push(`${name}: ${p}`);
		// <seed>.json, or <seed>.<part>.json when one seed holds several tables (004's five regions)
		const file = name.split('/').pop() ?? '';
		const stem = table.seed.replace(/\.txt$/, '');
		if (file !== `${stem}.json` && !(file.startsWith(`${stem}.`) && file.endsWith('.json')))
			say(`file name does not match seed ${table.seed}`);
		let lines: string[];
		try {
			lines = seedLines(table.seed);
		} catch {
			say(`seed ${table.seed} not found`);
			continue;
		}
		if (!places.has(table.placeId)) say(`place "${table.placeId}" is not a county, prefecture or plan area`);
		const heading = lines[table.tableLine - 1] ?? '';
		if (!heading.replace(/\s+/g, '').includes(table.table_zh.replace(/\s+/g, '')))
			say(`table heading "${table.table_zh}" is not on line ${table.tableLine}`);
		for (const row of table.rows) {
			const at = (p: string) => say(`${row.id}: ${p}`);
			if (ids.has(row.id)) at('duplicate id');
			ids.add(row.id);
			const q = quoteProblem(lines, table.seed, row.line, row.quote);
			if (q) at(q);
			for (const v of [row.baseline, row.milestone, row.target]) {
				const p = v && valueProblem(v.raw, row.quote);
				if (p) at(p);
			}
			if (row.later) {
				const lq = quoteProblem(lines, table.seed, row.later.line, row.later.quote);
				if (lq) at(`later: ${lq}`);
				const lp = valueProblem(row.later.raw, row.later.quote);
				if (lp) at(`later: ${lp}`);
			}
			const cells = cellsOf(row.quote);
			if (cells) {
				if (!cells.includes(row.indicator_zh)) at(`indicator "${row.indicator_zh}" is not a cell of its quote`);
				if (row.binding && !cells.includes(BINDING_ZH[row.binding]))
					at(`${BINDING_ZH[row.binding]} is not in its quote`);
			}
			for (const v of [row.baseline, row.target])
				if (v?.period && !v.raw.includes(v.period)) at(`period ${v.period} is not written in "${v.raw}"`);
		}
		tables.push(table);
	}
	return { tables, problems };
}
