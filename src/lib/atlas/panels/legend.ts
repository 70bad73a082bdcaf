/**
 * Legend entries of each atlas layer: the families of kinds its features have, with their colours and how many.
 */
import type { PlanMapFeature } from '$lib/data/plan-data';
import { KIND_FAMILIES, familyOf, type KindFamily } from '$lib/style/plan-palette';

export interface LegendEntry {
	family: KindFamily;
	colour: string;
	kinds: string[];
	count: number;
	shape: 'point' | 'line' | 'area';
}

export function legendFor(layer: string, features: PlanMapFeature[]): LegendEntry[] {
	const by = new Map<string, LegendEntry>();
	for (const f of features) {
		if (!f.properties.layers.includes(layer)) continue;
		const family = familyOf(f.properties.kind);
		const shape = f.geometry.type === 'Point' ? 'point' : f.geometry.type === 'LineString' ? 'line' : 'area';
		const key = `${family}|${shape}`;
		const e = by.get(key) ?? { family, colour: KIND_FAMILIES[family].colour, kinds: [], count: 0, shape };
		if (!e.kinds.includes(f.properties.kind)) e.kinds.push(f.properties.kind);
		e.count++;
		by.set(key, e);
	}
	return [...by.values()].sort((a, b) => b.count - a.count);
}
