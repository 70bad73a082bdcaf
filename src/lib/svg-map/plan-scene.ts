/**
 * What the SVG renderer draws of the plan, from the plan's features and the atlas state — the same decisions as the
 * live map (visible layers, seat stacks, labels left to stack lists, enclave links shown, emphasis). Pure.
 */
import type { Feature, Geometry, Point, Position } from 'geojson';
import type { PlanMapFeature } from '$lib/data/plan-data';
import { mapCollections, mapProps, type MapProps } from '$lib/atlas/plan/map-features';
import { pointsIn, visibleIds } from '$lib/atlas/plan/visibility';
import { seatStacks, type SeatStack } from '$lib/atlas/stacks/seat-stacks';
import { enclaveLinks, shownLinks } from '$lib/atlas/plan/enclave-links';
import type { SvgPlan } from './render-svg';

/** Drawing-ready collections of the plan, computed once per plan (label points cost a few ms). */
export interface PlanDrawing {
	features: PlanMapFeature[];
	shapes: Feature<Geometry, MapProps>[];
	labels: Feature<Point, MapProps>[];
	layersById: Map<string, readonly string[]>;
	links: ReturnType<typeof enclaveLinks>;
}

export function planDrawing(features: PlanMapFeature[], prefectureSeats: Map<string, Position>): PlanDrawing {
	const props = mapProps(features);
	const { shapes, labels } = mapCollections(features, props);
	return {
		features,
		shapes: shapes.features.filter((f) => f.geometry.type !== 'Point') as Feature<Geometry, MapProps>[],
		labels: labels.features as Feature<Point, MapProps>[],
		layersById: new Map(features.map((f) => [f.properties.id, f.properties.layers])),
		links: enclaveLinks(features, prefectureSeats)
	};
}

export interface SceneState {
	layers: readonly string[];
	selected: string | null;
	hovered?: string | null;
	/** Ids the filters emphasise; null: no filter. */
	matching: ReadonlySet<string> | null;
	/** Already computed by the atlas (visible ids, stacks): reused instead of recomputed. */
	visible?: readonly string[];
	grouped?: { stacks: SeatStack[]; singles: PlanMapFeature[] };
}

export function planScene(drawing: PlanDrawing, state: SceneState): SvgPlan {
	const visible = state.visible ?? visibleIds(drawing.features, state.layers);
	const visibleSet = new Set(visible);
	const grouped =
		state.grouped ?? seatStacks(pointsIn(drawing.features, visible), (state.matching as Set<string>) ?? null);
	const stacked = new Set(grouped.stacks.flatMap((s) => s.members));
	const labelled = new Set(visible.filter((id) => !stacked.has(id) || id === state.selected));
	return {
		shapes: drawing.shapes.filter((f) => f.properties.kind !== 'power_line'),
		labels: drawing.labels,
		visible: visibleSet,
		labelled,
		points: grouped.singles,
		stacks: grouped.stacks,
		powerLines: drawing.features.filter(
			(f) => visibleSet.has(f.properties.id) && f.properties.kind === 'power_line' && f.geometry.type === 'LineString'
		),
		links: shownLinks(drawing.links, state.layers.includes('enclave-links'), state.selected),
		selected: state.selected,
		hovered: state.hovered ?? null,
		matching: state.matching,
		layers: state.layers,
		layersOf: (id) => drawing.layersById.get(id) ?? []
	};
}
