/**
 * Pure helpers for scripts/base/rivers.geojson.ts: parse GMT river dumps, line-merge pieces, build a vertex graph,
 * route named rivers along it between waypoints, cut out-and-back spurs, clip and simplify. No I/O, no GMT.
 */

export type Position = [number, number];

export interface RiverLine {
	/** GSHHG WDBII river level (1 = major … 4 = minor). */
	level: number;
	coords: Position[];
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(a: Position, b: Position): number {
	const dLat = toRad(b[1] - a[1]);
	const dLon = toRad(b[0] - a[0]);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineLengthM(coords: Position[]): number {
	let sum = 0;
	for (let i = 1; i < coords.length; i++) sum += haversineM(coords[i - 1], coords[i]);
	return sum;
}

/**
 * Parses `gmt coast -M` output: segments start with a `>` header ("> River Bin # 19180, Level 1"); the level comes from
 * the header, or from `fallbackLevel` when the header does not say. Empty and one-point segments are dropped.
 */
export function parseGmtSegments(text: string, fallbackLevel: number): RiverLine[] {
	const out: RiverLine[] = [];
	let current: RiverLine | null = null;
	const flush = () => {
		if (current && current.coords.length >= 2) out.push(current);
		current = null;
	};
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		if (line.startsWith('>')) {
			flush();
			const m = /Level\s+(\d+)/i.exec(line);
			current = { level: m ? Number(m[1]) : fallbackLevel, coords: [] };
			continue;
		}
		const [x, y] = line.split(/\s+/).map(Number);
		if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`Unparsable GMT line: ${raw}`);
		current ??= { level: fallbackLevel, coords: [] };
		const prev = current.coords.at(-1);
		if (!prev || prev[0] !== x || prev[1] !== y) current.coords.push([x, y]);
	}
	flush();
	return out;
}

/** Key for a vertex: coordinates rounded to 1e-6° (~0.1 m), so pieces cut at the same bin edge share it. */
export const vertexKey = (p: Position) => `${Math.round(p[0] * 1e6)},${Math.round(p[1] * 1e6)}`;

/**
 * Joins lines end to end where exactly two line ends meet (pieces cut at GSHHG bin edges); stops at confluences,
 * where three or more ends meet. Only lines of the same level are joined.
 */
export function lineMerge(lines: RiverLine[]): RiverLine[] {
	const byLevel = new Map<number, Position[][]>();
	for (const l of lines) {
		if (!byLevel.has(l.level)) byLevel.set(l.level, []);
		byLevel.get(l.level)!.push(l.coords.slice());
	}
	const out: RiverLine[] = [];
	for (const [level, group] of byLevel) {
		const alive = group.map(() => true);
		const ends = new Map<string, number[]>(); // key → indices of lines with an end there
		const addEnd = (key: string, i: number) => {
			const list = ends.get(key);
			if (list) list.push(i);
			else ends.set(key, [i]);
		};
		group.forEach((c, i) => {
			addEnd(vertexKey(c[0]), i);
			addEnd(vertexKey(c[c.length - 1]), i);
		});
		const removeEnd = (key: string, i: number) => {
			const list = ends.get(key)!;
			const at = list.indexOf(i);
			if (at >= 0) list.splice(at, 1);
		};
		for (const [key, list] of ends) {
			// Re-read: earlier merges may have changed this key's list.
			while (list.length === 2 && list[0] !== list[1]) {
				const [i, j] = list;
				const a = group[i];
				const b = group[j];
				// Orient so that a ends at key and b starts at key.
				if (vertexKey(a[a.length - 1]) !== key) a.reverse();
				if (vertexKey(b[0]) !== key) b.reverse();
				const merged = a.concat(b.slice(1));
				removeEnd(vertexKey(a[0]), i);
				removeEnd(vertexKey(b[b.length - 1]), j);
				list.length = 0;
				group[i] = merged;
				alive[j] = false;
				addEnd(vertexKey(merged[0]), i);
				addEnd(vertexKey(merged[merged.length - 1]), i);
			}
		}
		group.forEach((c, i) => {
			if (alive[i]) out.push({ level, coords: c });
		});
	}
	return out;
}

/** Cuts a polyline to an axis-aligned box; returns the parts inside (each with ≥ 2 points). */
export function clipLineToBox(coords: Position[], box: [number, number, number, number]): Position[][] {
	const [x0, y0, x1, y1] = box;
	const inside = (p: Position) => p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1;
	const parts: Position[][] = [];
	let cur: Position[] = [];
	const close = () => {
		if (cur.length >= 2) parts.push(cur);
		cur = [];
	};
	for (let i = 0; i < coords.length; i++) {
		const p = coords[i];
		if (i > 0) {
			const seg = clipSegment(coords[i - 1], p, box);
			if (seg) {
				const [a, b] = seg;
				const last = cur.at(-1);
				if (!last || last[0] !== a[0] || last[1] !== a[1]) {
					close();
					cur.push(a);
				}
				cur.push(b);
				if (!inside(p)) close();
			} else close();
		} else if (inside(p)) cur.push(p);
	}
	close();
	return parts;
}

/** Liang–Barsky clipping of one segment. */
function clipSegment(a: Position, b: Position, box: [number, number, number, number]): [Position, Position] | null {
	const [x0, y0, x1, y1] = box;
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	let t0 = 0;
	let t1 = 1;
	const p = [-dx, dx, -dy, dy];
	const q = [a[0] - x0, x1 - a[0], a[1] - y0, y1 - a[1]];
	for (let k = 0; k < 4; k++) {
		if (p[k] === 0) {
			if (q[k] < 0) return null;
		} else {
			const t = q[k] / p[k];
			if (p[k] < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
		}
	}
	if (t0 > t1) return null;
	const at = (t: number): Position => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
	return [at(t0), at(t1)];
}

export interface Edge {
	to: number;
	lengthM: number;
	/** Added to join a dangling end to another component; not part of the source data. */
	bridge: boolean;
	/** River level of the source line (0 for bridges). */
	level: number;
}

export interface RiverGraph {
	nodes: Position[];
	adj: Edge[][];
	/** Number of bridge edges added (each counted once). */
	bridges: number;
}

/** A uniform grid over node positions for nearest-node queries. */
class GridIndex {
	private cells = new Map<string, number[]>();
	constructor(
		private nodes: Position[],
		private cellDeg: number
	) {
		nodes.forEach((p, i) => {
			const k = this.cellKey(Math.floor(p[0] / cellDeg), Math.floor(p[1] / cellDeg));
			const list = this.cells.get(k);
			if (list) list.push(i);
			else this.cells.set(k, [i]);
		});
	}
	private cellKey = (cx: number, cy: number) => `${cx},${cy}`;
	/** Nearest node to p within maxM metres that passes `accept`; -1 if none. */
	nearest(p: Position, maxM: number, accept: (i: number) => boolean = () => true): number {
		const rings = Math.max(
			1,
			Math.ceil(maxM / (this.cellDeg * 111_000 * Math.cos(toRad(Math.min(80, Math.abs(p[1]))))))
		);
		const cx = Math.floor(p[0] / this.cellDeg);
		const cy = Math.floor(p[1] / this.cellDeg);
		let best = -1;
		let bestD = maxM;
		for (let dx = -rings; dx <= rings; dx++) {
			for (let dy = -rings; dy <= rings; dy++) {
				for (const i of this.cells.get(this.cellKey(cx + dx, cy + dy)) ?? []) {
					if (!accept(i)) continue;
					const d = haversineM(p, this.nodes[i]);
					if (d <= bestD) {
						bestD = d;
						best = i;
					}
				}
			}
		}
		return best;
	}
}

/** Connected-component label for every node (edges of `adj`, optionally without bridges). */
export function componentsOf(adj: Edge[][], withBridges = true): number[] {
	const comp = new Array<number>(adj.length).fill(-1);
	let next = 0;
	for (let s = 0; s < adj.length; s++) {
		if (comp[s] >= 0) continue;
		const stack = [s];
		comp[s] = next;
		while (stack.length) {
			const u = stack.pop()!;
			for (const e of adj[u]) {
				if ((!withBridges && e.bridge) || comp[e.to] >= 0) continue;
				comp[e.to] = next;
				stack.push(e.to);
			}
		}
		next++;
	}
	return comp;
}

/**
 * Builds the vertex graph of all river lines (shared coordinates become one node), then bridges dangling ends (nodes
 * of degree 1) to the nearest node of another connected component within `bridgeM` metres: that joins tributaries
 * whose mouths stop just short of the main river.
 */
export function buildRiverGraph(lines: RiverLine[], bridgeM = 3000): RiverGraph {
	const nodes: Position[] = [];
	const adj: Edge[][] = [];
	const ids = new Map<string, number>();
	const idOf = (p: Position) => {
		const k = vertexKey(p);
		let id = ids.get(k);
		if (id === undefined) {
			id = nodes.length;
			ids.set(k, id);
			nodes.push(p);
			adj.push([]);
		}
		return id;
	};
	const addEdge = (u: number, v: number, bridge: boolean, level: number) => {
		if (u === v || adj[u].some((e) => e.to === v)) return false;
		const lengthM = haversineM(nodes[u], nodes[v]);
		adj[u].push({ to: v, lengthM, bridge, level });
		adj[v].push({ to: u, lengthM, bridge, level });
		return true;
	};
	for (const l of lines) {
		let prev = idOf(l.coords[0]);
		for (let i = 1; i < l.coords.length; i++) {
			const cur = idOf(l.coords[i]);
			addEdge(prev, cur, false, l.level);
			prev = cur;
		}
	}
	// Each end still dangling when its turn comes gets its own bridge, to the nearest node of a component other than
	// its own (components as in the source data, before any bridge). Joining components only once (Kruskal-style) was tried: it made routes
	// detour through far-away bridges (大渡河 and 青衣江 two to six times too long), so it is not done.
	const comp = componentsOf(adj);
	const index = new GridIndex(nodes, 0.05);
	let bridges = 0;
	adj.forEach((a, i) => {
		if (a.length !== 1) return;
		const to = index.nearest(nodes[i], bridgeM, (j) => comp[j] !== comp[i]);
		if (to >= 0 && addEdge(i, to, true, 0)) bridges++;
	});
	return { nodes, adj, bridges };
}

/** Nearest graph node to a point (no distance limit beyond `maxM`); -1 if none. */
export function snapToGraph(graph: RiverGraph, p: Position, maxM = 20_000): number {
	let best = -1;
	let bestD = maxM;
	graph.nodes.forEach((q, i) => {
		const d = haversineM(p, q);
		if (d < bestD) {
			bestD = d;
			best = i;
		}
	});
	return best;
}

/** Dijkstra over edge lengths; node ids from `from` to `to` inclusive, or null when unreachable. */
export function shortestPath(graph: RiverGraph, from: number, to: number): number[] | null {
	const n = graph.nodes.length;
	const dist = new Float64Array(n).fill(Infinity);
	const prev = new Int32Array(n).fill(-1);
	const heap: [number, number][] = []; // [dist, node], binary min-heap
	const push = (item: [number, number]) => {
		heap.push(item);
		let i = heap.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (heap[parent][0] <= heap[i][0]) break;
			[heap[parent], heap[i]] = [heap[i], heap[parent]];
			i = parent;
		}
	};
	const pop = (): [number, number] => {
		const top = heap[0];
		const last = heap.pop()!;
		if (heap.length) {
			heap[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
				if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
				if (m === i) break;
				[heap[m], heap[i]] = [heap[i], heap[m]];
				i = m;
			}
		}
		return top;
	};
	dist[from] = 0;
	push([0, from]);
	while (heap.length) {
		const [d, u] = pop();
		if (d > dist[u]) continue;
		if (u === to) break;
		for (const e of graph.adj[u]) {
			const nd = d + e.lengthM;
			if (nd < dist[e.to]) {
				dist[e.to] = nd;
				prev[e.to] = u;
				push([nd, e.to]);
			}
		}
	}
	if (dist[to] === Infinity) return null;
	const path = [to];
	while (path[path.length - 1] !== from) path.push(prev[path[path.length - 1]]);
	return path.reverse();
}

/**
 * Removes every stretch where a path comes back to a node it already passed (out-and-back spurs up a side stream to a
 * waypoint snapped just off the main course, and repeated waypoint nodes). Keeps the first visit.
 */
export function cutSpurs(path: number[]): number[] {
	const out: number[] = [];
	const at = new Map<number, number>();
	for (const node of path) {
		const seen = at.get(node);
		if (seen !== undefined) {
			for (let k = seen + 1; k < out.length; k++) at.delete(out[k]);
			out.length = seen + 1;
			continue;
		}
		at.set(node, out.length);
		out.push(node);
	}
	return out;
}

export interface RouteResult {
	/** Node ids of the whole river, upstream to downstream, spurs cut. */
	path: number[];
	/** Snapped node of each waypoint and how far it moved, in metres. */
	snaps: { node: number; offsetM: number }[];
}

/** Snaps waypoints, routes shortest paths between consecutive ones, joins them and cuts spurs. Throws when a leg fails. */
export function routeWaypoints(graph: RiverGraph, waypoints: Position[], maxSnapM = 20_000): RouteResult {
	const snaps = waypoints.map((w, i) => {
		const node = snapToGraph(graph, w, maxSnapM);
		if (node < 0) throw new Error(`waypoint ${i} (${w.join(',')}) is more than ${maxSnapM} m from any river`);
		return { node, offsetM: haversineM(w, graph.nodes[node]) };
	});
	const full: number[] = [];
	for (let i = 1; i < snaps.length; i++) {
		const leg = shortestPath(graph, snaps[i - 1].node, snaps[i].node);
		if (!leg) throw new Error(`no river path from waypoint ${i - 1} to waypoint ${i}`);
		full.push(...(full.length ? leg.slice(1) : leg));
	}
	return { path: cutSpurs(full), snaps };
}

/** Undirected edge key. */
export const edgeKey = (u: number, v: number) => (u < v ? `${u}-${v}` : `${v}-${u}`);

/**
 * Turns a set of undirected edges into polylines (node id lists), broken at nodes where the edge count is not 2
 * (confluences and ends); closed loops come out once, starting anywhere on them.
 */
export function edgesToChains(edges: [number, number][]): number[][] {
	const adj = new Map<number, number[]>();
	const link = (a: number, b: number) => {
		const l = adj.get(a);
		if (l) l.push(b);
		else adj.set(a, [b]);
	};
	for (const [u, v] of edges) {
		link(u, v);
		link(v, u);
	}
	const used = new Set<string>();
	const chains: number[][] = [];
	const walk = (start: number, next: number) => {
		const chain = [start];
		let prev = start;
		let cur = next;
		used.add(edgeKey(start, next));
		for (;;) {
			chain.push(cur);
			const nbrs = adj.get(cur)!;
			if (nbrs.length !== 2 || cur === start) break;
			const nxt = nbrs[0] === prev ? nbrs[1] : nbrs[0];
			if (used.has(edgeKey(cur, nxt))) break;
			used.add(edgeKey(cur, nxt));
			prev = cur;
			cur = nxt;
		}
		return chain;
	};
	for (const [node, nbrs] of adj) {
		if (nbrs.length === 2) continue;
		for (const n of nbrs) if (!used.has(edgeKey(node, n))) chains.push(walk(node, n));
	}
	for (const [node, nbrs] of adj) {
		for (const n of nbrs) if (!used.has(edgeKey(node, n))) chains.push(walk(node, n)); // pure loops
	}
	return chains;
}

/** Douglas–Peucker in metres (local equirectangular projection); keeps both ends. */
export function simplifyDP(coords: Position[], toleranceM: number): Position[] {
	if (coords.length <= 2) return coords.slice();
	const lat0 = toRad(coords.reduce((s, p) => s + p[1], 0) / coords.length);
	const kx = 111_320 * Math.cos(lat0);
	const ky = 110_540;
	const xy = coords.map((p) => [p[0] * kx, p[1] * ky]);
	const keep = new Uint8Array(coords.length);
	keep[0] = keep[coords.length - 1] = 1;
	const stack: [number, number][] = [[0, coords.length - 1]];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = xy[a];
		const [bx, by] = xy[b];
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let maxD = -1;
		let maxI = -1;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = xy[i];
			let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
			t = Math.max(0, Math.min(1, t));
			const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
			if (d > maxD) {
				maxD = d;
				maxI = i;
			}
		}
		if (maxD > toleranceM) {
			keep[maxI] = 1;
			stack.push([a, maxI], [maxI, b]);
		}
	}
	return coords.filter((_, i) => keep[i]);
}

/** Rounds coordinates and drops consecutive duplicates that rounding creates. */
export function roundCoords(coords: Position[], decimals: number): Position[] {
	const f = 10 ** decimals;
	const out: Position[] = [];
	for (const [x, y] of coords) {
		const p: Position = [Math.round(x * f) / f, Math.round(y * f) / f];
		const last = out.at(-1);
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}
