/**
 * Which county or prefecture a cell names, in any common form: the full name (理塘县), the short one (理塘), the label
 * (阿坝州), the English name or label (Litang County, Litang), or the GB/T 2260 code (513334, also written as 12 digits).
 * Matched against the base geography the atlas draws (static/data/base.topo.json). Pure, no DOM.
 */

export type Level = 'county' | 'prefecture';

export interface Place {
	code: string;
	name_zh: string;
	name_en: string;
	label_zh?: string;
	label_en?: string;
	prefecture_code?: string;
}

/** Suffixes that a short Chinese name leaves off: type of division, and the peoples of autonomous ones. */
const ZH_SUFFIX = /(?:(?:(?:藏|羌|彝|回|苗|土家|傈僳|蒙古|纳西)族)+自治[县州]|自治[县州]|地区|县|市|区|州)$/;
const EN_SUFFIX = /(?:autonomousprefecture|autonomouscounty|prefecture|county|city|district)$/;

/** A Chinese name without its type (理塘县 → 理塘); undefined when that leaves a single character (理县 stays whole). */
export function shortZh(name: string): string | undefined {
	const short = name.replace(ZH_SUFFIX, '');
	return short.length >= 2 && short !== name ? short : undefined;
}

const normEn = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function keysOf(p: Place): string[] {
	const zh = [p.name_zh, p.label_zh].filter((s): s is string => !!s);
	const en = [p.name_en, p.label_en].filter((s): s is string => !!s).map(normEn);
	return [
		p.code,
		...zh,
		...zh.map(shortZh).filter((s): s is string => !!s),
		...en,
		...en.map((e) => e.replace(EN_SUFFIX, '')).filter((e) => e.length >= 2)
	];
}

/** How a cell is turned into a key: trimmed, spaces gone; a 12-digit code ending in zeros becomes its 6 digits. */
function cellKey(cell: string): string[] {
	const t = cell.trim().replace(/\s+/g, '');
	if (/^\d{12}$/.test(t) && t.endsWith('000000')) return [t.slice(0, 6)];
	return /[a-z]/i.test(t) ? [normEn(t)] : [t];
}

export interface RegionMatcher {
	/** The place a cell names, 'ambiguous' when it could be two, null when none. */
	match(cell: string, level: Level): Place | 'ambiguous' | null;
}

export function regionMatcher(counties: Place[], prefectures: Place[]): RegionMatcher {
	const build = (places: Place[]) => {
		const map = new Map<string, Place | 'ambiguous'>();
		for (const p of places) {
			for (const k of new Set(keysOf(p))) {
				const had = map.get(k);
				map.set(k, had && had !== p ? 'ambiguous' : p);
			}
		}
		return map;
	};
	const maps = { county: build(counties), prefecture: build(prefectures) };
	const lists = { county: counties, prefecture: prefectures };
	return {
		match(cell, level) {
			const [key] = cellKey(cell);
			if (!key) return null;
			const hit = maps[level].get(key);
			if (hit) return hit;
			// "甘孜州理塘县": a place's full name at the end of a longer cell (prefixed by its prefecture).
			const ends = lists[level].filter(
				(p) => p.name_zh.length >= 2 && key.length > p.name_zh.length && key.endsWith(p.name_zh)
			);
			return ends.length === 1 ? ends[0] : ends.length > 1 ? 'ambiguous' : null;
		}
	};
}

/** The column of a table that best names counties (or, failing that, prefectures), with the share of cells matched. */
export function detectRegionColumn(
	columns: string[],
	rows: string[][],
	matcher: RegionMatcher,
	sample = 500
): { column: number; level: Level; share: number } | null {
	const some = rows.slice(0, sample);
	if (!some.length) return null;
	let best: { column: number; level: Level; share: number } | null = null;
	for (const level of ['county', 'prefecture'] as const) {
		columns.forEach((_, column) => {
			const hits = some.filter((r) => {
				const m = matcher.match(r[column] ?? '', level);
				return m && m !== 'ambiguous';
			}).length;
			const share = hits / some.length;
			if (share >= 0.5 && (!best || share > best.share)) best = { column, level, share };
		});
	}
	return best;
}
