/**
 * Bytes of a user's file → text, with the encoding it was read in. Chinese Excel writes CSV in GB18030 (GBK); everything
 * else is UTF-8. A strict UTF-8 read that fails means GB18030 (which decodes any byte sequence). Pure, no DOM.
 */

/** The largest file a tab is asked to hold: parsed rows take several times the file's size in memory. */
export const MAX_BYTES = 64 * 1024 * 1024;

export type TextEncoding = 'utf-8' | 'gb18030';

/** A file or option the atlas cannot use: the message in English (also the Error's message) and in Chinese. */
export class UserDataError extends Error {
	constructor(
		message: string,
		readonly zh: string
	) {
		super(message);
		this.name = 'UserDataError';
	}
}

/** Refuses a file past MAX_BYTES before it is read, naming the limit. */
export function checkSize(bytes: number, limit = MAX_BYTES): void {
	if (bytes > limit) {
		const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
		throw new UserDataError(
			`the file is ${mb(bytes)}; the limit is ${mb(limit)} (a larger file would exhaust the tab's memory)`,
			`文件大小 ${mb(bytes)}，超过上限 ${mb(limit)}（更大的文件会耗尽浏览器标签页的内存）`
		);
	}
}

/** Decodes bytes as UTF-8 (a byte-order mark dropped) or, when they are not valid UTF-8, as GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { text, encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	}
}
