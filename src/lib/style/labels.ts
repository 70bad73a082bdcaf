/**
 * Label decisions for the base map: which label shows from which zoom, in what size, and which wins a collision.
 * Across layers, MapLibre places the labels of higher layers first, so the label layers are stacked in order of
 * importance (prefectures on top, then counties, rivers, neighbours); within a layer, a lower `symbol-sort-key` wins.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export type Lang = 'zh' | 'en';

/** Province and prefecture names are always shown; counties appear once there is room for ~180 names. */
export const COUNTY_LABEL_MINZOOM = 6.4;
/** Neighbouring provinces are labelled only at overview scales, where they orient the reader. */
export const NEIGHBOUR_LABEL_MAXZOOM = 8;
/** River names need a line long enough on screen to carry them. */
export const RIVER_LABEL_MINZOOM = 5;
/** Further labels along long rivers once the reader has zoomed in. */
export const RIVER_MORE_LABELS_MINZOOM = 6.8;

/**
 * The text of a label in the chosen language. In English mode, names without an English form fall back to Chinese,
 * so a label never disappears.
 */
export function labelText(lang: Lang, zhField = 'name_zh', enField = 'label_en'): ExpressionSpecification {
	return lang === 'zh' ? ['get', zhField] : ['coalesce', ['get', enField], ['get', 'name_en'], ['get', zhField]];
}

/** Prefecture label size grows gently with zoom (px). */
export const PREFECTURE_LABEL_SIZE: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 5, 12, 8, 16];
export const COUNTY_LABEL_SIZE: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6.4, 10, 9, 13];
