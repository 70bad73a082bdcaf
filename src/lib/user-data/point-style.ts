/**
 * How a user's points are coloured and sized by one of their columns: a column reads as numbers (continuous: viridis
 * over quantile classes, so a few huge values do not wash the rest into one colour) or as categories (Tableau 10, the
 * most frequent first, the rest as "other"); a numeric column sizes points by the square root of the value (area
 * follows the number). The result is typed arrays deck.gl reads as binary attributes, and the legend's entries.
 * Pure, no DOM.
 */
import { quantileSorted } from 'd3-array';
import { interpolateViridis, schemeTableau10 } from 'd3-scale-chromatic';
import { numberOf } from './layer-ids';

/** A column counts as numeric when at least this share of its non-empty cells are numbers. */
export const NUMERIC_SHARE = 0.9;
/** Quantile classes of a continuous colour. */
export const CLASSES = 5;
/** Categories named in the legend; the rest share OTHER_COLOR. */
export const MAX_CATEGORIES = 9;
/** Grey for "other" categories and for empty or non-numeric cells. */
export const OTHER_COLOR: [number, number, number] = [150, 150, 150];
/** Point radius range, px, when sized by a column (the default radius is 3.5). */
export const RADIUS_RANGE: [number, number] = [2, 12];

export type Rgb = [number, number, number];

export interface PointStyle {
	/** Column the colour reads, or null for the layer's single colour. */
	colorBy: string | null;
	/** Numeric column the size reads, or null for one size. */
	sizeBy: string | null;
}

export type ColorLegend =
	| { kind: 'category'; column: string; items: { label: string; count: number; color: Rgb }[]; other: number }
	| { kind: 'continuous'; column: string; min: number; max: number; breaks: number[]; colors: Rgb[]; missing: number };

export interface SizeLegend {
	column: string;
	min: number;
	max: number;
	radius: [number, number];
	missing: number;
}

export interface ColorEncoding {
	/** RGB per point (3 bytes each). */
	colors: Uint8Array;
	legend: ColorLegend;
}

export interface SizeEncoding {
	/** Radius per point, px. */
	radii: Float32Array;
	legend: SizeLegend;
}

const rgbOf = (css: string): Rgb => {
	const hex = css.replace('#', '');
	if (/^[0-9a-f]{6}$/i.test(hex)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
	const m = css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'];
	return m.slice(0, 3).map((v) => Math.round(Number(v))) as Rgb;
};

/** Whether a column's cells read as numbers (empty cells do not count either way). */
export function isNumeric(values: ArrayLike<string>): boolean {
	let filled = 0;
	let numbers = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i].trim() === '') continue;
		filled++;
		if (Number.isFinite(numberOf(values[i]))) numbers++;
	}
	return filled > 0 && numbers / filled >= NUMERIC_SHARE;
}

/** The cells of one column. */
export function columnValues(rows: readonly string[][], column: number): string[] {
	return rows.map((r) => r[column] ?? '');
}

/** Colours by category: the MAX_CATEGORIES most frequent values get Tableau 10's colours, the rest grey. */
export function categoryColors(values: ArrayLike<string>, column: string): ColorEncoding {
	const counts = new Map<string, number>();
	for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
	const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	const named = ranked.slice(0, MAX_CATEGORIES);
	const palette = new Map(named.map(([v], i) => [v, rgbOf(schemeTableau10[i])]));
	const colors = new Uint8Array(values.length * 3);
	let other = 0;
	for (let i = 0; i < values.length; i++) {
		const c = palette.get(values[i]);
		if (!c) other++;
		colors.set(c ?? OTHER_COLOR, 3 * i);
	}
	const items = named.map(([label, count]) => ({ label, count, color: palette.get(label)! }));
	return { colors, legend: { kind: 'category', column, items, other } };
}

/** Colours by number: CLASSES quantile classes along viridis; empty or non-numeric cells grey. */
export function continuousColors(values: ArrayLike<string>, column: string): ColorEncoding {
	const nums = Float64Array.from({ length: values.length }, (_, i) => numberOf(values[i]));
	const sorted = nums.filter(Number.isFinite).sort();
	const min = sorted.length ? sorted[0] : 0;
	const max = sorted.length ? sorted[sorted.length - 1] : 0;
	const breaks = Array.from(
		{ length: CLASSES - 1 },
		(_, k) => quantileSorted(sorted as unknown as number[], (k + 1) / CLASSES) ?? min
	);
	const classColors = Array.from({ length: CLASSES }, (_, k) => rgbOf(interpolateViridis(k / (CLASSES - 1))));
	const colors = new Uint8Array(values.length * 3);
	let missing = 0;
	for (let i = 0; i < nums.length; i++) {
		const v = nums[i];
		if (!Number.isFinite(v)) {
			missing++;
			colors.set(OTHER_COLOR, 3 * i);
			continue;
		}
		let k = 0;
		while (k < breaks.length && v > breaks[k]) k++;
		colors.set(classColors[k], 3 * i);
	}
	return { colors, legend: { kind: 'continuous', column, min, max, breaks, colors: classColors, missing } };
}

/** Colours by a column: continuous when it reads as numbers, else by category. */
export function colorByColumn(values: ArrayLike<string>, column: string): ColorEncoding {
	return isNumeric(values) ? continuousColors(values, column) : categoryColors(values, column);
}

/** Radii by a numeric column: area proportional to the value over its range (sqrt), RADIUS_RANGE px. */
export function sizeByColumn(values: ArrayLike<string>, column: string): SizeEncoding {
	const nums = Float64Array.from({ length: values.length }, (_, i) => numberOf(values[i]));
	let min = Infinity;
	let max = -Infinity;
	for (const v of nums)
		if (Number.isFinite(v)) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
	if (min > max) min = max = 0;
	const [r0, r1] = RADIUS_RANGE;
	const radii = new Float32Array(values.length);
	let missing = 0;
	for (let i = 0; i < nums.length; i++) {
		const v = nums[i];
		if (!Number.isFinite(v)) {
			missing++;
			radii[i] = r0;
			continue;
		}
		const t = max > min ? (v - min) / (max - min) : 1;
		radii[i] = Math.sqrt(r0 * r0 + t * (r1 * r1 - r0 * r0));
	}
	return { radii, legend: { column, min, max, radius: RADIUS_RANGE, missing } };
}

/** CSS of a colour. */
export const cssOf = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;
