/**
 * The plan's points and seat stacks drawn by MapLibre (circle and symbol layers), as code: exact sites filled with
 * their kind's colour, points standing in at a seat drawn as rings (the map says how precisely it knows), and one mark
 * with a count per seat stack. They sit above the plan's lines and below the plan labels.
 *
 * Why MapLibre and not deck.gl (issue 12, measured with `npm run bench`): in software WebGL (SwiftShader, what many
 * office PCs and remote desktops have) an interleaved deck.gl overlay adds its own draw passes to every map frame and
 * delays the first plan view by compiling its shaders; ~600 circles are what MapLibre's circle layer draws cheaply.
 * deck.gl stays for power lines, enclave arcs and users' points (src/lib/atlas/plan/plan-deck-layers.ts).
 *
 * Sizes follow the deck.gl layers they replace: deck.gl centres a point's stroke on its radius, MapLibre draws it
 * outside the circle, so the circle's radius here is the mark's radius less half the stroke.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { SeatStack } from '$lib/atlas/stacks/seat-stacks';
import { stackLabel } from '$lib/atlas/stacks/seat-stacks';
import { fonts, theme } from './theme';
import { PLAN_SOURCE, visibleFilter } from './plan-style';

export const PLAN_POINT_LAYER = 'plan-points';
export const STACK_SOURCE = 'seat-stacks';
export const STACK_LAYER = 'seat-stacks';
export const STACK_COUNT_LAYER = 'seat-stack-counts';
/** The layers a click or hover can find a plan point or a stack on, top first. */
export const POINT_HIT_LAYERS = [STACK_LAYER, PLAN_POINT_LAYER] as const;

/** Opacity of what the industry filter does not match: present, but in the background (deck.gl's alpha 45/255). */
export const DIM_OPACITY = 45 / 255;
/** A stack none of whose members match stays easier to see than a single point: it stands for several. */
export const STACK_DIM_OPACITY = 90 / 255;
/** Kinds whose points are drawn larger: the plans' headline sites. */
export const MAJOR_KINDS = ['enclave_park', 'zone', 'hydro_station', 'park', 'mine', 'airport'] as const;
/** Point radius (px, stroke included) of a headline kind and of the rest; a selected point grows by 4, a hovered one by 2. */
const MAJOR_RADIUS = 6;
const MINOR_RADIUS = 4.5;
const WHITE = '#ffffff';

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const selected = state('selected');
const hovered = state('hovered');
const dimmed = state('dimmed');
const precise: ExpressionSpecification = ['boolean', ['get', 'precise'], false];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

const lineWidth: ExpressionSpecification = ['case', selected, 3, precise, 1.2, 2];
const radius: ExpressionSpecification = [
	'+',
	['match', ['get', 'kind'], [...MAJOR_KINDS], MAJOR_RADIUS, MINOR_RADIUS],
	['case', selected, 4, hovered, 2, 0]
];
const opacity: ExpressionSpecification = ['case', dimmed, DIM_OPACITY, 1];

/** The plan points layer, showing only the listed ids (the visible points not gathered in a seat stack). */
export function planPointLayer(pointIds: readonly string[]): LayerSpecification {
	return {
		id: PLAN_POINT_LAYER,
		type: 'circle',
		source: PLAN_SOURCE,
		filter: planPointFilter(pointIds),
		paint: {
			'circle-radius': ['-', radius, ['/', lineWidth, 2]],
			'circle-stroke-width': lineWidth,
			'circle-color': ['case', precise, ['get', 'colour'], WHITE],
			'circle-stroke-color': ['case', selected, theme.accent, precise, WHITE, ['get', 'colour']],
			'circle-opacity': opacity,
			'circle-stroke-opacity': opacity
		}
	};
}

export function planPointFilter(pointIds: readonly string[]): FilterSpecification {
	return visibleFilter(pointIds, isPoint);
}

/** The seat stacks' marks and counts (their look is computed per stack in stackCollection). */
export function stackLayers(): LayerSpecification[] {
	return [
		{
			id: STACK_LAYER,
			type: 'circle',
			source: STACK_SOURCE,
			paint: {
				'circle-radius': ['-', ['get', 'radius'], ['/', ['get', 'lineWidth'], 2]],
				'circle-stroke-width': ['get', 'lineWidth'],
				'circle-color': WHITE,
				'circle-stroke-color': ['get', 'stroke'],
				'circle-opacity': ['get', 'opacity'],
				'circle-stroke-opacity': ['get', 'opacity']
			}
		},
		{
			id: STACK_COUNT_LAYER,
			type: 'symbol',
			source: STACK_SOURCE,
			layout: {
				'text-field': ['get', 'label'],
				'text-font': [...fonts.bold],
				'text-size': ['get', 'size'],
				// A count belongs to its mark: always shown, and it hides no plan label.
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': ['get', 'stroke'], 'text-opacity': ['get', 'opacity'] }
		}
	];
}

/** Radius (px) of a stack's mark, a little larger with more members so a busy seat reads as busy. */
export function stackRadius(stack: SeatStack): number {
	return Math.min(15, 9 + Math.log2(stack.members.length));
}

export interface StackLook {
	selected: string | null;
	hovered: string | null;
	openStack: string | null;
	/** The industry filter is on (counts read "matching/all"). */
	filtering: boolean;
}

/** The stacks as GeoJSON for STACK_SOURCE, each with the look the layers read (size, stroke, opacity, count). */
export function stackCollection(stacks: SeatStack[], look: StackLook): FeatureCollection<Point> {
	const has = (stack: SeatStack, id: string | null) => !!id && stack.members.includes(id);
	return {
		type: 'FeatureCollection',
		features: stacks.map((stack) => {
			const open = stack.key === look.openStack;
			const label = stackLabel(stack, look.filtering);
			return {
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [...stack.position] },
				properties: {
					key: stack.key,
					radius: stackRadius(stack) + (has(stack, look.hovered) || open ? 2 : 0),
					lineWidth: has(stack, look.selected) || open ? 3 : 1.5,
					stroke: has(stack, look.selected) ? theme.accent : theme.ink,
					opacity: stack.matching ? 1 : STACK_DIM_OPACITY,
					label,
					size: label.length > 3 ? 9 : 11
				}
			};
		})
	};
}
