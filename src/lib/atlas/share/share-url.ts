/**
 * Share links: the atlas state as a short, readable, versioned URL hash, and back. Pure and tested (share-url.test.ts).
 *
 *   #v=1&map=7.20/30.05000/101.96000&layers=ganzi-poles-cores,energy-hydro&sel=hydro-station-lianghekou&filter=lithium
 *    &lang=en&shape=<encoded polyline>&tour=ganzi&step=2
 *
 * `map` is zoom/lat/lng[/bearing[/pitch]] as on openstreetmap.org. Parameters that are missing keep their default
 * (Chinese, no selection, no filter …); `layers=` with nothing after it means no layers. Reading is forgiving: each
 * parameter is checked on its own, and one that is invalid or outdated is dropped with a note while the rest apply.
 */
import polyline from '@mapbox/polyline';
import type { Polygon } from 'geojson';
import { parseStatePatch, type AtlasState, type StatePatch } from '../state';
import { ALL_LAYER_IDS } from '../plan/layer-defaults';

/** The link format written now. Version 1 is also assumed for links without `v`. */
export const LINK_VERSION = 1;
/** Layer ids renamed or split since a link version, so old links keep working: `{ 'old-id': ['new-id', …] }`. The
 * catch-all `energy` layer became one layer per kind of energy (issue 17): an old link opens all of them. */
export const LAYER_RENAMES: Record<string, string[]> = {
	energy: [
		'energy-hydro',
		'energy-solar',
		'energy-wind',
		'energy-grid',
		'energy-oil-gas',
		'energy-hydrogen',
		'energy-other'
	]
};
/** Decimal places of coordinates in links: 6 (≈ 0.1 m) and of zoom: 3, as getState() reports them, so a link
 * restores a state equal to the one it was made from. Drawn shapes use 5 (≈ 1 m). */
const COORD_DIGITS = 6;
const ZOOM_DIGITS = 3;
const SHAPE_DIGITS = 5;

/** The table's parameters: `table=open`, its sort and the parts of its filter (which the map shares). */
const TABLE_PARAMS = {
	tsort: 'sort',
	tq: 'text',
	tkind: 'kinds',
	tpref: 'prefectures',
	tstatus: 'statuses',
	tprec: 'precision',
	tcap: 'capacity',
	tinv: 'investment',
	tview: 'inView'
} as const;
const KNOWN = new Set([
	'lens',
	'compare',
	'v',
	'map',
	'layers',
	'sel',
	'filter',
	'lang',
	'shape',
	'tour',
	'step',
	'table',
	...Object.keys(TABLE_PARAMS)
]);

/** The state as a URL hash (with the leading `#`). */
export function stateToHash(state: AtlasState): string {
	const { center, zoom, bearing, pitch } = state.view;
	const map = [
		trim(zoom.toFixed(ZOOM_DIGITS)),
		trim(center[1].toFixed(COORD_DIGITS)),
		trim(center[0].toFixed(COORD_DIGITS))
	];
	if (bearing || pitch) map.push(String(Math.round(bearing * 10) / 10));
	if (pitch) map.push(String(Math.round(pitch * 10) / 10));
	const parts: [string, string][] = [
		['v', String(LINK_VERSION)],
		['map', map.join('/')],
		['layers', state.layers.join(',')]
	];
	if (state.selected) parts.push(['sel', state.selected]);
	if (state.filter.length) parts.push(['filter', state.filter.join(',')]);
	if (state.lang !== 'zh') parts.push(['lang', state.lang]);
	if (state.drawn) parts.push(['shape', encodeRing(state.drawn)]);
	if (state.tour) parts.push(['tour', state.tour], ['step', String(state.step ?? 1)]);
	parts.push(...tableParams(state.table));
	if (state.lens) parts.push(['lens', state.lens]);
	if (state.compare.length) parts.push(['compare', state.compare.join(',')]);
	// Ids, commas and slashes read fine in a hash; only escape what would break it.
	return (
		'#' + parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/')}`).join('&')
	);
}

export interface LinkReading {
	/** The state the link asks for (only what it names and what is valid). */
	patch: StatePatch;
	/** What was ignored, one short sentence each, for a gentle notice. */
	ignored: string[];
}

/** Reads a URL hash (or search string) written by stateToHash, by an older version, or by hand. Never throws. */
export function hashToPatch(hash: string): LinkReading {
	const params = new URLSearchParams(hash.replace(/^[#?]/, ''));
	const patch: StatePatch = {};
	const ignored: string[] = [];
	const take = (name: string, raw: string, candidate: StatePatch) => {
		const r = parseStatePatch(candidate);
		if (r.ok) Object.assign(patch, r.patch);
		else ignored.push(`${name}=${shorten(raw)} (${r.error})`);
	};

	const version = params.get('v');
	if (version !== null && !(/^\d+$/.test(version) && Number(version) >= 1)) ignored.push(`v=${shorten(version)}`);
	else if (version !== null && Number(version) > LINK_VERSION) {
		ignored.push(`v=${version} (made by a newer atlas; read as version ${LINK_VERSION})`);
	}
	for (const key of new Set(params.keys())) if (!KNOWN.has(key)) ignored.push(`${shorten(key)} (unknown parameter)`);

	const map = params.get('map');
	if (map !== null) {
		const [zoom, lat, lng, bearing = 0, pitch = 0] = map.split('/').map((x) => (x.trim() === '' ? NaN : Number(x)));
		take('map', map, { view: { zoom, center: [lng, lat], bearing, pitch } });
	}
	const layers = params.get('layers');
	if (layers !== null) {
		const ids = layers
			.split(',')
			.filter(Boolean)
			.flatMap((id) => LAYER_RENAMES[id] ?? [id]);
		const unknown = ids.filter((id) => !ALL_LAYER_IDS.includes(id));
		if (unknown.length) ignored.push(`layers: ${unknown.map(shorten).join(', ')} (unknown layer)`);
		take('layers', layers, { layers: ids.filter((id) => ALL_LAYER_IDS.includes(id)) });
	}
	const sel = params.get('sel');
	if (sel) take('sel', sel, { selected: sel });
	const filter = params.get('filter');
	if (filter) {
		const ids = filter.split(',').filter(Boolean);
		const good = ids.filter((id) => parseStatePatch({ filter: [id] }).ok);
		if (good.length < ids.length) {
			ignored.push(
				`filter: ${ids
					.filter((id) => !good.includes(id))
					.map(shorten)
					.join(', ')} (unknown category)`
			);
		}
		take('filter', filter, { filter: good });
	}
	const lang = params.get('lang');
	if (lang) take('lang', lang, { lang: lang as 'zh' });
	const shape = params.get('shape');
	if (shape) {
		const drawn = decodeRing(shape);
		if (drawn) take('shape', shape, { drawn: drawn as StatePatch['drawn'] });
		else ignored.push(`shape=${shorten(shape)} (not an encoded polygon)`);
	}
	const tour = params.get('tour');
	if (tour) {
		const stepText = params.get('step') ?? '1';
		const step = /^\d+$/.test(stepText) ? Number(stepText) : NaN;
		take('tour', `${tour}&step=${stepText}`, { tour, step });
	}
	readTable(params, patch, ignored);
	const lens = params.get('lens');
	if (lens) take('lens', lens, { lens });
	const compare = params.get('compare');
	if (compare) take('compare', compare, { compare: compare.split(',').filter(Boolean) });
	return { patch, ignored };
}

/** The table's state as link parameters (nothing when it is closed, unsorted and unfiltered). */
function tableParams(table: AtlasState['table']): [string, string][] {
	const out: [string, string][] = [];
	if (table.open) out.push(['table', 'open']);
	if (table.sort) out.push(['tsort', `${table.sort.column}.${table.sort.dir}`]);
	const f = table.filter ?? {};
	if (f.text) out.push(['tq', f.text]);
	if (f.kinds?.length) out.push(['tkind', f.kinds.join(',')]);
	if (f.prefectures?.length) out.push(['tpref', f.prefectures.join(',')]);
	if (f.statuses?.length) out.push(['tstatus', f.statuses.join(',')]);
	if (f.precision?.length) out.push(['tprec', f.precision.join(',')]);
	if (f.capacity) out.push(['tcap', f.capacity.join('~')]);
	if (f.investment) out.push(['tinv', f.investment.join('~')]);
	if (f.inView) out.push(['tview', '1']);
	return out;
}

/** Reads the table's parameters into the patch; each part is checked alone, and a bad one is named and dropped. */
function readTable(params: URLSearchParams, patch: StatePatch, ignored: string[]): void {
	const table: NonNullable<StatePatch['table']> = {};
	const open = params.get('table');
	if (open !== null) {
		if (open === 'open' || open === 'closed') table.open = open === 'open';
		else ignored.push(`table=${shorten(open)} (expected open or closed)`);
	}
	const sort = params.get('tsort');
	if (sort !== null) {
		const [column, dir] = sort.split('.');
		const r = parseStatePatch({ table: { sort: { column, dir } } });
		if (r.ok) table.sort = r.patch.table!.sort;
		else ignored.push(`tsort=${shorten(sort)} (expected a column and asc or desc, e.g. capacity.desc)`);
	}
	const filter: Record<string, unknown> = {};
	for (const [param, key] of Object.entries(TABLE_PARAMS)) {
		const raw = params.get(param);
		if (raw === null || key === 'sort') continue;
		const value =
			key === 'text'
				? raw
				: key === 'inView'
					? raw === '1' || raw === 'true'
					: key === 'capacity' || key === 'investment'
						? raw.split('~').map((x) => (x.trim() === '' ? NaN : Number(x)))
						: raw.split(',').filter(Boolean);
		const ok = (v: unknown) => parseStatePatch({ table: { filter: { [key]: v } } }).ok;
		if (Array.isArray(value) && key !== 'capacity' && key !== 'investment') {
			// A list keeps its known items; the others are named (an outdated status, a kind that was renamed).
			const good = value.filter((item) => ok([item]));
			if (good.length < value.length) {
				ignored.push(
					`${param}: ${value
						.filter((item) => !good.includes(item))
						.map((x) => shorten(String(x)))
						.join(', ')} (unknown)`
				);
			}
			if (good.length) filter[key] = good;
			continue;
		}
		const r = parseStatePatch({ table: { filter: { [key]: value } } });
		if (r.ok) Object.assign(filter, r.patch.table!.filter);
		else ignored.push(`${param}=${shorten(raw)} (${r.error.replace(/^table\.filter\./, '')})`);
	}
	if (Object.keys(filter).length) table.filter = filter;
	if (Object.keys(table).length) patch.table = table;
}

/** A drawn polygon's outer ring as an encoded polyline (Google's algorithm, 5 decimals), without the closing point. */
export function encodeRing(polygon: Polygon): string {
	const ring = polygon.coordinates[0].slice(0, -1);
	return polyline.encode(
		ring.map(([lng, lat]) => [lat, lng]),
		SHAPE_DIGITS
	);
}

/** The polygon of an encoded ring, closed again; null if the text is not one. */
export function decodeRing(text: string): Polygon | null {
	let latLngs: [number, number][];
	try {
		latLngs = polyline.decode(text, SHAPE_DIGITS);
	} catch {
		return null;
	}
	if (latLngs.length < 3 || latLngs.some(([a, b]) => !Number.isFinite(a) || !Number.isFinite(b))) return null;
	const ring = latLngs.map(([lat, lng]) => [lng, lat]);
	return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** 6.500 → 6.5, 30.000000 → 30 */
const trim = (fixed: string) => fixed.replace(/\.?0+$/, '');
const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
