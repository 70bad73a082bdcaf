/**
 * Parses a user's file in a Web Worker (./parse.worker.ts), so the page stays responsive: progress as it goes, and
 * an AbortSignal that cancels by terminating the worker. Given the load options and the data folder, the worker also
 * makes a table of points into its layer (./worker-layer.ts).
 */
import type { TextEncoding } from './decode';
import { UserDataError } from './decode';
import type { RawTable } from './parse-table';
import { browserFileLimit } from './limits';
import type { LoadOptions, PointLayer } from './user-layer';
import { rowsView, type PackedRows } from './packed-rows';

export type ParseStage = 'reading' | 'decoding' | 'parsing' | 'placing';
export interface WorkerRequest {
	file: Blob;
	sheet?: string;
	limit?: number;
	/** With `dataRoot` (absolute URL of the data folder): make a table of points into its layer. */
	options?: LoadOptions;
	dataRoot?: string;
}
export type WorkerReply =
	| { type: 'progress'; stage: ParseStage; share: number }
	| {
			type: 'done';
			table: RawTable;
			encoding: TextEncoding;
			layer?: PointLayer;
			packed?: PackedRows;
			/** ms per step in the worker (read, decode, parse, counties, place, pack). */
			timings?: Record<string, number>;
	  }
	| { type: 'error'; message: string; zh: string };

/** What the worker read: the table and, for points placed there, their layer — `packed` when its rows crossed packed
 * (then `table` holds no rows: they are the layer's, read through ./packed-rows.ts). */
export interface Parsed {
	table: RawTable;
	encoding: TextEncoding;
	layer?: PointLayer;
	packed: boolean;
}

export class ParseCancelled extends UserDataError {
	constructor() {
		super('reading the file was cancelled', '已取消读取文件');
		this.name = 'ParseCancelled';
	}
}

export function parseInWorker(
	file: Blob,
	onProgress?: (stage: ParseStage, share: number) => void,
	signal?: AbortSignal,
	/** A workbook's sheet to read (the first by default). */
	sheet?: string,
	/** The layer's options and the data folder, to have a table of points made into its layer in the worker. */
	points?: { options: LoadOptions; dataRoot: string }
): Promise<Parsed> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new ParseCancelled());
		const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
		const stop = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			stop();
			reject(new ParseCancelled());
		};
		signal?.addEventListener('abort', cancel);
		worker.onmessage = (e: MessageEvent<WorkerReply>) => {
			const m = e.data;
			if (m.type === 'progress') onProgress?.(m.stage, m.share);
			else {
				stop();
				if (m.type === 'done') {
					// the worker's steps, for the benchmark's profile (scripts/bench/profile-user-points.ts)
					for (const [k, ms] of Object.entries(m.timings ?? {}))
						globalThis.performance?.mark?.(`user-data:worker-${k}`, { detail: ms });
					const layer = m.layer && m.packed ? { ...m.layer, rows: rowsView(m.packed) } : m.layer;
					resolve({ table: m.table, encoding: m.encoding, layer, packed: !!m.packed });
				} else reject(new UserDataError(m.message, m.zh));
			}
		};
		worker.onerror = (e) => {
			stop();
			reject(new UserDataError(`the file reader failed: ${e.message}`, `文件读取程序出错：${e.message}`));
		};
		// the limit follows this device's memory (./limits.ts)
		const request: WorkerRequest = { file, sheet, limit: browserFileLimit(), ...points };
		worker.postMessage(request);
	});
}
