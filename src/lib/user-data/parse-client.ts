/**
 * Parses a user's file in a Web Worker (./parse.worker.ts), so the page stays responsive: progress as it goes, and
 * an AbortSignal that cancels by terminating the worker.
 */
import type { TextEncoding } from './decode';
import { UserDataError } from './decode';
import type { RawTable } from './parse-table';
import { browserFileLimit } from './limits';

export type ParseStage = 'reading' | 'decoding' | 'parsing';
export type WorkerReply =
	| { type: 'progress'; stage: ParseStage; share: number }
	| { type: 'done'; table: RawTable; encoding: TextEncoding }
	| { type: 'error'; message: string; zh: string };

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
	sheet?: string
): Promise<{ table: RawTable; encoding: TextEncoding }> {
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
				if (m.type === 'done') resolve({ table: m.table, encoding: m.encoding });
				else reject(new UserDataError(m.message, m.zh));
			}
		};
		worker.onerror = (e) => {
			stop();
			reject(new UserDataError(`the file reader failed: ${e.message}`, `文件读取程序出错：${e.message}`));
		};
		// the limit follows this device's memory (./limits.ts)
		worker.postMessage({ file, sheet, limit: browserFileLimit() });
	});
}
