/**
 * Spatial-question benchmark: median latency of `at` (what is here) and `inside` (a drawn rectangle) on the real plan
 * data and on 100 000 synthetic points spread over Sichuan with a mix of kinds, in Node (the same pure functions the
 * browser runs). Prints figures; asserts nothing. Run `npm run data` first.
 */
import { performance } from 'node:perf_hooks';
import type { Polygon } from 'geojson';
import type { PlanFeature } from '../../src/lib/data/plan-data';
import { at, buildSpatialIndex, inside } from '../../src/lib/geo/spatial-index';
import { havePublishedData, loadPublishedData } from '../spatial/published-data';

if (!havePublishedData) throw new Error('static/data/plan-atlas.json is missing: run npm run data first');

const SYNTHETIC = 100_000;
const RUNS = 200;
const BOX = [97.3, 26.0, 108.6, 34.4]; // Sichuan's bbox

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(42);
const inBox = (): [number, number] => [BOX[0] + rand() * (BOX[2] - BOX[0]), BOX[1] + rand() * (BOX[3] - BOX[1])];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown): number {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}
/** A rectangle of about `km` × `km` somewhere in Sichuan. */
function rectangle(km: number): Polygon {
	const [x, y] = inBox();
	const [w, h] = [km / 100, km / 111];
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + w, y],
				[x + w, y + h],
				[x, y + h],
				[x, y]
			]
		]
	};
}

const { base, plan } = loadPublishedData();
const pointKinds = [...new Set(plan.features.filter((f) => f.geometry.type === 'Point').map((f) => f.properties.kind))];
const template = plan.features.find((f) => f.geometry.type === 'Point')!;
const synthetic: PlanFeature[] = Array.from({ length: SYNTHETIC }, (_, i) => ({
	type: 'Feature',
	// Sites at their own random positions (a county-seat template would make each a stand-in for a county it is not in).
	properties: {
		...template.properties,
		id: `synthetic-${i}`,
		kind: pointKinds[i % pointKinds.length],
		location: { ...template.properties.location, precision: 'site' }
	},
	geometry: { type: 'Point', coordinates: inBox() }
}));

for (const [label, features] of [
	[`real data (${plan.features.length} features)`, plan.features],
	[`real data + ${SYNTHETIC.toLocaleString('en')} synthetic points`, [...plan.features, ...synthetic]]
] as const) {
	let index!: ReturnType<typeof buildSpatialIndex>;
	const build = time(() => (index = buildSpatialIndex(features, base.counties.features, base.prefectures.features)));
	for (let i = 0; i < 20; i++) at(index, inBox()); // warm up
	const atMs = Array.from({ length: RUNS }, () => time(() => at(index, inBox())));
	const insideMs = (km: number) => {
		const shapes = Array.from({ length: RUNS }, () => rectangle(km));
		inside(index, shapes[0]);
		return median(shapes.map((s) => time(() => inside(index, s)))).toFixed(2);
	};
	console.log(
		`${label}: index built in ${build.toFixed(0)} ms; at median ${median(atMs).toFixed(2)} ms (p90 ${[...atMs].sort((a, b) => a - b)[Math.floor(RUNS * 0.9)].toFixed(2)}); inside median ${insideMs(50)} ms (~50 km rectangle), ${insideMs(200)} ms (~200 km)`
	);
}
