/**
 * Text of a user's file → a table of string cells: CSV or TSV (papaparse guesses the delimiter) or GeoJSON (points; the
 * properties become columns). Cells stay strings, never HTML. Rows that cannot be used are collected with their row
 * number (the header is row 1, as a spreadsheet counts) and the reason; the good rows are kept. Pure, no DOM.
 */
import Papa from 'papaparse';
import { UserDataError } from './decode';
import type { BadCode } from './reasons';
import { checkGeoJsonCrs, mostlyShapes, parseShapes } from './shapes';

/** Longer cells are refused (a hostile file could hold megabytes in one cell, which every view would have to lay out). */
export const MAX_CELL_CHARS = 10_000;
/** More rows than this are refused: the tab would run out of memory drawing and joining them. */
export const MAX_ROWS = 1_000_000;

export interface BadRow {
	/** Row number as a spreadsheet shows it (the header is row 1); for GeoJSON, the feature's position from 1. */
	row: number;
	/** What is wrong (./reasons.ts words it in both languages). */
	code: BadCode;
	/** The offending value or count, as text (never more than a few dozen characters). */
	detail: string;
	cells: string[];
}

export interface RawTable {
	columns: string[];
	rows: string[][];
	/** Row number of each good row (as in BadRow.row). */
	rowNumbers: number[];
	bad: BadRow[];
	/** GeoJSON only: each good row's point, as the file gives it. */
	points?: [number, number][];
}

export const cellText = (v: unknown): string =>
	v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const tooLong = (cells: string[]) => cells.findIndex((c) => c.length > MAX_CELL_CHARS);

function uniqueColumns(header: string[]): string[] {
	const seen = new Map<string, number>();
	return header.map((h, i) => {
		const name = h.trim() || `column ${i + 1}`;
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		return n === 1 ? name : `${name} (${n})`;
	});
}

/** Characters parsed between two progress reports. */
const CHUNK_CHARS = 1 << 20;

/** Reads a CSV or TSV: the first non-empty line is the header. `onProgress` hears the share of the text read (0–1). */
export function parseDelimited(text: string, onProgress?: (share: number) => void): RawTable {
	const lines: string[][] = [];
	let tooMany = false;
	// papaparse reads a string in chunks too, though its types name `chunk` only for files and streams
	const config = {
		header: false,
		skipEmptyLines: false,
		dynamicTyping: false,
		// in chunks rather than row by row: a callback per row costs twice the parse at a million rows
		chunkSize: CHUNK_CHARS,
		chunk: (r: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
			for (const row of r.data) lines.push(row);
			// the header and a few blank lines on top of the limit
			if (lines.length > MAX_ROWS + 10) {
				tooMany = true;
				parser.abort();
			}
			onProgress?.(Math.min(1, r.meta.cursor / text.length));
		}
	};
	Papa.parse<string[]>(text, config as Papa.ParseConfig<string[]>);
	// Empty lines are skipped here rather than by papaparse, so row numbers stay those a spreadsheet shows.
	const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
	const first = lines.findIndex((cells) => !blank(cells));
	const header = lines[first];
	const body = lines.slice(first + 1);
	// blank lines at the end (the last line's newline) are no rows
	while (body.length && blank(body[body.length - 1])) body.pop();
	if (first < 0) throw new UserDataError('the file is empty: no header row', '文件是空的：没有表头行');
	if (tooMany || body.length > MAX_ROWS) {
		throw new UserDataError(`the file has more than ${MAX_ROWS} rows`, `文件超过 ${MAX_ROWS} 行的上限`);
	}
	const columns = uniqueColumns(header);
	const table: RawTable = { columns, rows: [], rowNumbers: [], bad: [] };
	body.forEach((cells, i) => {
		const row = first + i + 2;
		if (blank(cells)) return;
		// Trailing empty cells (a spreadsheet's stray commas) are harmless; a different count otherwise is not.
		while (cells.length > columns.length && cells[cells.length - 1] === '') cells.pop();
		const long = tooLong(cells);
		if (long >= 0) {
			table.bad.push({ row, code: 'too-long', detail: columns[long] ?? String(long + 1), cells: [] });
		} else if (cells.length !== columns.length) {
			table.bad.push({ row, code: 'cell-count', detail: `${cells.length}/${columns.length}`, cells });
		} else {
			table.rows.push(cells);
			table.rowNumbers.push(row);
		}
	});
	return table;
}

interface GeoJsonFeature {
	type?: unknown;
	geometry?: { type?: unknown; coordinates?: unknown } | null;
	properties?: Record<string, unknown> | null;
}

/** Reads a GeoJSON FeatureCollection (or one Feature) of points: each feature a row, its properties the columns. */
export function parseGeoJson(value: unknown): RawTable {
	const v = value as { type?: unknown; features?: unknown };
	checkGeoJsonCrs(v);
	const features: unknown[] =
		v?.type === 'FeatureCollection' && Array.isArray(v.features) ? v.features : v?.type === 'Feature' ? [v] : [];
	if (!features.length)
		throw new UserDataError(
			'the GeoJSON holds no features (expected a FeatureCollection of points)',
			'GeoJSON 中没有要素（应为点的 FeatureCollection）'
		);
	if (features.length > MAX_ROWS) {
		throw new UserDataError(
			`the file has ${features.length} features; the limit is ${MAX_ROWS}`,
			`文件有 ${features.length} 个要素，超过上限 ${MAX_ROWS} 个`
		);
	}
	const columns: string[] = [];
	const seen = new Set<string>();
	for (const f of features as GeoJsonFeature[]) {
		for (const key of Object.keys(f?.properties ?? {})) {
			if (seen.has(key)) continue;
			columns.push(key);
			seen.add(key);
		}
	}
	// Polygons or lines (a zone's outline, a road): a layer of shapes (./shapes.ts).
	if (mostlyShapes(features as GeoJsonFeature[])) return parseShapes(features as GeoJsonFeature[], columns);
	const table: RawTable = { columns, rows: [], rowNumbers: [], bad: [], points: [] };
	(features as GeoJsonFeature[]).forEach((f, i) => {
		const row = i + 1;
		const cells = columns.map((c) => cellText(f?.properties?.[c]));
		const g = f?.geometry;
		const c = g?.coordinates as unknown[] | undefined;
		const long = tooLong(cells);
		if (long >= 0) {
			table.bad.push({ row, code: 'too-long', detail: columns[long], cells: [] });
		} else if (g?.type !== 'Point' || !Array.isArray(c)) {
			const type = typeof g?.type === 'string' ? g.type : 'missing';
			table.bad.push({ row, code: 'geometry', detail: type.slice(0, 40), cells });
		} else if (!(Number.isFinite(c[0]) && Number.isFinite(c[1]))) {
			table.bad.push({ row, code: 'not-number', detail: JSON.stringify(c).slice(0, 40), cells });
		} else {
			table.rows.push(cells);
			table.rowNumbers.push(row);
			table.points!.push([c[0] as number, c[1] as number]);
		}
	});
	return table;
}

/** A file's text as a table: GeoJSON when it is JSON, CSV or TSV otherwise. */
export function parseTable(text: string, onProgress?: (share: number) => void): RawTable {
	const start = text.trimStart()[0];
	if (start === '{' || start === '[') {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			const why = (e as Error).message.slice(0, 200);
			throw new UserDataError(
				`the file looks like JSON but cannot be read: ${why}`,
				`文件像是 JSON，但无法读取：${why}`
			);
		}
		return parseGeoJson(value);
	}
	return parseDelimited(text, onProgress);
}
