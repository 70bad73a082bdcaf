/**
 * Which atlas layers are on when the atlas opens: the spatial structures of the Ganzi and Aba plans, readable at a
 * glance. Energy, projects and the dense economic-region inventories are a click away; enclave arcs appear for a
 * selected park or owner.
 */
import { LAYER_IDS } from '../../data/vocab';

export const DEFAULT_LAYERS: readonly string[] = [
	'ganzi-poles-cores',
	'ganzi-axes-belt',
	'aba-subregions',
	'aba-parks'
];

/** Layers that are not a group of features but drawn from them (enclave arcs). */
export const DERIVED_LAYERS = ['enclave-links'] as const;

/** Every layer id the atlas knows: the data layers of data/vocab/layers.json plus the derived ones. */
export const ALL_LAYER_IDS: readonly string[] = [...LAYER_IDS, ...DERIVED_LAYERS];
