/**
 * Builds static/data/rivers.geojson (13 named rivers of Sichuan, rank 1–3: drawn in the first view) and
 * static/data/rivers-minor.geojson (the unnamed GSHHG level 1–3 rivers in the box 95–112°E, 24–36.5°N, rank 4: loaded
 * after the first view), WGS84.
 *
 *   npx tsx scripts/base/rivers.geojson.ts
 *
 * Needs GMT with the full-resolution GSHHG data (Debian: apt-get install -y gmt gmt-gshhg-full) — only to regenerate:
 * the output is committed and the app never needs GMT. Source: GSHHG WDBII rivers (LGPL-3+).
 *
 * Steps (see shared/DATA-SOURCES.md, "Rivers, with names"): dump levels 1–4 with `gmt coast -Df -I<level> -M`; line-merge
 * pieces cut at bin edges; build a vertex graph and bridge dangling ends to another component within 3 km; snap the
 * waypoints of data/base/river-waypoints.json and route shortest paths between consecutive ones; cut out-and-back
 * spurs; everything at level 1–3 not on a named river becomes an unnamed river; Douglas–Peucker 150 m; 4 decimals.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import {
	buildRiverGraph,
	clipLineToBox,
	edgeKey,
	edgesToChains,
	lineLengthM,
	lineMerge,
	parseGmtSegments,
	roundCoords,
	routeWaypoints,
	simplifyDP,
	type Position,
	type RiverLine
} from './river-graph.ts';

const WAYPOINTS_FILE = 'data/base/river-waypoints.json';
const OUT_NAMED = 'static/data/rivers.geojson';
const OUT_MINOR = 'static/data/rivers-minor.geojson';
const BOX: [number, number, number, number] = [95, 24, 112, 36.5];
const LEVELS = [1, 2, 3, 4];
/** Unnamed rivers are drawn from these levels; level 4 only helps routing (青衣江 is level 4). */
const UNNAMED_MAX_LEVEL = 3;
const BRIDGE_M = 3000;
const SIMPLIFY_M = 150;
const DECIMALS = 4;
const MIN_UNNAMED_M = 5000;
/** A waypoint further than this from the snapped river vertex means the table or the data is wrong. */
const MAX_SNAP_WARN_M = 3000;
/** Routed length ÷ waypoint polyline length above which a route is taken to have detoured (fails the build). */
const MAX_SINUOSITY = 2;

const GMT_MISSING =
	'`gmt` is not installed. Regenerating the rivers needs GMT and the full GSHHG data:\n' +
	'  apt-get install -y gmt gmt-gshhg-full\n' +
	`(The app itself does not need GMT: ${OUT_NAMED} and ${OUT_MINOR} are committed.)`;

interface NamedRiver {
	id: string;
	name_zh: string;
	name_en: string;
	rank: 1 | 2 | 3;
	waypoints: Position[];
}
interface RiverProps {
	id: string;
	name_zh: string | null;
	name_en: string | null;
	rank: number;
}

function gmtDump(level: number): string {
	const region = `-R${BOX[0]}/${BOX[2]}/${BOX[1]}/${BOX[3]}`;
	const res = spawnSync('gmt', ['coast', region, '-Df', `-I${level}`, '-M'], {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024
	});
	if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT') {
		throw new Error(GMT_MISSING);
	}
	if (res.error) throw res.error;
	if (res.status !== 0) {
		throw new Error(
			`gmt coast -Df -I${level} failed (exit ${res.status}): ${res.stderr.trim()}\n` +
				'Is the full-resolution GSHHG data installed? apt-get install -y gmt-gshhg-full'
		);
	}
	return res.stdout;
}

function main() {
	const t0 = Date.now();
	const version = spawnSync('gmt', ['--version'], { encoding: 'utf8' });
	if (version.error) throw new Error(GMT_MISSING);
	console.log(`GMT ${version.stdout.trim()}`);

	const table = JSON.parse(readFileSync(WAYPOINTS_FILE, 'utf8')) as { rivers: NamedRiver[] };

	// 1. Dump, clip to the box, line-merge.
	let raw: RiverLine[] = [];
	for (const level of LEVELS) {
		const lines = parseGmtSegments(gmtDump(level), level);
		console.log(`level ${level}: ${lines.length} pieces, ${lines.reduce((s, l) => s + l.coords.length, 0)} vertices`);
		raw = raw.concat(lines);
	}
	const clipped: RiverLine[] = raw.flatMap((l) =>
		clipLineToBox(l.coords, BOX).map((coords) => ({ level: l.level, coords }))
	);
	const merged = lineMerge(clipped);
	console.log(`line-merge: ${clipped.length} pieces → ${merged.length} lines`);

	// 2. Graph with bridges.
	const graph = buildRiverGraph(merged, BRIDGE_M);
	console.log(`graph: ${graph.nodes.length} vertices, ${graph.bridges} bridges (≤ ${BRIDGE_M / 1000} km)`);

	// 3. Named rivers.
	const features: Feature<LineString | MultiLineString, RiverProps>[] = [];
	const namedEdges = new Set<string>();
	let namedKm = 0;
	for (const river of table.rivers) {
		const { path, snaps } = routeWaypoints(graph, river.waypoints);
		for (let i = 1; i < path.length; i++) namedEdges.add(edgeKey(path[i - 1], path[i]));
		const far = snaps.map((s, i) => [i, s.offsetM] as const).filter(([, d]) => d > MAX_SNAP_WARN_M);
		for (const [i, d] of far)
			console.warn(`  ! ${river.name_zh}: waypoint ${i} snapped ${(d / 1000).toFixed(1)} km away`);
		const coords = path.map((n) => graph.nodes[n]);
		const km = lineLengthM(coords) / 1000;
		// Rivers meander, but a route far longer than its waypoint polyline has detoured through a wrong bridge.
		const sinuosity = (km * 1000) / lineLengthM(river.waypoints);
		if (sinuosity > MAX_SINUOSITY) {
			throw new Error(
				`${river.name_zh}: routed ${km.toFixed(0)} km, ${sinuosity.toFixed(2)}× its waypoint polyline; check the waypoints`
			);
		}
		namedKm += km;
		const bridgesUsed = path.slice(1).filter((n, i) => graph.adj[path[i]].find((e) => e.to === n)?.bridge).length;
		const line = roundCoords(simplifyDP(coords, SIMPLIFY_M), DECIMALS);
		console.log(
			`${river.name_zh} ${river.name_en}: ${km.toFixed(0)} km (×${sinuosity.toFixed(2)}), ${path.length} → ${line.length} vertices, ` +
				`${bridgesUsed} bridges, max snap ${(Math.max(...snaps.map((s) => s.offsetM)) / 1000).toFixed(2)} km`
		);
		features.push({
			type: 'Feature',
			properties: { id: river.id, name_zh: river.name_zh, name_en: river.name_en, rank: river.rank },
			geometry: { type: 'LineString', coordinates: line }
		});
	}

	// 4. Unnamed rivers: level 1–3 source edges not on a named river, by connected component, ≥ 5 km.
	const rest: [number, number][] = [];
	graph.adj.forEach((edges, u) => {
		for (const e of edges) {
			if (u < e.to && !e.bridge && e.level <= UNNAMED_MAX_LEVEL && !namedEdges.has(edgeKey(u, e.to))) {
				rest.push([u, e.to]);
			}
		}
	});
	const chains = edgesToChains(rest);
	// Group chains into connected components (union-find over chain end nodes).
	const parent = new Map<number, number>();
	const find = (x: number): number => {
		let r = x;
		while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
		parent.set(x, r);
		return r;
	};
	for (const c of chains) {
		const a = find(c[0]);
		const b = find(c[c.length - 1]);
		if (a !== b) parent.set(a, b);
	}
	const groups = new Map<number, Position[][]>();
	for (const c of chains) {
		const root = find(c[0]);
		if (!groups.has(root)) groups.set(root, []);
		groups.get(root)!.push(c.map((n) => graph.nodes[n]));
	}
	let unnamed = 0;
	let dropped = 0;
	let unnamedKm = 0;
	for (const lines of groups.values()) {
		const km = lines.reduce((s, l) => s + lineLengthM(l), 0) / 1000;
		if (km * 1000 < MIN_UNNAMED_M) {
			dropped++;
			continue;
		}
		unnamedKm += km;
		const parts = lines.map((l) => roundCoords(simplifyDP(l, SIMPLIFY_M), DECIMALS)).filter((l) => l.length >= 2);
		unnamed++;
		features.push({
			type: 'Feature',
			properties: { id: `r${String(unnamed).padStart(4, '0')}`, name_zh: null, name_en: null, rank: 4 },
			geometry:
				parts.length === 1
					? { type: 'LineString', coordinates: parts[0] }
					: { type: 'MultiLineString', coordinates: parts }
		});
	}
	console.log(
		`unnamed: ${unnamed} features (${unnamedKm.toFixed(0)} km; ${dropped} components < ${MIN_UNNAMED_M / 1000} km dropped)`
	);

	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	for (const [file, subset] of [
		[OUT_NAMED, features.filter((f) => f.properties.rank < 4)],
		[OUT_MINOR, features.filter((f) => f.properties.rank === 4)]
	] as const) {
		const fc: FeatureCollection<LineString | MultiLineString, RiverProps> = {
			type: 'FeatureCollection',
			features: subset
		};
		const text = JSON.stringify(fc);
		writeFileSync(file, text + '\n');
		console.log(
			`wrote ${file}: ${subset.length} features, ${kb(text.length)} raw / ${kb(gzipSync(text, { level: 9 }).length)} gzip`
		);
	}
	console.log(`${namedKm.toFixed(0)} km named; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

try {
	main();
} catch (err) {
	console.error(`rivers.geojson.ts: ${(err as Error).message}`);
	process.exit(1);
}
