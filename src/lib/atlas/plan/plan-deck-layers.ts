/**
 * The plan's deck.gl layers, built from state by pure factories with stable ids: power lines and enclave arcs.
 * Plan points and seat stacks are drawn by MapLibre (src/lib/style/plan-point-style.ts: cheaper frames in software
 * WebGL). This module pulls in deck.gl and is loaded only when one of these layers has something to draw.
 */
import { ArcLayer, PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import type { PlanMapFeature } from '$lib/data/plan-data';
import { hexToRgb, KIND_FAMILIES } from '$lib/style/plan-palette';
import { theme } from '$lib/style/theme';
import type { EnclaveLink } from './enclave-links';

export interface DeckState {
	powerLines: PlanMapFeature[];
	links: EnclaveLink[];
	selected: string | null;
	/** Ids the industry filter matches; null when no filter. */
	matching: Set<string> | null;
}

const DIM_ALPHA = 45;
const ACCENT = hexToRgb(theme.accent);
const alpha = (s: DeckState, id: string) => (s.matching && !s.matching.has(id) ? DIM_ALPHA : 255);

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
 * shaders, which in software WebGL holds the first plan view back.
 */
export function planDeckLayers(s: DeckState, beforeId: string): Layer[] {
	return allPlanDeckLayers(s, beforeId).filter((layer) => (layer.props.data as unknown[]).length > 0);
}

function allPlanDeckLayers(s: DeckState, beforeId: string): Layer[] {
	const key = `${s.selected}|${setKey(s.matching)}`;
	return [
		new PathLayer<PlanMapFeature>({
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
		})
	];
}

/** `beforeId` places a layer among MapLibre's layers (MapLibreOverlay, interleaved); deck's own types omit it. */
function interleaved(beforeId: string): object {
	return { beforeId };
}
