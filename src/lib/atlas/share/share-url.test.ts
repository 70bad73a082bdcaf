import { describe, expect, test } from 'vitest';
import { applyPatch, type AtlasState } from '../state';
import { decodeRing, encodeRing, hashToPatch, LAYER_RENAMES, LINK_VERSION, stateToHash } from './share-url';
import { ALL_LAYER_IDS } from '../plan/layer-defaults';

const base: AtlasState = {
	view: { center: [101.96, 30.05], zoom: 6.5, bearing: 0, pitch: 0 },
	lang: 'zh',
	layers: ['ganzi-poles-cores', 'aba-parks'],
	selected: null,
	filter: [],
	drawn: null,
	tour: null,
	step: null,
	table: { open: false },
	lens: null,
	compare: []
};
const square = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[101.9, 30.0],
			[102.3, 30.0],
			[102.3, 30.2],
			[101.9, 30.2],
			[101.9, 30.0]
		]
	]
};

/** Opening a link = applying its patch to the atlas's defaults. */
const open = (hash: string) => applyPatch({ ...base, layers: ['energy-hydro'] }, hashToPatch(hash).patch);

describe('share links', () => {
	test('a full state survives the round trip', () => {
		const full: AtlasState = {
			view: { center: [101.123456, 30.654321], zoom: 7.25, bearing: 12.5, pitch: 30 },
			lang: 'en',
			layers: ['energy-hydro', 'enclave-links'],
			selected: 'hydro-station-lianghekou',
			filter: ['lithium', 'hydropower'],
			drawn: square,
			tour: 'ganzi',
			step: 3,
			table: {
				open: true,
				sort: { column: 'capacity', dir: 'desc' },
				filter: {
					text: '水电 & 光伏',
					kinds: ['hydro_station', 'pv_base'],
					prefectures: ['513300'],
					statuses: ['under_construction', 'unstated'],
					precision: ['site', 'county'],
					capacity: [100, 60000],
					investment: [0, 12000],
					inView: true
				}
			},
			lens: 'lithium',
			compare: ['enclave-park-ganmei', 'county-513334']
		};
		const hash = stateToHash(full);
		expect(hash).toMatch(/^#v=1&map=7\.25\/30\.654321\/101\.123456\/12\.5\/30&layers=energy-hydro,enclave-links&sel=/);
		const back = open(hash);
		expect(back).toEqual(full);
		expect(hashToPatch(hash).ignored).toEqual([]);
	});

	test('is short and readable for a plain view', () => {
		expect(stateToHash(base)).toBe('#v=1&map=6.5/30.05/101.96&layers=ganzi-poles-cores,aba-parks');
	});

	test('an empty layers parameter means no layers; a missing one keeps the defaults', () => {
		expect(open('#v=1&layers=').layers).toEqual([]);
		expect(open('#v=1&map=6/30/102').layers).toEqual(['energy-hydro']);
	});

	test('the old energy layer opens every energy layer (LAYER_RENAMES), without a notice', () => {
		const r = hashToPatch('#v=1&layers=ganzi-poles-cores,energy');
		expect(r.patch.layers).toEqual(['ganzi-poles-cores', ...LAYER_RENAMES.energy]);
		expect(LAYER_RENAMES.energy).toEqual(ALL_LAYER_IDS.filter((id) => id.startsWith('energy-')));
		expect(r.ignored).toEqual([]);
	});

	test('links without a version are read as version 1', () => {
		expect(open('#map=8/30/102&sel=county-513301').selected).toBe('county-513301');
		expect(LINK_VERSION).toBe(1);
	});

	test('invalid or outdated parameters are dropped one by one, with a note, and the rest apply', () => {
		const r = hashToPatch(
			'#v=1&map=99/30/102&layers=energy-solar,old-layer&filter=lithium,gold-rush&lang=fr&colour=red&sel=Bad Id!'
		);
		expect(r.patch).toEqual({ layers: ['energy-solar'], filter: ['lithium'] });
		const notes = r.ignored.join('\n');
		for (const word of ['map=99/30/102', 'old-layer', 'gold-rush', 'lang=fr', 'colour', 'sel=Bad Id!']) {
			expect(notes).toContain(word);
		}
	});

	test('a link from a newer version is read as far as possible and says so', () => {
		const r = hashToPatch('#v=9&map=8/30/102');
		expect(r.patch.view?.zoom).toBe(8);
		expect(r.ignored[0]).toMatch(/newer atlas/);
	});

	test('hostile or broken input never throws', () => {
		for (const h of [
			'#',
			'#&&&',
			'#map=////',
			'#shape=%%%',
			'#shape=' + 'z'.repeat(5000),
			'#tour=<script>&step=-1',
			'#v=abc',
			'#step=2'
		]) {
			expect(() => hashToPatch(h)).not.toThrow();
		}
		expect(hashToPatch('#tour=<script>').patch).toEqual({});
		expect(hashToPatch('#step=2').patch).toEqual({});
	});

	test('a tour without a step starts at step 1; leaving the tour clears the step', () => {
		expect(open('#tour=ganzi')).toMatchObject({ tour: 'ganzi', step: 1 });
		const inTour = open('#tour=ganzi&step=4');
		expect(inTour.step).toBe(4);
		expect(applyPatch(inTour, { tour: null }).step).toBeNull();
	});
});

describe('drawn shapes in links', () => {
	test('encode to a compact polyline and decode closed', () => {
		const text = encodeRing(square);
		expect(text.length).toBeLessThan(40);
		expect(decodeRing(text)).toEqual(square);
	});
	test('a text that is not an encoded polygon gives null', () => {
		expect(decodeRing('')).toBeNull();
		expect(decodeRing('_p~iF~ps|U')).toBeNull(); // one point
	});

	test('the table: open, sorted and filtered, read back; a closed table without sort or filter adds nothing', () => {
		expect(stateToHash(base)).not.toMatch(/table|tsort|tq=/);
		const hash = '#layers=energy-hydro&table=open&tsort=capacity.desc&tstatus=under_construction,existing&tcap=0~5000';
		expect(open(hash).table).toEqual({
			open: true,
			sort: { column: 'capacity', dir: 'desc' },
			filter: { statuses: ['under_construction', 'existing'], capacity: [0, 5000] }
		});
		expect(hashToPatch(hash).ignored).toEqual([]);
	});

	test('a bad table parameter is named and dropped; the good ones apply', () => {
		const r = hashToPatch('#table=wide&tsort=height.up&tstatus=under_construction,demolished&tcap=9~1&tkind=park');
		expect(r.patch.table).toEqual({ filter: { statuses: ['under_construction'], kinds: ['park'] } });
		expect(r.ignored.join(' | ')).toMatch(/table=wide/);
		expect(r.ignored.join(' | ')).toMatch(/tsort=height\.up/);
		expect(r.ignored.join(' | ')).toMatch(/tstatus: demolished/);
		expect(r.ignored.join(' | ')).toMatch(/tcap=9~1/);
	});
});
