/**
 * Points the way Chinese data comes: which columns hold longitude and latitude (lon/lat, lng, x/y, 经度/纬度,
 * longitude/latitude, any case), whether they are swapped, and which datum they are in — WGS84 (GPS), GCJ-02 (most
 * Chinese web maps) or BD-09 (Baidu) — converted to WGS84 with gcoord. Pure, no DOM.
 */
import gcoord from 'gcoord';
import type { MultiPoint } from 'geojson';

import { CRS_LIST, numberOf, type Crs } from './layer-ids';
export { CRS_LIST, type Crs };

/** Sichuan's extent with a margin, for telling longitude from latitude. */
const SICHUAN_BOX = { west: 96.5, east: 109, south: 25.5, north: 35 };

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'wgs84lon', 'wgs84lng', 'gcjlng', 'bdlng'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', '北纬', 'wgs84lat', 'gcjlat', 'bdlat'];

/** A header without case, spaces, punctuation and a unit in brackets: "Longitude (°)" → "longitude". */
const normHeader = (h: string) =>
	h
		.toLowerCase()
		.replace(/[（(【[].*?[)）】\]]/g, '')
		.replace(/[\s_\-.:°]/g, '');

/** The longitude and latitude columns, by name, or null when the header names none. */
export function detectPointColumns(columns: string[]): { lon: number; lat: number } | null {
	const find = (names: string[]) => {
		const norm = columns.map(normHeader);
		const exact = norm.findIndex((h) => names.includes(h));
		return exact >= 0 ? exact : norm.findIndex((h) => h.includes(names === LON_NAMES ? '经度' : '纬度'));
	};
	const lon = find(LON_NAMES);
	const lat = find(LAT_NAMES);
	return lon >= 0 && lat >= 0 && lon !== lat ? { lon, lat } : null;
}

/** A coordinate cell as a number ("104.06", " 30.5 "); NaN when it is not one. */
export const coordinate = numberOf;

const inBox = (x: number, y: number) =>
	x >= SICHUAN_BOX.west && x <= SICHUAN_BOX.east && y >= SICHUAN_BOX.south && y <= SICHUAN_BOX.north;

/** Whether the columns look swapped: more points fall in Sichuan's box read the other way round than as written. */
export function looksSwapped(points: [number, number][]): boolean {
	return looksSwappedXY(
		points.map((p) => p[0]),
		points.map((p) => p[1]),
		points.length
	);
}

/** `looksSwapped` over the first `n` of two columns. */
export function looksSwappedXY(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): boolean {
	let asIs = 0;
	let swapped = 0;
	for (let i = 0; i < n; i++) {
		if (inBox(xs[i], ys[i])) asIs++;
		if (inBox(ys[i], xs[i])) swapped++;
	}
	return swapped > asIs;
}

/** One position read in `crs`, as WGS84. */
export function toWgs84(p: [number, number], crs: Crs): [number, number] {
	if (crs === 'wgs84') return p;
	const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
	return gcoord.transform(p, from, gcoord.WGS84) as [number, number];
}

/** Many positions read in `crs`, as WGS84: the same numbers as `toWgs84` one by one, in one gcoord call over a
 * MultiPoint (about twice as fast at a million points). The positions given are not changed. */
export function manyToWgs84(points: [number, number][], crs: Crs): [number, number][] {
	if (crs === 'wgs84' || !points.length) return points;
	const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
	const multi: MultiPoint = { type: 'MultiPoint', coordinates: points.map(([x, y]) => [x, y]) };
	const input = multi as unknown as Parameters<typeof gcoord.transform>[0];
	return (gcoord.transform(input, from, gcoord.WGS84) as unknown as MultiPoint).coordinates as [number, number][];
}

export interface CrsSuggestion {
	/** The reading that puts the most points inside Sichuan's counties; WGS84 when readings tie. */
	crs: Crs;
	/** Points of the sample inside a county, per reading. */
	inside: Record<Crs, number>;
	sampled: number;
	/** False when the readings tie: the data give no sign, and WGS84 is only the default. */
	clear: boolean;
}

/**
 * Which datum puts the most points inside Sichuan's counties. The datums differ by a few hundred metres, so only points
 * near a boundary tell them apart: a clear answer needs some of those; a tie suggests WGS84.
 */
export function suggestCrs(
	points: [number, number][],
	inCounty: (p: [number, number]) => string | null,
	sample = 2000
): CrsSuggestion {
	return suggestCrsOf(points.length, (i) => points[i], inCounty, sample);
}

/** `suggestCrs` over `length` points read by `at` (a layer's columns), without a list of all of them. */
export function suggestCrsOf(
	length: number,
	at: (i: number) => [number, number],
	inCounty: (p: [number, number]) => string | null,
	sample = 2000
): CrsSuggestion {
	const step = Math.max(1, Math.floor(length / sample));
	const some: [number, number][] = [];
	for (let i = 0; i < length && some.length < sample; i += step) some.push(at(i));
	const inside = { wgs84: 0, gcj02: 0, bd09: 0 } as Record<Crs, number>;
	for (const crs of CRS_LIST) {
		for (const p of some) if (inCounty(toWgs84(p, crs))) inside[crs]++;
	}
	const best = CRS_LIST.reduce((a, b) => (inside[b] > inside[a] ? b : a), 'wgs84' as Crs);
	const clear = CRS_LIST.every((c) => c === best || inside[c] < inside[best]);
	return { crs: best, inside, sampled: some.length, clear };
}
