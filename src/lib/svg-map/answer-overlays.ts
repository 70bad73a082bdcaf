/**
 * The atlas's answers as the SVG renderer's overlays (render-overlays.ts), for the map without WebGL and the vector
 * exports alike: the lens's shading at a zoom, and the spatial answer with a drawn shape. Pure.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { LENS_FILL_OPACITY, lensFills, type WhereRow } from '$lib/atlas/lens/industry-where';
import type { SvgQueryOverlay, SvgRegionFill } from './render-overlays';

/** Below this zoom the lens shades prefectures, from it counties (AtlasController.PROVINCE_ZOOM). */
export function lensShading(
	rows: { county: WhereRow[]; prefecture: WhereRow[] } | null,
	zoom: number,
	provinceZoom: number
): SvgRegionFill | null {
	if (!rows) return null;
	const level = zoom < provinceZoom ? 'prefecture' : 'county';
	return { level, colors: lensFills(rows[level]), opacity: LENS_FILL_OPACITY };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The answer's overlay (queryOverlay's output) with the shape the reader drew, or null when there is neither. */
export function queryShown(
	answered: Omit<SvgQueryOverlay, 'drawn'> | null,
	drawn: Geometry | null
): SvgQueryOverlay | null {
	return answered || drawn ? { drawn, ...(answered ?? { buffer: EMPTY, hits: EMPTY, marker: EMPTY }) } : null;
}
