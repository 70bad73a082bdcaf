import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '$lib/data/vocab';
import { bigramMatch, bigrams, createSearchIndex, TIER, type SearchDoc, type SearchHit } from './plan-search';

const FIXTURE: SearchDoc[] = [
	{
		id: 'hydro-station-lianghekou',
		name_zh: '两河口水电站',
		name_en: 'Lianghekou Hydropower Station',
		kind: 'hydro_station'
	},
	// A decoy with a better rank whose full pinyin (lianghekouxincheng) is shorter than the station's.
	{ id: 'new-district-lianghekou', name_zh: '两河口新城', name_en: 'Lianghekou New Town', kind: 'new_district' },
	{ id: 'county-513301', name_zh: '康定市', name_en: 'Kangding City', kind: 'county', aliases: ['康定'] },
	{ id: 'airport-kangding', name_zh: '康定机场', name_en: 'Kangding Airport', kind: 'airport' },
	{
		id: 'belt-luding-kangding',
		name_zh: '泸定—康定石灰水泥产业带',
		name_en: 'Luding–Kangding lime and cement belt',
		kind: 'belt'
	},
	{ id: 'subregion-kangbei', name_zh: '康北', name_en: 'Kangbei (northern Ganzi)', kind: 'subregion' },
	{
		id: 'enclave-park-ganmei',
		name_zh: '甘眉工业园区',
		name_en: 'Ganzi–Meishan Industrial Park',
		kind: 'enclave_park',
		aliases: ['甘眉园区']
	},
	{
		id: 'enclave-park-chenggan',
		name_zh: '成甘工业园区',
		name_en: 'Chengdu–Ganzi Industrial Park',
		kind: 'enclave_park'
	},
	{
		id: 'prefecture-513300',
		name_zh: '甘孜藏族自治州',
		name_en: 'Garzê Tibetan Autonomous Prefecture',
		kind: 'prefecture',
		aliases: ['甘孜州']
	},
	{
		id: 'airport-ctu',
		name_zh: '成都双流国际机场',
		name_en: 'Chengdu Shuangliu International Airport',
		kind: 'airport',
		aliases: ['双流机场', 'CTU']
	}
];

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('createSearchIndex (fixture)', () => {
	const index = createSearchIndex(FIXTURE);

	it('uses only kinds from data/vocab/kinds.json plus county/prefecture', () => {
		for (const d of FIXTURE) expect(d.kind in KINDS || d.kind === 'county' || d.kind === 'prefecture').toBe(true);
	});

	it('finds Chinese names and aliases as substrings from one character', () => {
		expect(ids(index.search('两河口'))[0]).toBe('hydro-station-lianghekou');
		expect(ids(index.search('河口'))).toContain('hydro-station-lianghekou');
		expect(ids(index.search('双流机场'))[0]).toBe('airport-ctu');
		expect(ids(index.search('康'))).toEqual(expect.arrayContaining(['county-513301', 'belt-luding-kangding']));
		expect(ids(index.search('甘孜州'))[0]).toBe('prefecture-513300');
	});

	it('ranks names that start with the query before names that merely contain it', () => {
		const hits = index.search('康');
		const starts = hits.map((h) => h.name_zh.startsWith('康'));
		expect(starts.indexOf(false)).toBeGreaterThan(0);
		expect(starts.slice(starts.indexOf(false))).not.toContain(true);
		expect(hits.at(-1)?.id).toBe('belt-luding-kangding');
	});

	it('matches generated pinyin: full, spaced, initials, prefixes, any case', () => {
		for (const q of [
			'lianghekou',
			'liang he kou',
			'lhk',
			'Lianghekou',
			'LIANGHEKOU',
			'liangh',
			'lianghekoushuidianzhan'
		]) {
			expect(ids(index.search(q)), q).toContain('hydro-station-lianghekou');
		}
		expect(ids(index.search('hekou'))).toContain('hydro-station-lianghekou');
		expect(ids(index.search('ekou'))).not.toContain('hydro-station-lianghekou');
		expect(ids(index.search('kangding'))[0]).toBe('county-513301');
		expect(ids(index.search('sljc'))).toContain('airport-ctu');
	});

	it('cuts the station/park suffix so that the core pinyin beats a longer prefix match', () => {
		for (const q of ['lianghekou', 'liang he kou', 'lhk']) {
			const [first] = index.search(q);
			expect(first, q).toMatchObject({ id: 'hydro-station-lianghekou', score: TIER.CORE });
		}
		expect(index.search('lianghekou')[1]).toMatchObject({ id: 'new-district-lianghekou', score: TIER.PREFIX });
		expect(index.search('ganmei')[0]).toMatchObject({ id: 'enclave-park-ganmei', score: TIER.CORE });
	});

	it('matches English names by word prefix, all words, and typos of ≥ 5 letters', () => {
		expect(ids(index.search('Ganzi Meishan'))).toEqual(['enclave-park-ganmei']);
		expect(ids(index.search('industrial park')).sort()).toEqual(['enclave-park-chenggan', 'enclave-park-ganmei']);
		expect(ids(index.search('Kangding Air'))[0]).toBe('airport-kangding');
		expect(index.search('Meishen')[0]).toMatchObject({ id: 'enclave-park-ganmei', score: TIER.FUZZY });
		expect(ids(index.search('Shuangliou'))).toContain('airport-ctu');
		expect(ids(index.search('ctu'))[0]).toBe('airport-ctu');
		expect(ids(index.search('Garze'))[0]).toBe('prefecture-513300');
		expect(index.search('Kanx')).toEqual([]);
	});

	it('ranks exact > core > prefix > contains, then by rank, then by name length', () => {
		const hits = index.search('康定');
		expect(hits.map((h) => h.score)).toEqual([TIER.EXACT, TIER.CORE, TIER.CONTAINS]);
		expect(ids(hits)).toEqual(['county-513301', 'airport-kangding', 'belt-luding-kangding']);
		expect(index.search('康定机').map((h) => [h.id, h.score])).toEqual([['airport-kangding', TIER.PREFIX]]);
		const ranked = createSearchIndex([
			{ id: 'long', name_zh: '测试项目甲乙', name_en: 'x', kind: 'project' },
			{ id: 'short', name_zh: '测试项目甲', name_en: 'x', kind: 'project' },
			{ id: 'explicit', name_zh: '测试项目甲乙丙', name_en: 'x', kind: 'project', rank: 0 },
			{ id: 'county', name_zh: '测试县甲乙丙', name_en: 'x', kind: 'county' }
		]);
		expect(ids(ranked.search('测试'))).toEqual(['explicit', 'county', 'short', 'long']);
	});

	it('returns [] for empty or whitespace queries and honours the limit', () => {
		for (const q of ['', ' ', '\t\n ', '　', '，。']) expect(index.search(q)).toEqual([]);
		expect(index.search('k', 2)).toHaveLength(2);
		expect(index.search('k', 0)).toEqual([]);
	});

	it('never throws on hostile input', () => {
		const hostile = ['.*', '(', '[a-z]+$', '\\', '^$|()', '?*+{2}', 'x'.repeat(10_000), '😀', '康😀', '\ud800', '\0'];
		for (const q of hostile) expect(() => index.search(q), q.slice(0, 20)).not.toThrow();
		expect(() => index.search(undefined as unknown as string)).not.toThrow();
		expect(() =>
			createSearchIndex([...FIXTURE, FIXTURE[0], { id: '😀', name_zh: '😀', name_en: '', kind: 'x' }])
		).not.toThrow();
	});
});

const PLAN = 'static/data/plan.geojson';
const BASE = 'static/data/base.topo.json';
const HAVE_PLAN = existsSync(PLAN);
if (!HAVE_PLAN) console.warn(`plan-search: ${PLAN} is absent (run \`npm run data\`); skipping the real-data tests`);

interface Division {
	properties: { code: string; name_zh: string; name_en: string; label_zh: string; label_en: string };
}
function realDocs(): SearchDoc[] {
	const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as { features: { properties: SearchDoc }[] };
	const docs = plan.features.map((f) => f.properties);
	if (!existsSync(BASE)) return docs;
	const base = JSON.parse(readFileSync(BASE, 'utf8')) as { objects: Record<string, { geometries: Division[] }> };
	for (const kind of ['county', 'prefecture'] as const) {
		for (const { properties: p } of base.objects[kind === 'county' ? 'counties' : 'prefectures'].geometries) {
			docs.push({
				id: `${kind}-${p.code}`,
				name_zh: p.name_zh,
				name_en: p.name_en,
				kind,
				aliases: [p.label_zh, p.label_en]
			});
		}
	}
	return docs;
}

describe.skipIf(!HAVE_PLAN)(`createSearchIndex over ${PLAN} (skipped when absent: run npm run data)`, () => {
	const start = performance.now();
	const docs = HAVE_PLAN ? realDocs() : [];
	const index = createSearchIndex(docs);
	const built = performance.now() - start;

	it('builds and answers quickly (timing logged, not asserted)', () => {
		const queries = ['康', '两河口', 'lianghekou', 'lhk', 'industrial park', 'Lianghekuo', 'chengdu'];
		const t0 = performance.now();
		for (const q of queries) index.search(q);
		const t1 = performance.now();
		for (const q of queries) index.search(q);
		const [cold, warm] = [t1 - t0, performance.now() - t1].map((t) => (t / queries.length).toFixed(1));
		console.log(
			`plan-search: ${docs.length} docs indexed in ${built.toFixed(0)} ms; ${cold} ms/query cold, ${warm} warm`
		);
		expect(docs.length).toBeGreaterThan(100);
	});

	it('finds 两河口水电站 by Chinese substring and by pinyin', () => {
		for (const q of ['两河口', 'lianghekou', 'liang he kou', 'Lianghekou', 'lhk', 'liangh']) {
			expect(ids(index.search(q))[0], q).toBe('hydro-station-lianghekou');
		}
		expect(ids(index.search('河口'))).toContain('hydro-station-lianghekou');
		expect(ids(index.search('Lianghekuo'))).toContain('hydro-station-lianghekou');
	});

	it('finds 康定市 for 康, prefix matches first', () => {
		const hits = index.search('康', 200);
		expect(hits.length).toBeGreaterThan(10);
		if (existsSync(BASE)) expect(ids(hits.slice(0, 5))).toContain('county-513301');
		const tiers = hits.map((h) => h.score);
		expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
		expect(hits.filter((h) => h.score === TIER.CONTAINS).every((h) => !h.name_zh.startsWith('康'))).toBe(true);
	});

	it('finds English names', () => {
		expect(ids(index.search('Ganzi Meishan'))[0]).toBe('enclave-park-ganmei');
		expect(index.search('industrial park', 50).length).toBeGreaterThan(5);
		expect(ids(index.search('Lianghekou'))[0]).toBe('hydro-station-lianghekou');
	});
});

describe('names written another way, and industries', () => {
	const docs: SearchDoc[] = [
		{ id: 'science-city', name_zh: '西部(成都)科学城', name_en: 'Western (Chengdu) Science City', kind: 'zone' },
		{ id: 'hi-tech', name_zh: '成都高新技术产业开发区', name_en: 'Chengdu Hi-tech Zone', kind: 'park' },
		{ id: 'sanjiang', name_zh: '宜宾三江新区', name_en: 'Yibin Sanjiang New Area', kind: 'new_district' },
		{ id: 'decoy', name_zh: '城西部落', name_en: 'Decoy', kind: 'park' },
		{
			id: 'category-lithium',
			name_zh: '锂电 / 锂矿',
			name_en: 'Lithium',
			kind: 'category',
			aliases: ['锂电', '锂矿'],
			rank: -1
		},
		{
			id: 'li-park',
			name_zh: '遂宁锂电产业园',
			name_en: 'Suining lithium park',
			kind: 'park',
			topics: ['锂电 / 锂矿', 'Lithium']
		},
		{ id: 'li-mine', name_zh: '甲基卡', name_en: 'Jiajika', kind: 'mine', topics: ['锂电', '锂矿', 'Lithium'] }
	];
	const index = createSearchIndex(docs);

	it('pairs of characters find a name with words between them', () => {
		expect(index.search('西部科学城')[0]).toMatchObject({ id: 'science-city', score: TIER.BIGRAM });
		expect(index.search('成都高新区')[0]).toMatchObject({ id: 'hi-tech', score: TIER.BIGRAM });
		expect(ids(index.search('三江新区'))).toEqual(['sanjiang']);
		// every character is there but in no order the query has: not a match
		expect(ids(index.search('西部科学城'))).not.toContain('decoy');
	});

	it('bigrams and their share', () => {
		expect(bigrams('西部科学城')).toEqual(['西部', '部科', '科学', '学城']);
		expect(bigramMatch('西部成都科学城', '西部科学城')).toBe(true);
		expect(bigramMatch('城西部落', '西部科学城')).toBe(false);
	});

	it('an industry word offers the category first, then what plans it, below name matches', () => {
		const hits = index.search('锂电');
		expect(hits[0].id).toBe('category-lithium');
		expect(ids(hits)).toEqual(['category-lithium', 'li-park', 'li-mine']);
		expect(hits[2].score).toBe(TIER.INDUSTRY);
		expect(index.search('lithium')[0].id).toBe('category-lithium');
		expect(ids(index.search('lithium'))).toContain('li-mine');
	});
});
