/**
 * Links between the reader and the map: a citation's place in the reader (`/read/<seed>/#L<line>`), and the map with
 * a passage's features selected (the atlas's share-link format, src/lib/atlas/share/share-url.ts). Pure; tested in
 * links.test.ts.
 */
import type { Lang } from '$lib/atlas/state';
import { MAX_COMPARE } from '$lib/atlas/state';
import { LINK_VERSION } from '$lib/atlas/share/share-url';

/** A seed file name as the reader's route segment: `000_c35a7d169af5c8ce.txt` → `000_c35a7d169af5c8ce`. */
export function seedSlug(seed: string): string {
	return seed.replace(/\.txt$/, '');
}

/** The reader at a line of a seed: `<base>/read/<slug>/#L<line>` (and `&lang=en` in English). */
export function readerHref(base: string, seed: string, line?: number | null, lang: Lang = 'zh'): string {
	const hash = [line ? `L${line}` : '', lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
	return `${base}/read/${seedSlug(seed)}/${hash ? `#${hash}` : ''}`;
}

/**
 * The map with features selected: the first is selected (its panel opens and the map frames it); with several, up
 * to MAX_COMPARE are pinned side by side too.
 */
export function mapHref(base: string, ids: string[], lang: Lang = 'zh'): string {
	const parts = [`v=${LINK_VERSION}`];
	if (ids.length) parts.push(`sel=${encodeURIComponent(ids[0])}`);
	if (ids.length > 1) parts.push(`compare=${ids.slice(0, MAX_COMPARE).map(encodeURIComponent).join(',')}`);
	if (lang === 'en') parts.push('lang=en');
	return `${base}/#${parts.join('&')}`;
}

/** The interface language a reader link asks for (`lang=en` in the hash), Chinese otherwise. */
export function langFromHash(hash: string): Lang {
	return /(?:^#?|&)lang=en(?:&|$)/.test(hash) ? 'en' : 'zh';
}

/**
 * Checks what `atlas.reader.open(seed, line)` is given: a seed file of seeds/ (with or without `.txt`) and, if any, a
 * line within it. Returns the seed file, or throws a message that names the problem.
 */
export function checkReaderTarget(seeds: readonly string[], seed: unknown, line: unknown): string {
	const file = seeds.find((s) => s === seed || seedSlug(s) === seed);
	if (!file) throw new Error(`unknown document ${JSON.stringify(seed)}; expected one of ${seeds.join(', ')}`);
	if (line !== undefined && line !== null && !(Number.isInteger(line) && (line as number) >= 1))
		throw new Error(`line must be a whole number from 1; got ${JSON.stringify(line)}`);
	return file;
}
