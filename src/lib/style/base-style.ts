/**
 * The atlas's base map as code: a complete MapLibre style with no external tiles, sprites or fonts.
 * Layers come in base → boundaries → water → labels order; plan layers are inserted before BASE_LABELS_BEFORE_ID.
 */
import { shareProgram } from './shared-programs';
import type { FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { fonts, theme } from './theme';
import { riverLabelPoints } from '$lib/geo/river-labels';
import { HIDDEN_UNTIL_DRAWN } from '$lib/map/empty-layers';
import { setLayout, type StyleMap } from '$lib/map/quiet-style';
import {
	COUNTY_LABEL_MINZOOM,
	RIVER_MORE_LABELS_MINZOOM,
	COUNTY_LABEL_SIZE,
	NEIGHBOUR_LABEL_MAXZOOM,
	PREFECTURE_LABEL_SIZE,
	RIVER_LABEL_MINZOOM,
	labelText,
	type Lang
} from './labels';

export interface BaseData {
	neighbours: FeatureCollection;
	province: FeatureCollection;
	prefectures: FeatureCollection;
	counties: FeatureCollection;
	countySeats: FeatureCollection;
	prefectureSeats: FeatureCollection;
	rivers: FeatureCollection;
	/** Label points of the named rivers, when the data carries them (the overview); else computed from `rivers`. */
	riverLabels?: FeatureCollection;
}

/** Plan overlays go below this layer so that base labels stay on top. */
export const BASE_LABELS_BEFORE_ID = 'label-neighbours';

export const BASE_SOURCE_IDS = [
	'neighbours',
	'province',
	'prefectures',
	'counties',
	'county-seats',
	'prefecture-seats',
	'rivers'
] as const;

/**
 * How far (px of a 512 px tile) a tile of areas or lines reaches into its neighbours. MapLibre's default, 128, makes
 * every tile cut and build 2.25 times the geometry it draws; the widest line here (the province's 10 px shadow, moved
 * 3 px) needs 16. The map's tiles are clipped to their own square when drawn, so the picture is the same.
 */
export const SHAPE_BUFFER = 32;

export function baseStyle(data: BaseData, lang: Lang, glyphs: string): StyleSpecification {
	return {
		version: 8,
		name: 'Sichuan Plan Atlas',
		glyphs,
		sources: {
			neighbours: { type: 'geojson', data: data.neighbours, buffer: SHAPE_BUFFER },
			province: { type: 'geojson', data: data.province, buffer: SHAPE_BUFFER },
			prefectures: { type: 'geojson', data: data.prefectures, buffer: SHAPE_BUFFER },
			counties: { type: 'geojson', data: data.counties, promoteId: 'code', buffer: SHAPE_BUFFER },
			'county-seats': { type: 'geojson', data: data.countySeats },
			'prefecture-seats': { type: 'geojson', data: data.prefectureSeats },
			rivers: { type: 'geojson', data: data.rivers, buffer: SHAPE_BUFFER },
			'river-labels': { type: 'geojson', data: data.riverLabels ?? riverLabelPoints(data.rivers) },
			// Filled after the first view (loadMinorRivers): faint context that need not delay it.
			'rivers-minor': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
		},
		// one GL program per layer type (shared-programs.ts)
		layers: [...baseLayers(), ...labelLayers(lang)].map(shareProgram)
	};
}

function baseLayers(): LayerSpecification[] {
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': theme.paper } },
		{
			id: 'neighbours-fill',
			type: 'fill',
			source: 'neighbours',
			paint: { 'fill-color': theme.neighbourFill, 'fill-antialias': false }
		},
		{
			id: 'neighbours-line',
			type: 'line',
			source: 'neighbours',
			paint: { 'line-color': theme.neighbourLine, 'line-width': 0.8 }
		},
		// A soft shadow lifts the province off the page, as printed atlases do.
		{
			id: 'province-shadow',
			type: 'line',
			source: 'province',
			paint: { 'line-color': theme.provinceHalo, 'line-width': 10, 'line-blur': 8, 'line-translate': [2, 3] }
		},
		{
			id: 'province-fill',
			type: 'fill',
			source: 'province',
			paint: { 'fill-color': theme.provinceFill, 'fill-antialias': false }
		},
		{
			id: 'county-fill',
			type: 'fill',
			source: 'counties',
			paint: {
				'fill-color': theme.countyFillHover,
				'fill-antialias': false,
				'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.9, 0]
			}
		},
		{
			id: 'county-line',
			type: 'line',
			source: 'counties',
			paint: {
				'line-color': theme.countyLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1]
			}
		},
		{
			id: 'rivers-minor',
			type: 'line',
			source: 'rivers-minor',
			// shown once its data has come (after the plan layers are drawn)
			layout: { 'line-join': 'round', 'line-cap': 'round', ...HIDDEN_UNTIL_DRAWN },
			paint: { 'line-color': theme.waterMinor, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 9, 0.9] }
		},
		{
			id: 'rivers-named',
			type: 'line',
			source: 'rivers',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': theme.water,
				'line-width': [
					'interpolate',
					['linear'],
					['zoom'],
					5,
					['match', ['get', 'rank'], 1, 1.6, 2, 1.1, 0.8],
					9,
					['match', ['get', 'rank'], 1, 3.2, 2, 2.2, 1.6]
				]
			}
		},
		{
			id: 'prefecture-line',
			type: 'line',
			source: 'prefectures',
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': theme.prefectureLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 1.6],
				'line-dasharray': [4, 1.5]
			}
		},
		// The county or prefecture whose "everything planned here" panel is open (filter set by placeHighlightFilter).
		...(['counties', 'prefectures'] as const).map((source): LayerSpecification => ({
			id: `${source}-highlight`,
			type: 'line',
			source,
			filter: placeHighlightFilter(null),
			// shown only while a place is highlighted (an empty layer still costs draw calls: see empty-layers.ts)
			layout: { 'line-join': 'round', ...HIDDEN_UNTIL_DRAWN },
			paint: { 'line-color': theme.accent, 'line-width': 2.6 }
		})),
		{
			id: 'province-line',
			type: 'line',
			source: 'province',
			layout: { 'line-join': 'round' },
			paint: { 'line-color': theme.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.4, 9, 2.6] }
		}
	];
}

/** Label layers for a language; also used to switch language on a live map (see applyLabelLanguage). */
export function labelLayers(lang: Lang): LayerSpecification[] {
	return [
		{
			id: 'label-neighbours',
			type: 'symbol',
			source: 'neighbours',
			maxzoom: NEIGHBOUR_LABEL_MAXZOOM,
			layout: {
				'text-field': labelText(lang),
				'text-font': [...fonts.bold],
				'text-size': 14,
				'text-letter-spacing': lang === 'zh' ? 0.6 : 0.15,
				'text-transform': lang === 'en' ? 'uppercase' : 'none',
				'symbol-placement': 'point'
			},
			paint: { 'text-color': theme.neighbourLabel, 'text-halo-color': theme.neighbourFill, 'text-halo-width': 1.2 }
		},
		riverLabelLayer('label-rivers', RIVER_LABEL_MINZOOM, true, lang),
		riverLabelLayer('label-rivers-more', RIVER_MORE_LABELS_MINZOOM, false, lang),
		{
			id: 'label-counties',
			type: 'symbol',
			source: 'county-seats',
			minzoom: COUNTY_LABEL_MINZOOM,
			layout: {
				'text-field': labelText(lang, 'label_zh'),
				'text-font': [...fonts.regular],
				'text-size': COUNTY_LABEL_SIZE,
				'text-padding': 3
			},
			paint: { 'text-color': theme.inkSoft, 'text-halo-color': theme.halo, 'text-halo-width': 1.4 }
		},
		{
			id: 'prefecture-seat',
			type: 'circle',
			source: 'prefecture-seats',
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.6, 9, 4],
				'circle-color': theme.provinceFill,
				'circle-stroke-color': theme.ink,
				'circle-stroke-width': 1.3
			}
		},
		{
			id: 'label-prefectures',
			type: 'symbol',
			source: 'prefecture-seats',
			layout: {
				'text-field': labelText(lang, 'label_zh'),
				'text-font': [...fonts.bold],
				'text-size': PREFECTURE_LABEL_SIZE,
				'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
				'text-radial-offset': 0.6,
				'text-padding': 2
			},
			paint: { 'text-color': theme.ink, 'text-halo-color': theme.halo, 'text-halo-width': 1.6 }
		}
	];
}

/** Layout properties that depend on the language; the only ones changed when switching. */
const LANGUAGE_LAYOUT_KEYS = ['text-field', 'text-letter-spacing', 'text-transform'] as const;

/** Switches base labels to another language on a live map without reloading the style. */
export function applyLabelLanguage(
	map: Pick<StyleMap, 'getLayer' | 'getLayoutProperty' | 'setLayoutProperty'>,
	lang: Lang
): void {
	for (const layer of labelLayers(lang)) {
		if (layer.type !== 'symbol' || !layer.layout || !map.getLayer(layer.id)) continue;
		const layout = layer.layout as Record<string, unknown>;
		for (const key of LANGUAGE_LAYOUT_KEYS) {
			// unchanged (the language the style was made in): no new frame asked for
			if (key in layout) setLayout(map as StyleMap, layer.id, key, layout[key]);
		}
	}
}

/** River names set horizontally beside the river; `primary` picks the one-per-river overview label. */
function riverLabelLayer(id: string, minzoom: number, primary: boolean, lang: Lang): LayerSpecification {
	return {
		id,
		type: 'symbol',
		source: 'river-labels',
		minzoom,
		filter: ['==', ['get', 'primary'], primary],
		layout: {
			'symbol-sort-key': ['get', 'rank'],
			'text-field': labelText(lang, 'name_zh', 'name_en'),
			'text-font': [...fonts.regular],
			'text-size': ['interpolate', ['linear'], ['zoom'], 5.5, ['match', ['get', 'rank'], 1, 12, 11], 9, 14],
			'text-letter-spacing': lang === 'zh' ? 0.25 : 0.04,
			// Beside the river, not on it: the line stays visible under the name.
			'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
			'text-radial-offset': 0.5,
			'text-padding': 4
		},
		paint: { 'text-color': theme.waterLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.4 }
	};
}

/** The layers that outline the county or prefecture whose panel is open. */
export const PLACE_HIGHLIGHT_LAYERS = { county: 'counties-highlight', prefecture: 'prefectures-highlight' } as const;

/** Filter of the place highlight layers: the feature with this code, or nothing. */
export function placeHighlightFilter(code: string | null): FilterSpecification {
	return ['==', ['get', 'code'], code ?? '—'];
}
