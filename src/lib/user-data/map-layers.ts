/**
 * The MapLibre layers of a user's layer that MapLibre draws (points go to deck.gl): a layer of shapes as its own GeoJSON
 * source with a translucent fill for areas and an outline for every shape; a table by region as a fill on the base
 * map's county or prefecture shapes, only the places it names. Pure: the map side is $lib/map/layer-set.ts.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { LayerSet } from '$lib/map/layer-set';
import { fillLayerId } from './layer-ids';
import { fillColorExpression, type Shading } from './region-fill';
import { shapeFillId, shapeLineId, shapeSourceId } from './shape-pick';
import type { ShapeLayer } from './shapes';
import type { RegionLayer } from './user-layer';
import { REGION_FILL_OPACITY, SHAPE_FILL_OPACITY, SHAPE_LINE_WIDTH_PX } from './user-marks';

/** A layer of shapes in `color` (`rgb(…)`); each feature carries its row, which a click picks (./shape-pick.ts). */
export function shapeLayerSet(layer: Pick<ShapeLayer, 'id' | 'geometries'>, color: string): LayerSet {
	const source = shapeSourceId(layer.id);
	return {
		sources: {
			[source]: {
				type: 'geojson',
				data: {
					type: 'FeatureCollection',
					features: layer.geometries.map((geometry, row) => ({
						type: 'Feature',
						id: row,
						properties: { row },
						geometry
					}))
				}
			}
		},
		layers: [
			{
				id: shapeFillId(layer.id),
				type: 'fill',
				source,
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'fill-color': color, 'fill-opacity': SHAPE_FILL_OPACITY }
			},
			{
				id: shapeLineId(layer.id),
				type: 'line',
				source,
				paint: { 'line-color': color, 'line-width': SHAPE_LINE_WIDTH_PX }
			}
		]
	};
}

/** A table by region, shaded as `shading` says, on the base map's `counties` or `prefectures` source. */
export function regionLayerSet(layer: Pick<RegionLayer, 'id' | 'level' | 'codes'>, shading: Shading): LayerSet {
	return {
		sources: {},
		layers: [
			{
				id: fillLayerId(layer.id),
				type: 'fill',
				source: layer.level === 'county' ? 'counties' : 'prefectures',
				filter: ['in', ['get', 'code'], ['literal', [...new Set(layer.codes)]]] as FilterSpecification,
				paint: {
					'fill-color': fillColorExpression(shading) as ExpressionSpecification,
					'fill-opacity': REGION_FILL_OPACITY
				}
			}
		]
	};
}
