/**
 * A parsed table → a user layer: a table of points (longitude/latitude columns, or GeoJSON points) converted to WGS84
 * from the datum chosen or suggested, or a table by region (a county or prefecture column) matched to the base
 * geography. Rows that cannot be placed join the bad rows, named with their row number and reason. Pure, no DOM.
 */
import { UserDataError } from './decode';
import type { BadRow, RawTable } from './parse-table';
import {
	coordinate,
	detectPointColumns,
	looksSwappedXY,
	manyToWgs84,
	suggestCrsOf,
	type Crs,
	type CrsSuggestion
} from './coordinates';
import { detectRegionColumn, type Level, type RegionMatcher } from './regions';
import { isShapeTable, shapeLayer, type ShapeLayer } from './shapes';

export interface LoadOptions {
	/** The layer's name (the file's name by default). */
	name?: string;
	/** The datum of the coordinates; the suggestion from the data when left out. */
	crs?: Crs;
	/** Read the longitude column as latitude and back; by default, when the data look swapped. */
	swap?: boolean;
	/** Column names, when detection should not decide. */
	lon?: string;
	lat?: string;
	region?: string;
	/** A workbook's sheet to read, by name (the first by default). */
	sheet?: string;
}

export interface LayerBase {
	id: string;
	name: string;
	columns: string[];
	/** The good rows, cells as strings. */
	rows: string[][];
	rowNumbers: number[];
	bad: BadRow[];
}
export interface PointLayer extends LayerBase {
	kind: 'points';
	/** WGS84 longitude, latitude of each good row, interleaved (deck.gl reads it as a binary attribute). */
	positions: Float64Array;
	crs: Crs;
	suggestion: CrsSuggestion;
	swapped: boolean;
	/** The coordinate columns (null for GeoJSON, whose geometry holds them). */
	lonColumn: string | null;
	latColumn: string | null;
}
export interface RegionLayer extends LayerBase {
	kind: 'regions';
	level: Level;
	regionColumn: string;
	/** The GB/T 2260 code of each good row's place. */
	codes: string[];
}
export type UserLayer = PointLayer | RegionLayer;
/** Any layer of the user's, shapes included (./shapes.ts; they join to the plans their own way). */
export type AnyLayer = UserLayer | ShapeLayer;

export interface Geography {
	matcher: RegionMatcher;
	/** The code of the county holding a WGS84 position, or null outside Sichuan. */
	countyAt(p: [number, number]): string | null;
}

const columnIndex = (columns: string[], name: string | undefined, what: string) => {
	if (name === undefined) return undefined;
	const i = columns.indexOf(name);
	const n = JSON.stringify(name).slice(0, 60);
	if (i < 0) throw new UserDataError(`no column named ${n} for the ${what}`, `没有名为 ${n} 的列`);
	return i;
};

const inRange = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;

function pointLayer(
	raw: RawTable,
	geo: Geography,
	options: LoadOptions,
	base: LayerBase,
	cols?: { lon: number; lat: number }
): PointLayer {
	const bad = [...raw.bad];
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	// the coordinates as read, in two columns (no pair per row: a million pairs cost seconds of garbage collection)
	let xs = new Float64Array(raw.rows.length);
	let ys = new Float64Array(raw.rows.length);
	let n = 0;
	// plain loops, no pair per row: at a million rows a closure and a pair per row cost a third of the placing
	for (let i = 0; i < raw.rows.length; i++) {
		const cells = raw.rows[i];
		let x: number;
		let y: number;
		if (cols) {
			x = coordinate(cells[cols.lon]);
			y = coordinate(cells[cols.lat]);
			if (!Number.isFinite(x) || !Number.isFinite(y)) {
				const wrong = Number.isFinite(x) ? cells[cols.lat] : cells[cols.lon];
				bad.push({ row: raw.rowNumbers[i], code: 'not-number', detail: JSON.stringify(wrong.slice(0, 30)), cells });
				continue;
			}
		} else {
			const p = raw.points![i];
			x = p[0];
			y = p[1];
		}
		xs[n] = x;
		ys[n] = y;
		n++;
		rows.push(cells);
		rowNumbers.push(raw.rowNumbers[i]);
	}
	const swapped = options.swap ?? looksSwappedXY(xs, ys, n);
	if (swapped) [xs, ys] = [ys, xs];
	// the rows whose coordinates are in range; the others are bad rows
	const kept: number[] = [];
	for (let i = 0; i < n; i++) {
		if (inRange(xs[i], ys[i])) kept.push(i);
		else {
			const detail = `${xs[i]}, ${ys[i]}`.slice(0, 40);
			bad.push({ row: rowNumbers[i], code: 'out-of-range', detail, cells: rows[i] });
		}
	}
	const suggestion = suggestCrsOf(kept.length, (k) => [xs[kept[k]], ys[kept[k]]], geo.countyAt);
	const crs = options.crs ?? suggestion.crs;
	const positions = new Float64Array(2 * kept.length);
	if (crs === 'wgs84') {
		for (let k = 0; k < kept.length; k++) {
			positions[2 * k] = xs[kept[k]];
			positions[2 * k + 1] = ys[kept[k]];
		}
	} else {
		const inside = kept.map((i) => [xs[i], ys[i]] as [number, number]);
		manyToWgs84(inside, crs).forEach(([x, y], k) => {
			positions[2 * k] = x;
			positions[2 * k + 1] = y;
		});
	}
	const all = kept.length === n;
	return {
		...base,
		kind: 'points',
		rows: all ? rows : kept.map((i) => rows[i]),
		rowNumbers: all ? rowNumbers : kept.map((i) => rowNumbers[i]),
		bad: bad.sort((a, b) => a.row - b.row),
		positions,
		crs,
		suggestion,
		swapped,
		lonColumn: cols ? raw.columns[cols.lon] : null,
		latColumn: cols ? raw.columns[cols.lat] : null
	};
}

function regionLayer(raw: RawTable, geo: Geography, base: LayerBase, column: number, level: Level): RegionLayer {
	const bad = [...raw.bad];
	const layer: RegionLayer = { ...base, kind: 'regions', level, regionColumn: raw.columns[column], codes: [], bad };
	raw.rows.forEach((cells, i) => {
		const m = geo.matcher.match(cells[column], level);
		const detail = JSON.stringify(cells[column].slice(0, 30));
		if (!m) bad.push({ row: raw.rowNumbers[i], code: 'no-region', detail, cells });
		else if (m === 'ambiguous') bad.push({ row: raw.rowNumbers[i], code: 'ambiguous-region', detail, cells });
		else {
			layer.rows.push(cells);
			layer.rowNumbers.push(raw.rowNumbers[i]);
			layer.codes.push(m.code);
		}
	});
	bad.sort((a, b) => a.row - b.row);
	return layer;
}

/** The layer a table makes: points when it has coordinates, regions when a column names counties or prefectures. */
export function buildLayer(raw: RawTable, geo: Geography, id: string, options: LoadOptions = {}): AnyLayer {
	const base: LayerBase = { id, name: options.name ?? id, columns: raw.columns, rows: [], rowNumbers: [], bad: [] };
	if (isShapeTable(raw)) return shapeLayer(raw, geo, options, base);
	if (raw.points) return pointLayer(raw, geo, options, base);
	const lon = columnIndex(raw.columns, options.lon, 'longitude');
	const lat = columnIndex(raw.columns, options.lat, 'latitude');
	const region = columnIndex(raw.columns, options.region, 'region');
	if (region === undefined) {
		const detected = detectPointColumns(raw.columns);
		const cols = lon !== undefined && lat !== undefined ? { lon, lat } : detected;
		if (cols) return pointLayer(raw, geo, options, base, cols);
	}
	const found = detectRegionColumn(raw.columns, raw.rows, geo.matcher);
	if (region !== undefined) {
		const level = found?.column === region ? found.level : 'county';
		return regionLayer(raw, geo, base, region, level);
	}
	if (found) return regionLayer(raw, geo, base, found.column, found.level);
	throw new UserDataError(
		'no coordinate columns (lon/lat, lng, x/y, 经度/纬度, longitude/latitude) and no column of county or prefecture names or codes',
		'找不到坐标列（经度/纬度、lon/lat、lng、x/y、longitude/latitude），也没有县或市州名称、代码的列'
	);
}
