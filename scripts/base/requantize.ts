/**
 * Requantizes an already quantized TopoJSON topology onto a coarser grid (issue 12: fewer bytes for the first view).
 * topojson-client's `quantize` refuses a quantized topology and mapshaper is only fetched by `npm run data:base`, so
 * this small step is ours: decode each arc, snap it to the new grid, drop the points that fall on the one before, and
 * delta-encode again; points (seats) are snapped too. Arc indices, objects and properties are unchanged, so shared
 * borders stay shared.
 */
import type { Topology } from 'topojson-specification';

type Geometry = {
	type: string;
	coordinates?: unknown;
	geometries?: Geometry[];
};

/** The grid step in metres (east–west at the box's middle latitude, north–south) of `n` steps across `bbox`. */
export function gridStepMetres(bbox: number[], n: number): [number, number] {
	const [x0, y0, x1, y1] = bbox;
	const m = 111_320;
	const midLat = ((y0 + y1) / 2) * (Math.PI / 180);
	return [((x1 - x0) / (n - 1)) * m * Math.cos(midLat), ((y1 - y0) / (n - 1)) * m];
}

/** Absolute coordinates of every arc of a (quantized or not) topology. */
function decodeArcs(topology: Topology): number[][][] {
	const t = topology.transform;
	return topology.arcs.map((arc) => {
		if (!t) return arc.map((p) => [p[0], p[1]]);
		let x = 0;
		let y = 0;
		return arc.map((p) => {
			x += p[0];
			y += p[1];
			return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
		});
	});
}

function bboxOf(topology: Topology, arcs: number[][][]): number[] {
	if (topology.bbox) return [...topology.bbox];
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const arc of arcs)
		for (const [x, y] of arc) {
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x);
			y1 = Math.max(y1, y);
		}
	return [x0, y0, x1, y1];
}

/** A copy of `topology` quantized to `n` grid steps across its bounding box (n ≥ 2). */
export function requantize(topology: Topology, n: number): Topology {
	if (!(n >= 2)) throw new Error(`quantization must be at least 2, not ${n}`);
	const arcs = decodeArcs(topology);
	const bbox = bboxOf(topology, arcs);
	const [x0, y0, x1, y1] = bbox;
	const kx = x1 - x0 ? (x1 - x0) / (n - 1) : 1;
	const ky = y1 - y0 ? (y1 - y0) / (n - 1) : 1;
	const qx = (x: number) => Math.round((x - x0) / kx);
	const qy = (y: number) => Math.round((y - y0) / ky);
	const old = topology.transform;
	const absolute = (p: number[]) =>
		old ? [p[0] * old.scale[0] + old.translate[0], p[1] * old.scale[1] + old.translate[1]] : p;

	const newArcs = arcs.map((arc) => {
		const out: [number, number][] = [];
		let px = qx(arc[0][0]);
		let py = qy(arc[0][1]);
		out.push([px, py]);
		for (const [x, y] of arc.slice(1)) {
			const ix = qx(x);
			const iy = qy(y);
			if (ix === px && iy === py) continue;
			out.push([ix - px, iy - py]);
			px = ix;
			py = iy;
		}
		// Every arc keeps two positions (a closed ring's last point coincides with its first).
		if (out.length === 1) out.push([0, 0]);
		return out;
	});

	const point = (p: number[]) => {
		const [x, y] = absolute(p);
		return [qx(x), qy(y)];
	};
	const geometry = (g: Geometry): Geometry => {
		if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries ?? []).map(geometry) };
		if (g.type === 'Point') return { ...g, coordinates: point(g.coordinates as number[]) };
		if (g.type === 'MultiPoint') return { ...g, coordinates: (g.coordinates as number[][]).map(point) };
		return g;
	};
	const objects = Object.fromEntries(
		Object.entries(topology.objects).map(([k, g]) => [k, geometry(g as Geometry)])
	) as Topology['objects'];

	return {
		...topology,
		bbox: bbox as Topology['bbox'],
		transform: { scale: [kx, ky], translate: [x0, y0] },
		objects,
		arcs: newArcs
	};
}

/**
 * Grid of the published base.topo.json: ~54 × 46 m steps, half the county outlines' own ~100 m source quantisation
 * and simplification (honest to about zoom 10–11), 8 % fewer gzip bytes than mapshaper's 100 000. Measured: 10 000
 * (~110 m) would save 17 % but leaves 11 counties' rings self-intersecting (base-geography.test.ts fails).
 */
export const BASE_QUANTIZATION = 20_000;

// npx tsx scripts/base/requantize.ts static/data/base.topo.json [n]: requantizes a published file in place (the same
// step `npm run data:base` applies after mapshaper's quantization=100000).
if (import.meta.url === `file://${process.argv[1]}`) {
	const { readFileSync, writeFileSync } = await import('node:fs');
	const [file, n = String(BASE_QUANTIZATION)] = process.argv.slice(2);
	const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
	const out = requantize(topology, Number(n));
	writeFileSync(file, JSON.stringify(out));
	console.log(
		`${file}: quantization ${n}, ${gridStepMetres(out.bbox!, Number(n))
			.map((m) => m.toFixed(0))
			.join(' × ')} m`
	);
}
