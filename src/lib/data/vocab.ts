/**
 * The controlled vocabularies (data/vocab/*.json): feature kinds, industry categories, atlas layers, units.
 * Shared by the data build (validation) and the UI (labels, legend).
 */
import kindsJson from '../../../data/vocab/kinds.json';
import categoriesJson from '../../../data/vocab/categories.json';
import layersJson from '../../../data/vocab/layers.json';
import unitsJson from '../../../data/vocab/units.json';
import metricsJson from '../../../data/vocab/metrics.json';

export type GeometryClass = 'Point' | 'LineString' | 'Area';

export interface KindInfo {
	zh: string;
	en: string;
	geometry: GeometryClass;
}
export interface LabelInfo {
	zh: string;
	en: string;
}
/** A figure metric: its names, and whether it is generating capacity (`units`: the value is per unit, for that many). */
export interface MetricInfo extends LabelInfo {
	power_capacity?: boolean;
	units?: number;
}
export interface LayerInfo extends LabelInfo {
	source: string;
}

export const KINDS = kindsJson.kinds as Record<string, KindInfo>;
export const CATEGORIES = categoriesJson.categories as Record<string, LabelInfo>;
export const LAYERS = layersJson.layers as Record<string, LayerInfo>;
/** What each figure measures (`figures[].metric`), named in both languages. */
export const METRICS = metricsJson.metrics as Record<string, MetricInfo>;
export const UNITS = unitsJson.units as Record<string, { unit: string; factor: number }>;

export const KIND_IDS = Object.keys(KINDS);
export const CATEGORY_IDS = Object.keys(CATEGORIES);
export const LAYER_IDS = Object.keys(LAYERS);
