/**
 * What the live map draws over the plan in answer to the reader, for the SVG renderer (render-svg.ts): the industry
 * lens's shading (regions by how many features plan an industry, beneath the county lines) and the current spatial
 * answer (the drawn shape, the "near" buffer, the features listed, the "what is here" marker), with the live map's
 * colours and widths (src/lib/atlas/lens/LensLayer.svelte, src/lib/atlas/query/QueryLayers.svelte). Pure.
 */
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { theme } from '$lib/style/theme';
import { escapeXml, fmt, NON_SCALING } from './xml';

export interface SvgRegionFill {
	level: 'county' | 'prefecture';
	/** Fill colour of each region shaded (GB/T 2260 code → CSS colour). */
	colors: ReadonlyMap<string, string>;
	opacity: number;
}

export interface SvgQueryOverlay {
	/** A shape drawn by the reader (or restored from a link). */
	drawn: Geometry | null;
	buffer: FeatureCollection;
	hits: FeatureCollection;
	marker: FeatureCollection;
}

/** Regions filled from `fill.colors`, on the base map's counties or prefectures; `attr` names the group. */
export function regionFillSvg(
	fill: SvgRegionFill,
	places: { county: FeatureCollection; prefecture: FeatureCollection },
	d: (g: Feature) => string,
	attr: string
): string {
	const paths = places[fill.level].features.flatMap((f) => {
		const code = String(f.properties?.code ?? '');
		const color = fill.colors.get(code);
		const path = color ? d(f) : '';
		return path ? [`<path data-code="${escapeXml(code)}" d="${path}" fill="${escapeXml(color!)}"/>`] : [];
	});
	return paths.length ? `<g ${attr} fill-opacity="${fill.opacity}">${paths.join('')}</g>` : '';
}

/** The spatial answer over the plan, as QueryLayers draws it. */
export function queryOverlaySvg(
	query: SvgQueryOverlay,
	d: (g: Feature | FeatureCollection) => string,
	px: (p: Position) => [number, number]
): string {
	const accent = theme.accent;
	const out: string[] = [];
	const area = (g: Feature | FeatureCollection, fillOpacity: number, stroke: string) => {
		const path = d(g);
		if (path)
			out.push(
				`<path d="${path}" fill="${accent}" fill-opacity="${fillOpacity}" stroke="${accent}" ${stroke} ${NON_SCALING}/>`
			);
	};
	if (query.drawn) area({ type: 'Feature', properties: {}, geometry: query.drawn }, 0.06, 'stroke-width="2"');
	if (query.buffer.features.length) area(query.buffer, 0.08, 'stroke-width="1.5" stroke-dasharray="4.5 3"');
	const lines = query.hits.features.filter((f) => f.geometry && f.geometry.type !== 'Point');
	if (lines.length) {
		const path = d({ type: 'FeatureCollection', features: lines });
		if (path)
			out.push(
				`<path d="${path}" fill="none" stroke="${accent}" stroke-width="4" stroke-opacity="0.45" stroke-linecap="round" stroke-linejoin="round" ${NON_SCALING}/>`
			);
	}
	const ring = (p: Position, r: number, fill: string, stroke: string, width: number, attrs = '') => {
		const [x, y] = px(p);
		return `<circle${attrs} cx="${fmt(x)}" cy="${fmt(y)}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${width}" ${NON_SCALING}/>`;
	};
	for (const f of query.hits.features)
		if (f.geometry?.type === 'Point')
			out.push(
				ring(
					f.geometry.coordinates,
					9,
					'none',
					accent,
					2,
					` data-query-hit="${escapeXml(String(f.properties?.id ?? ''))}"`
				)
			);
	for (const f of query.marker.features)
		if (f.geometry?.type === 'Point')
			out.push(ring((f.geometry as Point).coordinates, 6, accent, '#fff', 2, ' data-query-marker=""'));
	return out.length ? `<g id="layer-query" pointer-events="none">${out.join('')}</g>` : '';
}
