/**
 * The deck.gl layers of the atlas, built from state by pure factories with stable ids: plan points (exact sites filled,
 * points standing in at a seat drawn as rings — the map says how precisely it knows), power lines, enclave arcs.
 * This module pulls in deck.gl and is loaded only when plan layers are first drawn.
 */
import { ArcLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import { hexToRgb, kindColour, KIND_FAMILIES, type Rgb } from '$lib/style/plan-palette';
import { theme } from '$lib/style/theme';
import type { EnclaveLink } from './enclave-links';
import { stackLabel, type SeatStack } from '../stacks/seat-stacks';

export interface DeckState {
	points: PlanFeature[];
	powerLines: PlanFeature[];
	links: EnclaveLink[];
	selected: string | null;
	/** Ids the industry filter matches; null when no filter. */
	matching: Set<string> | null;
	hovered: string | null;
	/** Points standing at one seat, drawn as one mark with a count (their members are not in `points`). */
	stacks: SeatStack[];
	/** Key of the stack whose list is open. */
	openStack: string | null;
}

const DIM_ALPHA = 45;
const ACCENT = hexToRgb(theme.accent);
const WHITE: Rgb = [255, 255, 255];
/** Kinds whose points are drawn larger: the plans' headline sites. */
const MAJOR = new Set(['enclave_park', 'zone', 'hydro_station', 'park', 'mine', 'airport']);

const isPrecise = (f: PlanFeature) => ['site', 'town'].includes(f.properties.location.precision);
const alpha = (s: DeckState, id: string) => (s.matching && !s.matching.has(id) ? DIM_ALPHA : 255);

export function pointRadius(f: PlanFeature, s: DeckState): number {
	const base = MAJOR.has(f.properties.kind) ? 6 : 4.5;
	return f.properties.id === s.selected ? base + 4 : f.properties.id === s.hovered ? base + 2 : base;
}

/** Radius (px) of a stack's mark, a little larger with more members so a busy seat reads as busy. */
export function stackRadius(stack: SeatStack): number {
	return Math.min(15, 9 + Math.log2(stack.members.length));
}

const INK: Rgb = hexToRgb(theme.ink);

/** A key that changes whenever the emphasised set does (a new filter gives a new Set, even of the same size). */
const setKeys = new WeakMap<Set<string>, number>();
let nextSetKey = 0;
function setKey(set: Set<string> | null): string {
	if (!set) return 'all';
	let k = setKeys.get(set);
	if (k === undefined) setKeys.set(set, (k = ++nextSetKey));
	return String(k);
}

/**
 * The deck.gl layers for the atlas state. A layer with nothing to draw is left out: deck.gl would still compile its
 * shaders, which in software WebGL holds the first plan view back (the default view has no power lines or arcs).
 */
export function planDeckLayers(s: DeckState, beforeId: string): Layer[] {
	return allPlanDeckLayers(s, beforeId).filter((layer) => (layer.props.data as unknown[]).length > 0);
}

function allPlanDeckLayers(s: DeckState, beforeId: string): Layer[] {
	const key = `${s.selected}|${s.hovered}|${setKey(s.matching)}|${s.openStack}`;
	const has = (stack: SeatStack, id: string | null) => !!id && stack.members.includes(id);
	const stackAlpha = (stack: SeatStack) => (stack.matching ? 255 : DIM_ALPHA * 2);
	const filtering = !!s.matching;
	return [
		new PathLayer<PlanFeature>({
			id: 'plan-power-lines',
			...interleaved(beforeId),
			data: s.powerLines,
			getPath: (f) => (f.geometry.type === 'LineString' ? (f.geometry.coordinates as Position[]) : []) as never,
			getColor: (f) =>
				[
					...(f.properties.id === s.selected ? ACCENT : hexToRgb(KIND_FAMILIES.grid.colour)),
					Math.min(200, alpha(s, f.properties.id))
				] as never,
			getWidth: (f) => (f.properties.id === s.selected ? 4.5 : 2),
			widthUnits: 'pixels',
			capRounded: true,
			jointRounded: true,
			pickable: true,
			updateTriggers: { getColor: key, getWidth: key }
		}),
		new ArcLayer<EnclaveLink>({
			id: 'enclave-arcs',
			...interleaved(beforeId),
			data: s.links,
			getSourcePosition: (l) => l.from as never,
			getTargetPosition: (l) => l.to as never,
			getSourceColor: [...hexToRgb(KIND_FAMILIES.enclave.colour), 120] as never,
			getTargetColor: [...hexToRgb(KIND_FAMILIES.enclave.colour), 255] as never,
			getWidth: (l) => (l.parkId === s.selected ? 4 : 2.5),
			getHeight: 0.35,
			// Tilted onto the ground so the arc reads as a curve in the usual top-down view.
			getTilt: 80,
			widthUnits: 'pixels',
			pickable: true,
			updateTriggers: { getWidth: key }
		}),
		new ScatterplotLayer<PlanFeature>({
			id: 'plan-points',
			...interleaved(beforeId),
			data: s.points,
			getPosition: (f) => (f.geometry.type === 'Point' ? f.geometry.coordinates : [0, 0]) as never,
			radiusUnits: 'pixels',
			getRadius: (f) => pointRadius(f, s),
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: (f) => (f.properties.id === s.selected ? 3 : isPrecise(f) ? 1.2 : 2),
			getFillColor: (f) =>
				[...(isPrecise(f) ? hexToRgb(kindColour(f.properties.kind)) : WHITE), alpha(s, f.properties.id)] as never,
			getLineColor: (f) =>
				[
					...(f.properties.id === s.selected ? ACCENT : isPrecise(f) ? WHITE : hexToRgb(kindColour(f.properties.kind))),
					alpha(s, f.properties.id)
				] as never,
			pickable: true,
			updateTriggers: { getRadius: key, getLineWidth: key, getFillColor: key, getLineColor: key }
		}),
		new ScatterplotLayer<SeatStack>({
			id: 'seat-stacks',
			...interleaved(beforeId),
			data: s.stacks,
			getPosition: (x) => x.position as never,
			radiusUnits: 'pixels',
			getRadius: (x) => stackRadius(x) + (has(x, s.hovered) || x.key === s.openStack ? 2 : 0),
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: (x) => (has(x, s.selected) || x.key === s.openStack ? 3 : 1.5),
			getFillColor: (x) => [...WHITE, stackAlpha(x)] as never,
			getLineColor: (x) => [...(has(x, s.selected) ? ACCENT : INK), stackAlpha(x)] as never,
			pickable: true,
			updateTriggers: { getRadius: key, getLineWidth: key, getFillColor: key, getLineColor: key }
		}),
		new TextLayer<SeatStack>({
			id: 'seat-stack-counts',
			...interleaved(beforeId),
			data: s.stacks,
			getPosition: (x) => x.position as never,
			getText: (x) => stackLabel(x, filtering),
			getSize: (x) => (stackLabel(x, filtering).length > 3 ? 9 : 11),
			getColor: (x) => [...(has(x, s.selected) ? ACCENT : INK), stackAlpha(x)] as never,
			fontFamily: 'system-ui, sans-serif',
			fontWeight: 600,
			characterSet: '0123456789/',
			getTextAnchor: 'middle',
			getAlignmentBaseline: 'center',
			pickable: false,
			updateTriggers: { getText: key, getSize: key, getColor: key }
		})
	];
}

/** `beforeId` places a layer among MapLibre's layers (MapLibreOverlay, interleaved); deck's own types omit it. */
function interleaved(beforeId: string): object {
	return { beforeId };
}
