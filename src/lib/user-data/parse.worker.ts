/**
 * Reads a user's file off the page's thread: size check, decoding (UTF-8 or GB18030) and parsing, with progress.
 * The page cancels by terminating the worker. Messages: see ./parse-client.ts.
 */
import { checkSize, decodeText, UserDataError } from './decode';
import { parseTable } from './parse-table';
import type { WorkerReply } from './parse-client';
import { isWorkbook, parseWorkbook } from './xlsx';

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<{ file: Blob; sheet?: string; limit?: number }>) => {
	try {
		const { file, sheet, limit } = e.data;
		checkSize(file.size, limit);
		post({ type: 'progress', stage: 'reading', share: 0 });
		const bytes = new Uint8Array(await file.arrayBuffer());
		if (isWorkbook(bytes)) {
			post({ type: 'progress', stage: 'parsing', share: 0 });
			const table = parseWorkbook(bytes, sheet, (share) => post({ type: 'progress', stage: 'parsing', share }));
			return post({ type: 'done', table, encoding: 'utf-8' });
		}
		post({ type: 'progress', stage: 'decoding', share: 0 });
		const { text, encoding } = decodeText(bytes);
		post({ type: 'progress', stage: 'parsing', share: 0 });
		const table = parseTable(text, (share) => post({ type: 'progress', stage: 'parsing', share }));
		post({ type: 'done', table, encoding });
	} catch (err) {
		const en = err instanceof Error ? err.message : String(err);
		post({ type: 'error', message: en, zh: err instanceof UserDataError ? err.zh : `无法读取文件：${en}` });
	}
};
