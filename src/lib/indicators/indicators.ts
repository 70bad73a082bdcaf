/**
 * Pure helpers over the indicator tables: the number in a cell when it is unambiguous, the rows of a place or of a
 * stretch of a seed's lines, the direction a row moves, and the rows to set side by side (previous period against
 * this one). Tested in indicators.test.ts.
 */
import type { IndicatorFile, IndicatorRow, IndicatorTable, IndicatorValue } from './indicator-schema';

/** A cell read as a number, only when it holds exactly one figure (`89.01`, `1%`, `2200 万千瓦以上`, `15%左右`);
 * `/`, `——`, `〔15〕` or `[15]` (cumulative), `(30)`, `81.31% (72.38)` and words give null. */
export function parseValue(raw: string): { value: number; approx: boolean; atLeast: boolean } | null {
	const m = /^(\d+(?:\.\d+)?)\s*(?:%|万千瓦|万吨|亿元)?\s*(左右|以上)?$/.exec(raw.trim());
	if (!m) return null;
	return { value: Number(m[1]), approx: m[2] === '左右', atLeast: m[2] === '以上' };
}

/** A cell's number or null (see parseValue). */
export function numberOf(v: IndicatorValue | undefined): number | null {
	return v ? (parseValue(v.raw)?.value ?? null) : null;
}

/** Whether a cell says nothing (the table's `/` or `——`). */
export function isBlank(v: IndicatorValue | undefined): boolean {
	return !v || /^(\/|—+|-+)$/.test(v.raw.trim());
}

export type Direction = 'up' | 'down' | 'same' | null;

/** Which way a row's figure moves from baseline to target (null when either is not a single number). */
export function direction(row: IndicatorRow): Direction {
	const a = numberOf(row.baseline);
	const b = numberOf(row.target);
	if (a === null || b === null) return null;
	return b > a ? 'up' : b < a ? 'down' : 'same';
}

/** A row with the table it belongs to (for its seed and title). */
export interface PlacedRow extends IndicatorRow {
	seed: string;
	placeId: string;
	draft: boolean;
	table_zh: string;
	table_en: string;
}

function placed(table: IndicatorTable, row: IndicatorRow): PlacedRow {
	const { seed, placeId, draft, table_zh, table_en } = table;
	return { ...row, seed, placeId, draft, table_zh, table_en };
}

/** Every table that belongs to a place, in file order. */
export function tablesFor(file: IndicatorFile, placeId: string): IndicatorTable[] {
	return file.tables.filter((t) => t.placeId === placeId);
}

/** The rows of a place (prefecture-513300 …), across its tables. */
export function indicatorsFor(file: IndicatorFile, placeId: string): PlacedRow[] {
	return tablesFor(file, placeId).flatMap((t) => t.rows.map((r) => placed(t, r)));
}

/** The rows whose cited line (or later target's line) falls in [from, to] of a seed: for the reader, beside the
 * table at those lines. */
export function indicatorsForLines(file: IndicatorFile, seed: string, from: number, to: number): PlacedRow[] {
	const inRange = (n: number) => n >= from && n <= to;
	return file.tables
		.filter((t) => t.seed === seed)
		.flatMap((t) =>
			t.rows.filter((r) => inRange(r.line) || (r.later && inRange(r.later.line))).map((r) => placed(t, r))
		);
}

/** Rows where the table states what the previous plan period (十三五) achieved and what this one (十四五) targets. */
export function periodPairs<R extends IndicatorRow>(rows: R[]): R[] {
	return rows.filter((r) => r.baseline?.period === '十三五' && r.target.period === '十四五');
}

/** The two figures a row's small chart joins: baseline → target, or, with no numeric baseline, target → later target
 * (2025 → 2030). Null when neither pair is two single figures. */
export function chartPair(
	row: IndicatorRow
): { from: { year: number; value: number }; to: { year: number; value: number } } | null {
	const pairs: [IndicatorValue | undefined, IndicatorValue | undefined][] = [
		[row.baseline, row.target],
		[row.target, row.later]
	];
	for (const [a, b] of pairs) {
		const x = numberOf(a);
		const y = numberOf(b);
		if (a && b && x !== null && y !== null && (x > 0 || y > 0))
			return { from: { year: a.year, value: x }, to: { year: b.year, value: y } };
	}
	return null;
}

/** English names of the units the tables use (the Chinese unit is shown as written). */
const UNIT_EN: Record<string, string> = {
	亿元: '100 million CNY',
	'%': '%',
	家: 'count',
	户: 'count',
	个: 'count',
	件: 'count',
	亩: 'mu',
	万千瓦: '10 MW',
	万吨: '10 kt',
	'吨标准煤/万元': 't standard coal per 10,000 CNY'
};

/** The unit to show beside an indicator's name: none when the Chinese name already writes it (工业增加值(亿元)). */
export function unitLabel(row: IndicatorRow, lang: 'zh' | 'en'): string | null {
	if (!row.unit) return null;
	if (lang === 'en') return UNIT_EN[row.unit] ?? row.unit;
	return row.indicator_zh.includes(`(${row.unit})`) || row.indicator_zh.includes(`（${row.unit}）`) ? null : row.unit;
}
