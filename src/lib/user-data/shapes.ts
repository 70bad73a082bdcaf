/**
 * Users' shapes: a GeoJSON of polygons or lines (a development zone's outline, a planned road) read as a layer, checked
 * and joined to the plans. Each shape gets the counties, prefectures and economic regions it meets, and the plan
 * features inside it (areas) or within LINE_REACH_KM of it (lines). Pure, no DOM.
 *
 * Checks name what is wrong instead of crashing: a ring that is not closed or has fewer than 4 positions, a coordinate
 * that is not a number or out of range, an area that crosses itself — those shapes join the bad rows with their
 * feature number. An outer ring wound clockwise is not an error (RFC 7946 §3.1.6: readers should not reject it); it is
 * counted and said. A `crs` member other than WGS84 (the 2008 GeoJSON's named CRS) is refused: RFC 7946 GeoJSON is
 * WGS84 by definition; GCJ-02 or BD-09 outlines are converted when the user chooses that system.
 */
import { booleanClockwise, booleanIntersects, kinks } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { featuresInArea, type AreaFeature } from '$lib/geo/features-in-area';
import {
	featureRef,
	nearLine,
	type DistanceHit,
	type FeatureRef,
	type PlaceRef,
	type SpatialIndex
} from '$lib/geo/spatial-index';
import { UserDataError } from './decode';
import { suggestCrs, toWgs84, type Crs, type CrsSuggestion } from './coordinates';
import { cellText, MAX_CELL_CHARS, type RawTable } from './parse-table';
import type { BadCode } from './reasons';
import type { Geography, LayerBase, LoadOptions } from './user-layer';
import type { JoinSummary } from './join';
import { LINE_REACH_KM } from './line-reach';

export type ShapeGeometry = Polygon | MultiPolygon | LineString | MultiLineString;
export const SHAPE_TYPES = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'];

/** A GeoJSON of shapes as parsed: each good row's geometry as the file gives it. */
export interface ShapeTable extends RawTable {
	shapes: ShapeGeometry[];
}

export interface ShapeLayer extends LayerBase {
	kind: 'shapes';
	/** Each good row's shape in WGS84. */
	geometries: ShapeGeometry[];
	crs: Crs;
	suggestion: CrsSuggestion;
	/** Areas whose outer ring runs clockwise (accepted; said in the card). */
	clockwise: number;
}

export const isShapeTable = (raw: RawTable): raw is ShapeTable => Array.isArray((raw as Partial<ShapeTable>).shapes);

/** `crs` names that mean WGS84 longitude/latitude (GeoJSON 2008's way of saying the default). */
const WGS84_NAMES = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326|EPSG:4326|CRS84)$/i;

/** Refuses a GeoJSON whose `crs` member names a system other than WGS84 (projected metres would land anywhere). */
export function checkGeoJsonCrs(value: unknown): void {
	const crs = (value as { crs?: { properties?: { name?: unknown } } } | null)?.crs;
	if (crs === undefined || crs === null) return;
	const name = String(crs?.properties?.name ?? JSON.stringify(crs)).slice(0, 80);
	if (WGS84_NAMES.test(name)) return;
	throw new UserDataError(
		`the GeoJSON declares the coordinate system ${name}; only WGS84 longitude/latitude (or GCJ-02 / BD-09, chosen under Coordinates) can be read — reproject it to EPSG:4326 first`,
		`GeoJSON 声明的坐标系为 ${name}；只能读取 WGS84 经纬度（或在“坐标系”中选择 GCJ-02、BD-09）——请先转换为 EPSG:4326`
	);
}

/** Whether a GeoJSON's features are mostly shapes (then the file is read as shapes, any points among them as bad). */
export function mostlyShapes(features: { geometry?: { type?: unknown } | null }[]): boolean {
	let shapes = 0;
	let points = 0;
	for (const f of features) {
		const t = f?.geometry?.type;
		if (t === 'Point') points++;
		else if (SHAPE_TYPES.includes(t as string)) shapes++;
	}
	return shapes > points;
}

/** A feature's geometry checked as a shape: null when it is usable, else why not. */
export function shapeProblem(g: unknown): { code: BadCode; detail: string } | null {
	const geometry = g as { type?: unknown; coordinates?: unknown } | null;
	const type = typeof geometry?.type === 'string' ? geometry.type : 'missing';
	if (!SHAPE_TYPES.includes(type)) return { code: 'geometry', detail: type.slice(0, 40) };
	const c = geometry!.coordinates;
	const depth = type === 'LineString' ? 1 : type === 'MultiPolygon' ? 3 : 2;
	const lines: unknown[] = [];
	const collect = (v: unknown, d: number): boolean => {
		if (!Array.isArray(v) || !v.length) return false;
		if (d === 0) return lines.push(v) > 0;
		return v.every((x) => collect(x, d - 1));
	};
	if (!collect(c, depth - 1)) return { code: 'ring-short', detail: type };
	for (const line of lines as unknown[][]) {
		for (const p of line) {
			const q = p as unknown[];
			if (!Array.isArray(q) || !Number.isFinite(q[0]) || !Number.isFinite(q[1]))
				return { code: 'not-number', detail: JSON.stringify(p).slice(0, 40) };
			if (Math.abs(q[0] as number) > 180 || Math.abs(q[1] as number) > 90)
				return { code: 'out-of-range', detail: `${q[0]}, ${q[1]}`.slice(0, 40) };
		}
		const ring = line as Position[];
		if (type.endsWith('Polygon')) {
			if (ring.length < 4) return { code: 'ring-short', detail: String(ring.length) };
			const [a, b] = [ring[0], ring[ring.length - 1]];
			if (a[0] !== b[0] || a[1] !== b[1]) return { code: 'ring-open', detail: `${a[0]}, ${a[1]}`.slice(0, 40) };
		} else if (ring.length < 2) return { code: 'ring-short', detail: String(ring.length) };
	}
	if (type.endsWith('Polygon')) {
		const crossings = kinks(geometry as Polygon | MultiPolygon).features;
		if (crossings.length) {
			const [x, y] = crossings[0].geometry.coordinates;
			return { code: 'self-crossing', detail: `${x.toFixed(5)}, ${y.toFixed(5)}` };
		}
	}
	return null;
}

/** Reads the features of a GeoJSON of shapes as a table: properties as columns, checked shapes kept beside. */
export function parseShapes(
	features: { geometry?: unknown; properties?: Record<string, unknown> | null }[],
	columns: string[]
): ShapeTable {
	const table: ShapeTable = { columns, rows: [], rowNumbers: [], bad: [], shapes: [] };
	features.forEach((f, i) => {
		const row = i + 1;
		const cells = columns.map((c) => cellText(f?.properties?.[c]));
		const long = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
		const problem = long >= 0 ? { code: 'too-long' as const, detail: columns[long] } : shapeProblem(f?.geometry);
		if (problem) table.bad.push({ row, ...problem, cells: long >= 0 ? [] : cells });
		else {
			table.rows.push(cells);
			table.rowNumbers.push(row);
			table.shapes.push(f.geometry as ShapeGeometry);
		}
	});
	return table;
}

/** Every position of a shape, mapped. */
function mapShape(g: ShapeGeometry, f: (p: [number, number]) => [number, number]): ShapeGeometry {
	const m = (p: Position) => f([p[0], p[1]]);
	switch (g.type) {
		case 'LineString':
			return { type: g.type, coordinates: g.coordinates.map(m) };
		case 'MultiLineString':
		case 'Polygon':
			return { type: g.type, coordinates: g.coordinates.map((l) => l.map(m)) } as ShapeGeometry;
		case 'MultiPolygon':
			return { type: g.type, coordinates: g.coordinates.map((p) => p.map((l) => l.map(m))) };
	}
}

/** A shape's first position: what the datum suggestion tests (inside a county or not). */
const firstPosition = (g: ShapeGeometry): [number, number] => {
	const p = (g.coordinates.flat(3) as unknown as number[]).slice(0, 2);
	return [p[0], p[1]];
};

const outerRings = (g: ShapeGeometry): Position[][] =>
	g.type === 'Polygon' ? [g.coordinates[0]] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]) : [];

/** The layer a table of shapes makes: converted to WGS84 from the datum chosen or suggested. */
export function shapeLayer(raw: ShapeTable, geo: Geography, options: LoadOptions, base: LayerBase): ShapeLayer {
	const suggestion = suggestCrs(raw.shapes.map(firstPosition), geo.countyAt);
	const crs = options.crs ?? suggestion.crs;
	const geometries = raw.shapes.map((g) => (crs === 'wgs84' ? g : mapShape(g, (p) => toWgs84(p, crs))));
	const clockwise = geometries.filter((g) => outerRings(g).some((r) => booleanClockwise(r))).length;
	return {
		...base,
		kind: 'shapes',
		rows: raw.rows,
		rowNumbers: raw.rowNumbers,
		bad: [...raw.bad],
		geometries,
		crs,
		suggestion,
		clockwise
	};
}

/** A plan feature inside a user's area. */
export interface InsideRef extends FeatureRef {
	/** possible: a feature placed only at a seat, whose county the shape covers in part. */
	certainty: 'certain' | 'possible';
}
export interface ShapeJoin {
	counties: PlaceRef[];
	prefectures: PlaceRef[];
	economicRegions: FeatureRef[];
	/** Plan features inside the area (lines: none), certain ones first. */
	inside: InsideRef[];
	/** Plan features within LINE_REACH_KM of the line (areas: none), certain ones first, then nearest first; possible:
	 * placed only at a seat, and only part of its county or prefecture is within reach. */
	near: DistanceHit[];
}

export { LINE_REACH_KM };

const placeRef = (f: AreaFeature): PlaceRef => ({
	code: String(f.properties?.code ?? ''),
	name_zh: String(f.properties?.name_zh ?? ''),
	name_en: String(f.properties?.name_en ?? '')
});

type BoxTree = SpatialIndex['counties'];
const boxOf = (g: ShapeGeometry) => {
	const c = g.coordinates.flat(3) as unknown as number[];
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < c.length; i += 2) {
		x0 = Math.min(x0, c[i]);
		x1 = Math.max(x1, c[i]);
		y0 = Math.min(y0, c[i + 1]);
		y1 = Math.max(y1, c[i + 1]);
	}
	return [x0, y0, x1, y1] as const;
};

/** The places of a tree a shape meets: bbox prefilter on the tree, then an exact intersection test. */
function meets(tree: BoxTree, g: ShapeGeometry): PlaceRef[] {
	const [x0, y0, x1, y1] = boxOf(g);
	return tree.tree
		.search(x0, y0, x1, y1)
		.map((i) => tree.items[i])
		.filter((f) => f && booleanIntersects(f, g))
		.map(placeRef)
		.sort((a, b) => a.code.localeCompare(b.code));
}

/** Each shape's counties, prefectures, economic regions and (areas) the plan features inside it. */
export function joinShapes(layer: ShapeLayer, index: SpatialIndex): ShapeJoin[] {
	const regions = index.features.flatMap((f, i) => (f.properties.kind === 'economic_region' ? [i] : []));
	return layer.geometries.map((g) => {
		const [x0, y0, x1, y1] = boxOf(g);
		const economicRegions = regions
			.filter((i) => {
				const [a, b, c, d] = index.shapes[i].bbox;
				return a <= x1 && c >= x0 && b <= y1 && d >= y0 && booleanIntersects(index.features[i], g);
			})
			.map((i) => featureRef(index.features[i]));
		let inside: InsideRef[] = [];
		let near: DistanceHit[] = [];
		if (g.type === 'LineString' || g.type === 'MultiLineString') {
			near = nearLine(index, g, LINE_REACH_KM).sort(
				(a, b) => Number(a.certainty === 'possible') - Number(b.certainty === 'possible') || a.km - b.km
			);
		} else {
			const area: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: g };
			inside = featuresInArea(area, index.features, { possibleArea: index.possibleArea })
				.filter((h) => h.relation === 'inside')
				.map((h) => ({ ...featureRef(h.feature), certainty: h.certainty ?? 'certain' }))
				.sort((a, b) => Number(a.certainty === 'possible') - Number(b.certainty === 'possible'));
		}
		return {
			counties: meets(index.counties, g),
			prefectures: meets(index.prefectures, g),
			economicRegions,
			inside,
			near
		};
	});
}

/** The plan columns added to each shape, in this order (lists joined with "; "). The names and ids are of the
 * features inside an area, or near a line; the near_line columns are empty for an area. */
export const SHAPE_COLUMNS = [
	'counties',
	'county_codes',
	'prefectures',
	'economic_regions',
	'plan_features_inside',
	'plan_features_possibly_inside',
	'plan_feature_names',
	'plan_feature_ids',
	'plan_features_near_line',
	'plan_features_possibly_near_line',
	'near_line_km'
] as const;

const list = (xs: string[]) => xs.join('; ');

/** The layer's columns followed by the plan columns. */
export function shapeTable(layer: ShapeLayer, joins: ShapeJoin[]): { columns: string[]; rows: string[][] } {
	const rows = layer.rows.map((cells, i) => {
		const j = joins[i];
		const line = layer.geometries[i].type === 'LineString' || layer.geometries[i].type === 'MultiLineString';
		const listed: { id: string; name_zh: string; certainty: string }[] = line ? j.near : j.inside;
		return [
			...cells,
			list(j.counties.map((c) => c.name_zh)),
			list(j.counties.map((c) => c.code)),
			list(j.prefectures.map((c) => c.name_zh)),
			list(j.economicRegions.map((r) => r.name_zh)),
			String(j.inside.filter((f) => f.certainty === 'certain').length),
			// placed only at a county or prefecture seat: may stand anywhere in it (the names say "（可能）")
			String(j.inside.filter((f) => f.certainty === 'possible').length),
			list(listed.map((f) => f.name_zh + (f.certainty === 'possible' ? '（可能）' : ''))),
			list(listed.map((f) => f.id)),
			line ? String(j.near.filter((f) => f.certainty === 'certain').length) : '',
			line ? String(j.near.filter((f) => f.certainty === 'possible').length) : '',
			line ? String(LINE_REACH_KM) : ''
		];
	});
	return { columns: [...layer.columns, ...SHAPE_COLUMNS], rows };
}

/** Shapes per economic region (a shape across two counts in both) and shapes that meet Sichuan at all. */
export function summariseShapes(joins: ShapeJoin[]): JoinSummary {
	const counts = new Map<string, { id: string; name_zh: string; name_en: string; count: number }>();
	for (const j of joins) {
		for (const r of j.economicRegions) {
			const c = counts.get(r.id) ?? { id: r.id, name_zh: r.name_zh, name_en: r.name_en, count: 0 };
			c.count++;
			counts.set(r.id, c);
		}
	}
	const n = joins.length;
	const byRegion = [...counts.values()]
		.map((c) => ({ ...c, share: n ? c.count / n : 0 }))
		.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
	const inSichuan = joins.filter((j) => j.counties.length > 0).length;
	return { rows: n, inSichuan, byRegion, nearPark: 0, nearParkPossible: 0, nearParkKm: 0 };
}
