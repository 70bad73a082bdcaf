/**
 * Atlas search: one in-memory index over the plan features (their `PlanProperties` are already `SearchDoc`s) and the
 * base divisions (`{ id: 'county-513301', kind: 'county', … }`), queried on every keystroke from one character on.
 *
 * Two passes; a document keeps the best tier any of them gives it:
 * 1. Key pass (Chinese, pinyin, whole English names). Every document gets "keys", all `compact`ed (NFKD, diacritics,
 *    whitespace and punctuation removed, lower case): its Chinese names and aliases, the same names with a generic
 *    suffix cut off (两河口水电站 → core 两河口, see SUFFIXES), the pinyin of both (generated with pinyin-pro here,
 *    never typed by hand) in full and as initials, and its English name and Latin aliases. The compacted query is
 *    compared with plain string methods (no RegExp is ever built from user text): equal → EXACT (CORE for a core
 *    key, so `lianghekou` puts 两河口水电站 above 两河口新城), starts the key → PREFIX, inside it → CONTAINS.
 *    Chinese keys match anywhere (河口 finds 两河口水电站); full pinyin only from a syllable start (hekou finds it,
 *    ekou does not); initials and English only at the start.
 * 2. Word pass (queries with Latin letters or digits): MiniSearch (its tokeniser does not split Chinese, hence
 *    pass 1) over English names, Latin aliases and pinyin; every query word may be a word prefix and all words must
 *    match (`Ganzi Meishan`, `industrial park`) → CONTAINS; words of ≥ FUZZY_MIN_LENGTH letters may also be typos
 *    (edit distance ≤ round(FUZZY × length)) → FUZZY.
 *
 * 3. Bigrams (Chinese queries of 3+ characters that no name contains as written): a name matches when it holds every
 *    character of the query and at least BIGRAM_SHARE of its character pairs — 西部科学城 finds 西部(成都)科学城,
 *    成都高新区 finds 成都高新技术产业开发区 → BIGRAM.
 * 4. Industries: a feature's `topics` (the names of its industry categories, both languages) match a query equal to or
 *    starting one of them (锂电, lithium) → INDUSTRY, below every name match; the category itself is a document too
 *    (kind `category`), so it is offered first.
 *
 * Ranking: higher TIER first (EXACT > CORE > PREFIX > CONTAINS > FUZZY); then lower doc `rank` (default
 * KIND_RANK[kind] ?? DEFAULT_RANK, so divisions and big structures come first); then shorter `name_zh`; then input
 * order. A hit's `score` is its tier.
 */
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import { CATEGORIES, KINDS } from '$lib/data/vocab';
import type { PlanFeature } from '$lib/data/plan-data';
import { categoryCounts } from '../plan/visibility';

export interface SearchDoc {
	id: string;
	name_zh: string;
	name_en: string;
	kind: string;
	aliases?: string[];
	/** Lower = more important; defaults to KIND_RANK[kind] ?? DEFAULT_RANK. */
	rank?: number;
	/** Names of the feature's industry categories (both languages): matched whole or by their start only. */
	topics?: string[];
}
export interface SearchHit {
	id: string;
	name_zh: string;
	name_en: string;
	kind: string;
	score: number;
}
export interface SearchIndex {
	search(text: string, limit?: number): SearchHit[];
}

/** Match tiers (= hit scores), best first. CORE: the query equals a name without its generic suffix (两河口 for
 * 两河口水电站, kangding for 康定机场) or that core's pinyin or initials. */
export const TIER = { EXACT: 5, CORE: 4, PREFIX: 3, CONTAINS: 2, BIGRAM: 1.5, FUZZY: 1, INDUSTRY: 0.5 } as const;
/** Share of a Chinese query's character pairs a name must hold for a BIGRAM match (with all its characters). */
export const BIGRAM_SHARE = 0.6;
/** Default doc rank by kind (lower = listed first among equal tiers); kinds not listed get DEFAULT_RANK. */
export const KIND_RANK: Readonly<Record<string, number>> = {
	prefecture: 0,
	county: 1,
	central_city: 1,
	economic_region: 2,
	metro_circle: 2,
	new_district: 2,
	hydro_station: 3,
	hydro_base: 3,
	airport: 3,
	port: 3,
	railway: 3,
	national_park: 3,
	power_line: 3
};
export const DEFAULT_RANK = 5;
export const DEFAULT_LIMIT = 20;
/** Longer queries are cut to this many UTF-16 units (a 10 000-character paste costs nothing). */
export const MAX_QUERY_LENGTH = 64;
/** Query words at least this long may contain typos… */
export const FUZZY_MIN_LENGTH = 5;
/** …up to this fraction of their length in edits (MiniSearch `fuzzy`). */
export const FUZZY = 0.2;

const MARKS = /\p{M}/gu;
const SPACE_PUNCT = /[\s\p{P}]/gu;
const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z0-9]/;

/** Folds width, case and diacritics (lüse → luse) and drops whitespace and punctuation (“6+1”, 泸定—康定). */
export function compact(s: string): string {
	return s.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(SPACE_PUNCT, '');
}

/** Generic endings cut off Chinese names for the core name: kind labels from data/vocab/kinds.json plus
 * administrative and park words. Longest first; the core must keep ≥ 2 characters. */
const SUFFIXES = [
	...Object.values(KINDS).flatMap((k) => k.zh.split('/')),
	...['市', '县', '区', '州', '自治州', '自治县', '藏族自治州', '彝族自治州', '藏族羌族自治州', '羌族自治县'],
	...['彝族自治县', '藏族自治县', '工业园区', '产业园区', '工业园', '产业园', '开发区', '国际机场', '项目', '工程']
]
	.map(compact)
	.filter((s, i, all) => s && all.indexOf(s) === i)
	.sort((a, b) => b.length - a.length);

/** A compacted searchable string; `at` = offsets where a CONTAINS match may start (null = anywhere); a `core` key
 * (name minus generic suffix) scores CORE when equal to the query and nothing otherwise (its prefixes and
 * substrings are the full name's). */
interface Key {
	s: string;
	at: number[] | null;
	core?: boolean;
	/** An industry name: matches whole or by its start, as INDUSTRY. */
	topic?: boolean;
}
interface Entry {
	doc: SearchDoc;
	rank: number;
	keys: Key[];
}

/** The character pairs of a text (西部科学城 → 西部 部科 科学 学城). */
export function bigrams(s: string): string[] {
	const chars = [...s];
	return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Whether a Chinese name holds every character of the query and enough of its pairs (see BIGRAM_SHARE). */
export function bigramMatch(name: string, q: string): boolean {
	const pairs = bigrams(q);
	if (pairs.length < 2 || ![...q].every((c) => name.includes(c))) return false;
	return pairs.filter((p) => name.includes(p)).length >= BIGRAM_SHARE * pairs.length;
}

function keyTier({ s, at, core, topic }: Key, q: string): number {
	if (topic) return s === q || (q.length >= 2 && s.startsWith(q)) ? TIER.INDUSTRY : 0;
	if (s === q) return core ? TIER.CORE : TIER.EXACT;
	if (core) return 0;
	if (s.startsWith(q)) return TIER.PREFIX;
	if (at === null ? s.includes(q) : at.some((i) => s.startsWith(q, i))) return TIER.CONTAINS;
	return 0;
}

/** Keys for the key pass, plus the Latin words (English, pinyin) for MiniSearch. */
function describe(doc: SearchDoc): { keys: Key[]; en: string[]; py: string[] } {
	const keys: Key[] = [{ s: compact(doc.name_en), at: [] }];
	const en = [doc.name_en];
	const py: string[] = [];
	const addChinese = (zh: string, syllables: string[], core: boolean) => {
		const full = syllables.join('');
		const starts = syllables.map((_, i) => syllables.slice(0, i).join('').length);
		const initials = syllables.map((x) => x[0]).join('');
		keys.push({ s: zh, at: null, core }, { s: full, at: starts, core }, { s: initials, at: [], core });
		py.push(...syllables, full);
	};
	for (const name of [doc.name_zh, ...(doc.aliases ?? [])]) {
		if (!HAN.test(name)) {
			keys.push({ s: compact(name), at: [] });
			en.push(name);
			continue;
		}
		const zh = compact(name);
		const syllables = pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
			.map(compact)
			.filter(Boolean);
		addChinese(zh, syllables, false);
		// The suffix is all Han characters, one syllable each.
		const cut = SUFFIXES.find((s) => zh.endsWith(s) && zh.length - s.length >= 2)?.length;
		if (cut) addChinese(zh.slice(0, -cut), syllables.slice(0, -cut), true);
	}
	for (const topic of doc.topics ?? []) keys.push({ s: compact(topic), at: [], topic: true });
	return { keys: keys.filter((k) => k.s), en, py };
}

export function createSearchIndex(docs: SearchDoc[]): SearchIndex {
	const entries: Entry[] = [];
	const mini = new MiniSearch<{ i: number; en: string; py: string }>({
		idField: 'i',
		fields: ['en', 'py'],
		processTerm: (term) => term.normalize('NFKD').replace(MARKS, '').toLowerCase() || null,
		searchOptions: { prefix: true, combineWith: 'AND' }
	});
	for (const doc of docs) {
		const { keys, en, py } = describe(doc);
		const i = entries.push({ doc, rank: doc.rank ?? KIND_RANK[doc.kind] ?? DEFAULT_RANK, keys }) - 1;
		mini.add({ i, en: en.join(' '), py: [...new Set(py)].join(' ') });
	}

	return {
		search(text, limit = DEFAULT_LIMIT) {
			const raw = String(text ?? '').slice(0, MAX_QUERY_LENGTH);
			const q = compact(raw);
			if (!q) return [];
			const best = new Map<number, number>();
			const hit = (i: number, tier: number) => {
				if (tier > (best.get(i) ?? 0)) best.set(i, tier);
			};
			entries.forEach((e, i) => e.keys.forEach((k) => hit(i, keyTier(k, q))));
			if (HAN.test(q) && [...q].length >= 3) {
				// Names written another way: only Chinese name keys (matched anywhere), never pinyin or topics.
				entries.forEach((e, i) => {
					if (!best.has(i) && e.keys.some((k) => k.at === null && bigramMatch(k.s, q))) hit(i, TIER.BIGRAM);
				});
			}
			if (LATIN.test(q)) {
				for (const r of mini.search(raw)) hit(r.id, TIER.CONTAINS);
				// Fuzzy hits rank last, so they are only looked for when the better ones do not fill the list.
				const fuzzy = (term: string) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY : false);
				if (best.size < limit) for (const r of mini.search(raw, { fuzzy })) hit(r.id, TIER.FUZZY);
			}
			return [...best]
				.sort(([a, ta], [b, tb]) => {
					const [ea, eb] = [entries[a], entries[b]];
					return tb - ta || ea.rank - eb.rank || ea.doc.name_zh.length - eb.doc.name_zh.length || a - b;
				})
				.slice(0, Math.max(0, limit))
				.map(([i, score]) => {
					const { id, name_zh, name_en, kind } = entries[i].doc;
					return { id, name_zh, name_en, kind, score };
				});
		}
	};
}

/** The names of a feature's industry categories, in both languages (its search topics). */
export function topicsOf(f: PlanFeature): string[] {
	const names = new Set<string>();
	for (const { category } of f.properties.industries) {
		const c = CATEGORIES[category];
		if (!c) continue;
		for (const zh of c.zh.split('/')) names.add(zh.trim());
		names.add(c.en);
	}
	return [...names];
}

/** One search document per industry category that some feature plans: `category-<id>`, before every place. */
export function categoryDocs(features: PlanFeature[]): SearchDoc[] {
	const counts = categoryCounts(features);
	return [...counts.keys()].map((id) => ({
		id: `category-${id}`,
		kind: 'category',
		name_zh: CATEGORIES[id].zh,
		name_en: CATEGORIES[id].en,
		aliases: CATEGORIES[id].zh.split('/').map((s) => s.trim()),
		rank: -1
	}));
}
