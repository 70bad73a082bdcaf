/**
 * Loads the reader's documents (static/data/reader/, built by scripts/reader/reader.json.ts) once each, with a
 * message naming the file when one is missing or not what the reader expects.
 */
import { AtlasDataError, fetchJson } from '../data/errors';
import type { ReaderDocument } from './reader-build';

export type ReaderIndexEntry = Omit<ReaderDocument, 'blocks' | 'features' | 'notMapped'>;

const loads = new Map<string, Promise<unknown>>();

function load<T>(url: string, valid: (x: unknown) => boolean): Promise<T> {
	let p = loads.get(url) as Promise<T> | undefined;
	if (!p) {
		p = fetchJson<unknown>(url).then((raw) => {
			if (!valid(raw)) throw new AtlasDataError(`${url} is not a reader document`, url);
			return raw as T;
		});
		p.catch(() => loads.delete(url));
		loads.set(url, p);
	}
	return p;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** One document by its slug (the seed file name without `.txt`). */
export function loadReaderDocument(dataRoot: string, slug: string): Promise<ReaderDocument> {
	return load(
		`${dataRoot}/reader/${slug}.json`,
		(x) => isObject(x) && Array.isArray(x.blocks) && Array.isArray(x.notMapped) && isObject(x.summary)
	);
}

/** The documents with their titles and counts. */
export function loadReaderIndex(dataRoot: string): Promise<ReaderIndexEntry[]> {
	return load(`${dataRoot}/reader/index.json`, (x) => Array.isArray(x) && x.every((e) => isObject(e) && 'seed' in e));
}
