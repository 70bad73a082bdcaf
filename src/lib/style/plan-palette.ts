/**
 * Colours of the plan layers. Points are coloured by what they are (a family of kinds), so a hydro station looks the
 * same wherever it comes from; areas of a partition (economic regions, sub-regions) get distinct soft hues so
 * neighbours never share one. Shared by the MapLibre style and the deck.gl layers.
 */
export type Rgb = [number, number, number];

/** Families of kinds that share a symbol colour, in legend order. */
export const KIND_FAMILIES = {
	hydro: { kinds: ['hydro_station', 'hydro_base', 'energy_storage'], colour: '#1f78b4' },
	solar: { kinds: ['pv_base', 'pv_site'], colour: '#e39b00' },
	wind: { kinds: ['wind_base', 'wind_site'], colour: '#2a9d8f' },
	grid: { kinds: ['power_line', 'pipeline', 'gas_field', 'shale_gas_zone', 'geothermal'], colour: '#7b3fa0' },
	enclave: { kinds: ['enclave_park'], colour: '#c0392b' },
	parks: { kinds: ['park', 'zone', 'sub_base', 'cluster', 'industry_base', 'new_district'], colour: '#2c4a8a' },
	mines: { kinds: ['mine'], colour: '#7a5230' },
	bases: {
		kinds: ['project', 'data_centre', 'craft_base', 'food_base', 'medicine_base', 'oxygen_hub'],
		colour: '#8e5a9b'
	},
	transport: { kinds: ['port', 'airport', 'logistics_hub', 'railway', 'corridor'], colour: '#52606d' },
	structure: {
		kinds: ['axis', 'belt', 'central_city', 'metro_circle', 'node_county', 'subregion', 'economic_region', 'target'],
		colour: '#a4452c'
	},
	ecology: { kinds: ['eco_zone', 'national_park'], colour: '#3f7f3a' }
} as const;

export type KindFamily = keyof typeof KIND_FAMILIES;

const FAMILY_OF_KIND = new Map<string, KindFamily>(
	Object.entries(KIND_FAMILIES).flatMap(([family, f]) => f.kinds.map((k) => [k, family as KindFamily]))
);

export function familyOf(kind: string): KindFamily {
	return FAMILY_OF_KIND.get(kind) ?? 'bases';
}

export function kindColour(kind: string): string {
	return KIND_FAMILIES[familyOf(kind)].colour;
}

/**
 * Soft categorical hues for partitions (Tableau 10, which stays distinguishable at low opacity): d3-scale-chromatic's
 * `schemeTableau10`, written out so the first view does not load that module (its interpolators are 11 KB gzip; the
 * unit test holds the two equal).
 */
export const PARTITION_HUES: readonly string[] = [
	'#4e79a7',
	'#f28e2c',
	'#e15759',
	'#76b7b2',
	'#59a14f',
	'#edc949',
	'#af7aa1',
	'#ff9da7',
	'#9c755f',
	'#bab0ab'
];

/** A stable hue for one member of a partition, by its position in the partition's sorted id list. */
export function partitionHue(index: number): string {
	return PARTITION_HUES[index % PARTITION_HUES.length];
}

export function hexToRgb(hex: string): Rgb {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
