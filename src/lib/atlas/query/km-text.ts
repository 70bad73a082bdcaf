/**
 * How a distance reads in the answers: one figure for exactly placed things, a range (nearest–farthest) for things
 * the plan places only at a county or prefecture seat. Pure.
 */
import type { Lang } from '$lib/atlas/state';

export interface Distance {
	km: number;
	kmMin?: number;
	kmMax?: number;
}

/** 1 decimal under 10 km, whole km above (grouped in the reader's language). */
export function kmFigure(n: number, lang: Lang): string {
	return n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
}

/** `3.2 km`, or `0–41 km` for a range. */
export function kmText(d: Distance, lang: Lang): string {
	if (d.kmMin === undefined || d.kmMax === undefined || d.kmMax === d.kmMin) {
		return `${kmFigure(d.kmMin ?? d.km, lang)} km`;
	}
	return `${kmFigure(d.kmMin, lang)}–${kmFigure(d.kmMax, lang)} km`;
}

/** Whether a distance is a range (the feature stands in at a seat). */
export const isRange = (d: Distance) => d.kmMin !== undefined && d.kmMax !== undefined && d.kmMax !== d.kmMin;
