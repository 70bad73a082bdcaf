/**
 * A large table's cells sent from the file's worker to the page as one string per column and the end offset of each
 * cell (a Uint32Array, transferred): cloning a few long strings costs a copy, cloning a million small arrays of
 * strings holds the page for seconds. The page reads it through `rowsView`, a read-only array whose rows are made
 * when asked for (the row under the pointer, the join, the export), so the rest of the code sees `string[][]`. Pure.
 */

/** Tables of more rows than this cross packed (smaller ones cross as rows, as before). */
export const PACK_ROWS_OVER = 20_000;

export interface PackedColumn {
	/** The column's cells, joined without separator. */
	text: string;
	/** Where each cell ends in `text`. */
	ends: Uint32Array;
}
export interface PackedRows {
	length: number;
	columns: PackedColumn[];
}

/** Packs rows of `width` cells. */
export function packRows(rows: string[][], width: number): PackedRows {
	const columns: PackedColumn[] = [];
	for (let c = 0; c < width; c++) {
		const ends = new Uint32Array(rows.length);
		const parts = new Array<string>(rows.length);
		let at = 0;
		for (let i = 0; i < rows.length; i++) {
			const cell = rows[i][c] ?? '';
			parts[i] = cell;
			at += cell.length;
			ends[i] = at;
		}
		columns.push({ text: parts.join(''), ends });
	}
	return { length: rows.length, columns };
}

/** The buffers to transfer with a packed table. */
export const packedBuffers = (p: PackedRows): ArrayBuffer[] => p.columns.map((c) => c.ends.buffer as ArrayBuffer);

/** One cell. */
export function cellOf(p: PackedRows, row: number, column: number): string {
	const { text, ends } = p.columns[column];
	return text.slice(row ? ends[row - 1] : 0, ends[row]);
}

/** One row's cells. */
export function rowOf(p: PackedRows, row: number): string[] {
	return p.columns.map((_, c) => cellOf(p, row, c));
}

const INDEX = /^(0|[1-9]\d*)$/;

/** The packed rows as a read-only array of rows (each made when read). */
export function rowsView(p: PackedRows): string[][] {
	const at = (key: string | symbol) => (typeof key === 'string' && INDEX.test(key) ? Number(key) : -1);
	return new Proxy(new Array<string[]>(p.length), {
		get(target, key, receiver) {
			const i = at(key);
			if (i >= 0) return i < p.length ? rowOf(p, i) : undefined;
			return Reflect.get(target, key, receiver);
		},
		has(target, key) {
			const i = at(key);
			return i >= 0 ? i < p.length : Reflect.has(target, key);
		},
		set: () => false,
		deleteProperty: () => false
	});
}
