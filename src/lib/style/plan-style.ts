/**
 * The plan layers drawn by MapLibre (areas, lines and every plan label), as code. Points, power lines and enclave arcs
 * are drawn by deck.gl (src/lib/atlas/plan/plan-deck-layers.ts) between these and the labels.
 *
 * Feature properties used here are prepared by `mapFeatureProps` (src/lib/atlas/plan/map-features.ts): `id`, `kind`,
 * `family`, `colour` (symbol colour), `fill` (area hue), `rank` (label priority, lower first), `label_zh`, `label_en`.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { fonts, theme } from './theme';
import { labelText, type Lang } from './labels';

export const PLAN_SOURCE = 'plan';
export const PLAN_LABEL_SOURCE = 'plan-labels';

export const PLAN_LABEL_LAYERS = ['plan-label-point', 'plan-label-line', 'plan-label-area'] as const;

/** Line widths (px at zoom 6) by kind: the structures the plans are organised around read first. */
const LINE_WIDTH: Record<string, number> = {
	axis: 4,
	belt: 3,
	hydro_base: 3,
	corridor: 1.6,
	railway: 1.8,
	pipeline: 1.4
};

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const dimmed: ExpressionSpecification = ['boolean', ['feature-state', 'dimmed'], false];
/** Pointed at in a list or table (the map shows which one). */
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hovered'], false];
/** Area kinds that divide space (drawn filled, with a solid edge); other areas are drawn as dashed outlines. */
export const PARTITION_KINDS = ['economic_region', 'subregion', 'new_district', 'metro_circle'] as const;

const isArea: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];

/** Only the features whose ids are listed (the visible layers' features). */
export function visibleFilter(ids: readonly string[], extra: ExpressionSpecification): FilterSpecification {
	return ['all', extra, ['in', ['get', 'id'], ['literal', [...ids]]]] as FilterSpecification;
}

export function planLayers(lang: Lang, visibleIds: readonly string[]): LayerSpecification[] {
	return [
		{
			id: 'plan-area-fill',
			type: 'fill',
			source: PLAN_SOURCE,
			filter: visibleFilter(visibleIds, isArea),
			paint: {
				'fill-color': ['get', 'fill'],
				'fill-opacity': [
					'case',
					selected,
					0.32,
					hovered,
					0.24,
					dimmed,
					0.03,
					[
						'match',
						['get', 'kind'],
						[...PARTITION_KINDS],
						['match', ['get', 'kind'], 'economic_region', 0.1, 0.17],
						0.06
					]
				]
			}
		},
		{
			// Partitions (regions, sub-regions, new districts) get a solid edge …
			id: 'plan-area-line',
			type: 'line',
			source: PLAN_SOURCE,
			filter: visibleFilter(visibleIds, ['all', isArea, ['in', ['get', 'kind'], ['literal', [...PARTITION_KINDS]]]]),
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': ['get', 'fill'],
				'line-width': ['case', selected, 3, hovered, 2.6, 1.4],
				'line-opacity': ['case', dimmed, 0.25, 0.9]
			}
		},
		{
			// … bases, zones and constraints defined by counties a dashed one: they overlap, and they are not boundaries.
			id: 'plan-area-dashed',
			type: 'line',
			source: PLAN_SOURCE,
			filter: visibleFilter(visibleIds, [
				'all',
				isArea,
				['!', ['in', ['get', 'kind'], ['literal', [...PARTITION_KINDS]]]]
			]),
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': ['get', 'fill'],
				'line-width': ['case', selected, 3, hovered, 2.6, 1.3],
				'line-dasharray': [3, 2],
				'line-opacity': ['case', dimmed, 0.25, 0.85]
			}
		},
		{
			id: 'plan-line-casing',
			type: 'line',
			source: PLAN_SOURCE,
			filter: visibleFilter(visibleIds, isLine),
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': theme.halo,
				'line-width': ['+', 3, widthByKind()] as ExpressionSpecification,
				'line-opacity': ['case', dimmed, 0.2, 0.85]
			}
		},
		{
			id: 'plan-line',
			type: 'line',
			source: PLAN_SOURCE,
			filter: visibleFilter(visibleIds, isLine),
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': ['case', selected, theme.accent, hovered, theme.accent, ['get', 'colour']],
				'line-width': ['*', ['case', selected, 1.6, hovered, 1.4, 1], widthByKind()] as ExpressionSpecification,
				'line-opacity': ['case', dimmed, 0.2, 0.9]
			}
		}
	];
}

/** Plan labels sit above deck.gl's points but below the base map's place names. */
export function planLabelLayers(lang: Lang, visibleIds: readonly string[]): LayerSpecification[] {
	const text = labelText(lang, 'label_zh', 'label_en');
	const paint = {
		'text-color': [
			'case',
			selected,
			theme.accent,
			dimmed,
			theme.inkFaint,
			['get', 'colour']
		] as ExpressionSpecification,
		'text-halo-color': theme.halo,
		'text-halo-width': 1.5
	};
	const ids = (placement: string): FilterSpecification =>
		visibleFilter(visibleIds, ['==', ['get', 'placement'], placement]);
	// Bottom to top; MapLibre places the top layer's labels first, so area names win over line and point names.
	return [
		{
			id: 'plan-label-point',
			type: 'symbol',
			source: PLAN_LABEL_SOURCE,
			filter: ids('point'),
			minzoom: 6,
			layout: {
				'symbol-sort-key': ['get', 'rank'],
				'text-field': text,
				'text-font': [...fonts.regular],
				'text-size': ['interpolate', ['linear'], ['zoom'], 6, 10.5, 10, 13],
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.7,
				'text-max-width': 9,
				'text-padding': 2,
				'text-optional': true
			},
			paint
		},
		{
			id: 'plan-label-line',
			type: 'symbol',
			source: PLAN_LABEL_SOURCE,
			filter: ids('line'),
			layout: {
				'symbol-sort-key': ['get', 'rank'],
				'text-field': text,
				'text-font': [...fonts.regular],
				'text-size': ['interpolate', ['linear'], ['zoom'], 5.5, 11, 9, 13],
				'text-max-width': 8,
				'text-padding': 4
			},
			paint
		},
		{
			id: 'plan-label-area',
			type: 'symbol',
			source: PLAN_LABEL_SOURCE,
			filter: ids('area'),
			layout: {
				'symbol-sort-key': ['get', 'rank'],
				'text-field': text,
				'text-font': [...fonts.bold],
				'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 9, 15],
				'text-max-width': 7,
				'text-padding': 6
			},
			paint
		}
	];
}

function widthByKind(): ExpressionSpecification {
	return [
		'match',
		['get', 'kind'],
		...Object.entries(LINE_WIDTH).flatMap(([k, w]) => [k, w]),
		1.4
	] as unknown as ExpressionSpecification;
}
