import { describe, expect, it } from 'vitest';
import {
	buildRiverGraph,
	clipLineToBox,
	cutSpurs,
	edgesToChains,
	lineMerge,
	parseGmtSegments,
	routeWaypoints,
	shortestPath,
	simplifyDP,
	snapToGraph,
	type Position,
	type RiverLine
} from './river-graph.ts';

/** A straight river along x = 0 from y = 0 to y = 0.05 with vertices every 0.005° (~550 m). */
const mainRiver: Position[] = Array.from({ length: 11 }, (_, i) => [0, i * 0.005] as Position);
/** A side stream leaving the main river at (0, 0.04) eastwards (its end is > 3 km from the tributary). */
const sideStream: Position[] = [
	[0, 0.04],
	[0.005, 0.04],
	[0.01, 0.04]
];
/** A tributary whose mouth stops ~110 m short of the main river: only a bridge joins it. */
const tributary: Position[] = [
	[-0.03, 0.01],
	[-0.02, 0.01],
	[-0.001, 0.01]
];

const network = (): RiverLine[] => [
	{ level: 1, coords: mainRiver },
	{ level: 3, coords: sideStream },
	{ level: 4, coords: tributary }
];
const at = (graph: ReturnType<typeof buildRiverGraph>, p: Position) => snapToGraph(graph, p, 10);

describe('river graph', () => {
	it('parses GMT multi-segment output with levels from the headers', () => {
		const lines = parseGmtSegments(
			'> River Bin # 1, Level 2\n100\t30\n100.1\t30.1\n> River Bin # 1, Level 2\n> x\n1 1\n',
			9
		);
		expect(lines).toEqual([
			{
				level: 2,
				coords: [
					[100, 30],
					[100.1, 30.1]
				]
			}
		]);
	});

	it('line-merges pieces cut at bin edges but not across confluences', () => {
		const merged = lineMerge([
			{
				level: 1,
				coords: [
					[0, 0],
					[0, 1]
				]
			},
			{
				level: 1,
				coords: [
					[0, 2],
					[0, 1]
				]
			}, // reversed piece sharing the bin-edge point
			{
				level: 1,
				coords: [
					[0, 2],
					[0, 3]
				]
			},
			{
				level: 1,
				coords: [
					[0, 3],
					[1, 3]
				]
			}, // three ends meet at (0,3): a confluence
			{
				level: 1,
				coords: [
					[0, 3],
					[0, 4]
				]
			}
		]);
		expect(merged).toHaveLength(3);
		const long = merged.find((l) => l.coords.length === 4)!;
		expect(long.coords.map((p) => p[1]).sort()).toEqual([0, 1, 2, 3]);
	});

	it('bridges a dangling end to another component within the bridge distance only', () => {
		const graph = buildRiverGraph(network(), 3000);
		expect(graph.bridges).toBe(1);
		const mouth = at(graph, [-0.001, 0.01]);
		expect(graph.adj[mouth].some((e) => e.bridge && graph.nodes[e.to][0] === 0)).toBe(true);
		expect(buildRiverGraph(network(), 50).bridges).toBe(0);
	});

	it('routes the shortest path and returns null when unreachable', () => {
		const graph = buildRiverGraph(network(), 3000);
		const path = shortestPath(graph, at(graph, [0, 0]), at(graph, [0, 0.05]))!;
		expect(path.map((n) => graph.nodes[n])).toEqual(mainRiver);
		const isolated = buildRiverGraph(network(), 50);
		expect(shortestPath(isolated, at(isolated, [-0.03, 0.01]), at(isolated, [0, 0]))).toBeNull();
	});

	it('cuts out-and-back spurs and repeated nodes', () => {
		expect(cutSpurs([1, 2, 3, 7, 8, 7, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
		expect(cutSpurs([1, 2, 2, 3])).toEqual([1, 2, 3]);
		expect(cutSpurs([1, 2, 3])).toEqual([1, 2, 3]);
	});

	it('routes waypoints along the main river even when one snaps onto a side stream', () => {
		const graph = buildRiverGraph(network(), 3000);
		// The middle waypoint lies on the side stream: the leg goes out to it and back, and the spur is cut.
		const { path, snaps } = routeWaypoints(graph, [
			[0, 0.0001],
			[0.0101, 0.0401],
			[0.0001, 0.05]
		]);
		expect(path.map((n) => graph.nodes[n])).toEqual(mainRiver);
		expect(snaps.every((s) => s.offsetM < 50)).toBe(true);
		// A waypoint on the bridged tributary routes across the bridge onto the main river.
		const trib = routeWaypoints(graph, [
			[-0.03, 0.01],
			[0, 0.05]
		]);
		expect(graph.nodes[trib.path[0]]).toEqual([-0.03, 0.01]);
		expect(graph.nodes[trib.path.at(-1)!]).toEqual([0, 0.05]);
		expect(() =>
			routeWaypoints(
				graph,
				[
					[0, 0],
					[5, 5]
				],
				10_000
			)
		).toThrow(/more than/);
	});

	it('splits an edge set into chains at confluences', () => {
		const chains = edgesToChains([
			[1, 2],
			[2, 3],
			[3, 4],
			[3, 5]
		]);
		expect(chains.map((c) => c.join('')).sort()).toEqual(['123', '34', '35'].sort());
		expect(
			edgesToChains([
				[1, 2],
				[2, 3],
				[3, 1]
			])
		).toHaveLength(1);
	});

	it('clips to a box and simplifies in metres', () => {
		expect(
			clipLineToBox(
				[
					[-1, 0.5],
					[0.5, 0.5],
					[2, 0.5]
				],
				[0, 0, 1, 1]
			)
		).toEqual([
			[
				[0, 0.5],
				[0.5, 0.5],
				[1, 0.5]
			]
		]);
		const wiggly: Position[] = [
			[0, 0],
			[0.5, 0.0005],
			[1, 0]
		]; // ~55 m off the chord
		expect(simplifyDP(wiggly, 150)).toEqual([
			[0, 0],
			[1, 0]
		]);
		expect(simplifyDP(wiggly, 10)).toHaveLength(3);
	});
});
