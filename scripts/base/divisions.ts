/**
 * Pure helpers for turning the ECharts county shapes into clean WGS84 features with current codes and names.
 * Each helper is tested in divisions.test.ts.
 */
import gcoord from 'gcoord';
import { pinyin } from 'pinyin-pro';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export interface Rename {
	old_code: string;
	code: string;
	name_zh: string;
}

/** A ring needs 4 positions (closed triangle) to be valid. */
const MIN_RING_POSITIONS = 4;
/** Rings smaller than this (in squared degrees, ≈ 0.1 km² at Sichuan's latitude) are quantisation debris. */
const MIN_RING_AREA_DEG2 = 1e-5;

/** Converts one GCJ-02 position (the datum of Chinese web maps) to WGS84. */
export function gcjToWgs([lng, lat]: Position): Position {
	const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
	return [round(x, 6), round(y, 6)];
}

export function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

/** Signed planar area of a ring in squared degrees (shoelace). */
export function ringArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return sum / 2;
}

/** Removes consecutive duplicate positions and closes the ring. */
function tidyRing(ring: Position[]): Position[] {
	const out: Position[] = [];
	for (const p of ring) {
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	const [first, last] = [out[0], out[out.length - 1]];
	if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
	return out;
}

function usableRing(ring: Position[]): boolean {
	return ring.length >= MIN_RING_POSITIONS && Math.abs(ringArea(ring)) >= MIN_RING_AREA_DEG2;
}

/**
 * Drops degenerate rings (fewer than 4 positions or near-zero area) and polygons whose outer ring is degenerate,
 * returning a MultiPolygon, or null when nothing usable is left.
 */
export function dropDegenerateRings(geometry: Polygon | MultiPolygon): MultiPolygon | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const kept: Position[][][] = [];
	for (const polygon of polygons) {
		const [outer, ...holes] = polygon.map(tidyRing);
		if (!outer || !usableRing(outer)) continue;
		kept.push([outer, ...holes.filter(usableRing)]);
	}
	return kept.length ? { type: 'MultiPolygon', coordinates: kept } : null;
}

/** Applies fn to every position of a polygonal geometry. */
export function mapPositions(geometry: Polygon | MultiPolygon, fn: (p: Position) => Position): Polygon | MultiPolygon {
	if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(fn)) };
	return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((r) => r.map(fn))) };
}

/** Decodes one ring of ECharts' compact "UTF8Encoding" geometry (used by chongqing.geojson). */
export function decodeEchartsRing(encoded: string, offsets: [number, number], scale = 1024): Position[] {
	const out: Position[] = [];
	let [prevX, prevY] = offsets;
	for (let i = 0; i < encoded.length; i += 2) {
		let x = encoded.charCodeAt(i) - 64;
		let y = encoded.charCodeAt(i + 1) - 64;
		x = (x >> 1) ^ -(x & 1);
		y = (y >> 1) ^ -(y & 1);
		x += prevX;
		y += prevY;
		prevX = x;
		prevY = y;
		out.push([x / scale, y / scale]);
	}
	return out;
}

interface EncodedGeometry {
	type: 'Polygon' | 'MultiPolygon';
	coordinates: unknown;
	encodeOffsets: unknown;
}

/** Decodes a whole ECharts-encoded Polygon or MultiPolygon. */
export function decodeEchartsGeometry(g: EncodedGeometry): Polygon | MultiPolygon {
	if (g.type === 'Polygon') {
		const rings = g.coordinates as string[];
		const offsets = g.encodeOffsets as [number, number][];
		return { type: 'Polygon', coordinates: rings.map((r, i) => decodeEchartsRing(r, offsets[i])) };
	}
	const polys = g.coordinates as string[][];
	const offsets = g.encodeOffsets as [number, number][][];
	return {
		type: 'MultiPolygon',
		coordinates: polys.map((rings, i) => rings.map((r, j) => decodeEchartsRing(r, offsets[i][j])))
	};
}

/** Current code and name of a county record, applying the renames for records that predate 2021. */
export function currentDivision(code: string, name: string, renames: Rename[]): { code: string; name_zh: string } {
	const r = renames.find((x) => x.old_code === code);
	return r ? { code: r.code, name_zh: r.name_zh } : { code, name_zh: name };
}

export function prefectureCodeOf(countyCode: string): string {
	return countyCode.slice(0, 4) + '00';
}

const SUFFIXES: [RegExp, string][] = [
	[/藏族羌族自治州$/, 'Tibetan and Qiang Autonomous Prefecture'],
	[/藏族自治州$/, 'Tibetan Autonomous Prefecture'],
	[/彝族自治州$/, 'Yi Autonomous Prefecture'],
	[/羌族自治县$/, 'Qiang Autonomous County'],
	[/彝族自治县$/, 'Yi Autonomous County'],
	[/藏族自治县$/, 'Tibetan Autonomous County'],
	[/市$/, 'City'],
	[/区$/, 'District'],
	[/县$/, 'County']
];

/**
 * English name and short label of a Sichuan division: pinyin of the core name (or an override from
 * data/base/names-en.json) plus its type, e.g. 康定市 → "Kangding City" / "Kangding".
 */
export function englishName(
	code: string,
	nameZh: string,
	overrides: Record<string, string>
): {
	name_en: string;
	label_en: string;
} {
	for (const [re, type] of SUFFIXES) {
		if (!re.test(nameZh)) continue;
		const core = nameZh.replace(re, '');
		// 东区/西区 (Panzhihua) have a one-character core: the whole name is the label.
		const label = overrides[code] ?? capitalise(pinyin(core, { toneType: 'none', type: 'array' }).join(''));
		return { name_en: `${label} ${type}`, label_en: label };
	}
	throw new Error(`No English type for ${code} ${nameZh}`);
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export type CountyFeature = Feature<MultiPolygon, { code: string; name_zh: string; prefecture_code: string }>;
