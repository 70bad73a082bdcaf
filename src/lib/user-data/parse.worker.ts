/**
 * Reads a user's file off the page's thread: size check, decoding (UTF-8 or GB18030) and parsing, with progress; a
 * table of points is also made into its layer here (./worker-layer.ts), its positions sent as a transferable buffer.
 * SheetJS loads only for a workbook. The page cancels by terminating the worker. Messages: see ./parse-client.ts.
 */
import { checkSize, decodeText, UserDataError } from './decode';
import { parseTable, type RawTable } from './parse-table';
import type { WorkerReply, WorkerRequest } from './parse-client';
import type { LoadOptions } from './user-layer';
import { packedBuffers, packRows, PACK_ROWS_OVER } from './packed-rows';

/** ms the worker spent per step, sent with the table (the page marks them for the benchmark's profile). */
let timings: Record<string, number> = {};
let last = 0;
const step = (name: string) => {
	const now = performance.now();
	timings[name] = Math.round(now - last);
	last = now;
};

const post = (m: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

/** A zip (XLSX) or compound file (XLS) begins so, as ./xlsx.ts checks in full. */
const looksWorkbook = (b: Uint8Array) => (b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf);

/** Starts loading the placing code and the counties at once, while the file is read and parsed: only a table of
 * points needs them, and then only after its parse (a failure is reported only if they are needed). */
function startPlacing(dataRoot: string) {
	const code = import('./worker-layer');
	const counties = code.then((m) => m.fetchCounties(dataRoot));
	counties.catch(() => undefined);
	return { code, counties };
}

async function layerOf(table: RawTable, options: LoadOptions, placing: ReturnType<typeof startPlacing>) {
	const { isPointTable, pointLayerOf } = await placing.code;
	if (!isPointTable(table, options)) return undefined;
	post({ type: 'progress', stage: 'placing', share: 0 });
	const counties = await placing.counties;
	step('counties');
	return pointLayerOf(table, counties, options);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	try {
		const { file, sheet, limit, options, dataRoot } = e.data;
		[timings, last] = [{}, performance.now()];
		checkSize(file.size, limit);
		const placing = options && dataRoot !== undefined ? startPlacing(dataRoot) : null;
		post({ type: 'progress', stage: 'reading', share: 0 });
		const bytes = new Uint8Array(await file.arrayBuffer());
		step('read');
		let table: RawTable;
		let encoding: 'utf-8' | 'gb18030' = 'utf-8';
		const xlsx = looksWorkbook(bytes) ? await import('./xlsx') : null;
		if (xlsx?.isWorkbook(bytes)) {
			post({ type: 'progress', stage: 'parsing', share: 0 });
			table = xlsx.parseWorkbook(bytes, sheet, (share) => post({ type: 'progress', stage: 'parsing', share }));
		} else {
			post({ type: 'progress', stage: 'decoding', share: 0 });
			const decoded = decodeText(bytes);
			encoding = decoded.encoding;
			step('decode');
			post({ type: 'progress', stage: 'parsing', share: 0 });
			table = parseTable(decoded.text, (share) => post({ type: 'progress', stage: 'parsing', share }));
		}
		step('parse');
		const layer = placing && options ? await layerOf(table, options, placing) : undefined;
		step('place');
		if (!layer || layer.rows.length <= PACK_ROWS_OVER) {
			return post({ type: 'done', table, encoding, layer, timings }, layer ? [layer.positions.buffer] : []);
		}
		// A large table of points crosses packed (./packed-rows.ts); the page keeps its file, not these rows.
		const packed = packRows(layer.rows, layer.columns.length);
		step('pack');
		const stub = { ...table, rows: [], rowNumbers: [], bad: [], points: undefined };
		post({ type: 'done', table: stub, encoding, layer: { ...layer, rows: [] }, packed, timings }, [
			layer.positions.buffer,
			...packedBuffers(packed)
		]);
	} catch (err) {
		const en = err instanceof Error ? err.message : String(err);
		post({ type: 'error', message: en, zh: err instanceof UserDataError ? err.zh : `无法读取文件：${en}` });
	}
};
