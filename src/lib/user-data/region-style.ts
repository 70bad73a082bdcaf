/**
 * How a table by region is shaded: by the first column whose cells are numbers (summed per place), or by the number of
 * rows per place when none is; a sequential colour ramp (d3-scale-chromatic YlOrRd) from the least to the most. Pure.
 */
import { interpolateYlOrRd } from 'd3-scale-chromatic';
import { numberOf as coordinate } from './layer-ids';
import type { RegionLayer } from './user-layer';
import type { Shading } from './region-fill';

export { fillColorExpression, type Shading } from './region-fill';

/** Share of a column's cells that must be numbers for it to be the shading value. */
const NUMERIC_SHARE = 0.8;
/** The ramp's pale end is left out: the palest yellow would vanish on the base map. */
const RAMP_START = 0.15;

const rampAt = (t: number) => interpolateYlOrRd(RAMP_START + (1 - RAMP_START) * t);

export function regionShading(layer: RegionLayer): Shading {
	const column = layer.columns.findIndex(
		(name, c) =>
			name !== layer.regionColumn &&
			layer.rows.length > 0 &&
			layer.rows.filter((r) => Number.isFinite(coordinate(r[c].replace(/,/g, '')))).length / layer.rows.length >=
				NUMERIC_SHARE
	);
	const values = new Map<string, number>();
	layer.codes.forEach((code, i) => {
		const v = column >= 0 ? coordinate(layer.rows[i][column].replace(/,/g, '')) : 1;
		values.set(code, (values.get(code) ?? 0) + (Number.isFinite(v) ? v : 0));
	});
	const all = [...values.values()];
	const min = all.length ? Math.min(...all) : 0;
	const max = all.length ? Math.max(...all) : 0;
	const colors = new Map([...values].map(([code, v]) => [code, rampAt(max > min ? (v - min) / (max - min) : 1)]));
	return {
		column: column >= 0 ? layer.columns[column] : null,
		values,
		colors,
		min,
		max,
		ramp: [0, 0.25, 0.5, 0.75, 1].map(rampAt)
	};
}
