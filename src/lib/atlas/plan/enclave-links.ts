/**
 * Enclave (飞地) links: each enclave park joined to the prefecture that owns it, from the owner's seat to the park.
 */
import type { Position } from 'geojson';
import type { PlanMapFeature } from '$lib/data/plan-data';

export interface EnclaveLink {
	id: string;
	parkId: string;
	homeCode: string;
	from: Position;
	to: Position;
}

export function enclaveLinks(features: PlanMapFeature[], prefectureSeats: Map<string, Position>): EnclaveLink[] {
	const links: EnclaveLink[] = [];
	for (const f of features) {
		const { kind, home_prefecture_code: home, id } = f.properties;
		const from = home && prefectureSeats.get(home);
		if (kind !== 'enclave_park' || !from || f.geometry.type !== 'Point') continue;
		links.push({ id: `link-${id}`, parkId: id, homeCode: home, from, to: f.geometry.coordinates });
	}
	return links;
}

/**
 * The links to draw: all of them when the layer is on; otherwise those with an end selected — the park itself, or a
 * place in the owning prefecture (the prefecture, or one of its counties).
 */
export function shownLinks(links: EnclaveLink[], layerOn: boolean, selected: string | null): EnclaveLink[] {
	if (layerOn) return links;
	if (!selected) return [];
	const placeCode = selected.match(/^(county|prefecture)-(\d{6})$/)?.[2];
	const prefecture = placeCode && placeCode.slice(0, 4) + '00';
	return links.filter((l) => l.parkId === selected || l.homeCode === prefecture);
}
