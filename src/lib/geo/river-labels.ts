/**
 * Label points for named rivers. Chinese names read badly when bent along a winding line (each character turns with the
 * river), so atlases set them horizontally beside the river at intervals; this picks those places.
 */
import { along, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Position } from 'geojson';

/** One label per this many km of river, so long rivers are named more than once. */
export const RIVER_LABEL_INTERVAL_KM = 140;
/** Keep labels off the very ends, where rivers meet others or leave the map. */
const END_MARGIN_SHARE = 0.12;

interface RiverProps {
	name_zh: string | null;
	name_en: string | null;
	rank: number;
}

export interface RiverLabelProps extends RiverProps {
	/** Distance along the river (km). */
	km: number;
	/** The one label of this river shown at overview scales. */
	primary: boolean;
}

/** Points along each named river (its longest part), evenly spaced, each carrying the river's names and rank. */
export function riverLabelPoints(rivers: FeatureCollection): FeatureCollection<Point, RiverLabelProps> {
	const features: Feature<Point, RiverLabelProps>[] = [];
	for (const f of rivers.features as Feature<LineString | MultiLineString, RiverProps>[]) {
		if (!f.properties?.name_zh || !f.geometry) continue;
		const line = longestPart(f.geometry);
		if (line.length < 2) continue;
		const ls = lineString(line);
		const km = length(ls, { units: 'kilometers' });
		const count = Math.max(1, Math.round(km / RIVER_LABEL_INTERVAL_KM));
		const usable = km * (1 - 2 * END_MARGIN_SHARE);
		for (let i = 0; i < count; i++) {
			const at = km * END_MARGIN_SHARE + (usable * (i + 0.5)) / count;
			// The middle label names the river at overview scales; the others join when zoomed in.
			const primary = i === Math.floor(count / 2);
			features.push({
				...along(ls, at, { units: 'kilometers' }),
				properties: { ...f.properties, km: Math.round(at), primary }
			});
		}
	}
	return { type: 'FeatureCollection', features };
}

function longestPart(g: LineString | MultiLineString): Position[] {
	if (g.type === 'LineString') return g.coordinates;
	let best: Position[] = [];
	let bestKm = -1;
	for (const part of g.coordinates) {
		if (part.length < 2) continue;
		const km = length(lineString(part));
		if (km > bestKm) [best, bestKm] = [part, km];
	}
	return best;
}
