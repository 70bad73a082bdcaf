/**
 * Builds static/data/plan.geojson — the published plan dataset (one RFC 7946 FeatureCollection, WGS84) — from the
 * hand-written data/plan/*.json. Fails, listing every problem with its file and feature, if anything is wrong.
 *
 * Also writes static/data/plan-atlas.json, the compact form the atlas loads: the same features, but an area's geometry
 * is replaced by the county codes it is the union of (`members`), which the browser merges from the base topology it
 * already has — a fraction of the GeoJSON's size.
 *
 * And static/data/plan-map.json, what the first view draws: the compact features with only their map properties
 * (planMapProperties: names, kind, layers, places, status, placement precision and basis), stored by column
 * (src/lib/data/plan-map-columns.ts). The full records follow once the map is on screen.
 *
 *   npx tsx scripts/plan/plan.geojson.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildPlan } from './build-plan.ts';
import { roundGeometry } from './round-geometry.ts';
import { planFiles } from './plan-files.ts';
import { planMapProperties, type PlanProperties } from '../../src/lib/data/plan-schema.ts';
import { toPlanMapColumns } from '../../src/lib/data/plan-map-columns.ts';
import type { Geometry } from 'geojson';

const OUT = 'static/data/plan.geojson';
const OUT_ATLAS = 'static/data/plan-atlas.json';
const OUT_MAP = 'static/data/plan-map.json';
/** 5 decimals ≈ 1 m: far finer than any placement in the data. */
const COORDINATE_DECIMALS = 5;

const t0 = performance.now();
const files = planFiles();
const { features, errors } = buildPlan(files);
if (errors.length) {
	for (const e of errors) console.error(`✗ ${e}`);
	console.error(`plan data: ${errors.length} problem(s) in ${files.length} file(s); nothing written`);
	process.exit(1);
}
const collection = {
	type: 'FeatureCollection',
	features: features.map(({ members: _members, ...f }) => ({
		...f,
		geometry: roundGeometry(f.geometry, COORDINATE_DECIMALS)
	}))
};
const compact = {
	type: 'FeatureCollection',
	features: features.map((f) =>
		f.members
			? { type: 'Feature', id: f.id, properties: f.properties, geometry: null, members: f.members }
			: { ...f, geometry: roundGeometry(f.geometry, COORDINATE_DECIMALS) }
	)
};
// the map file: map properties only, stored by column (66 → 50 KB gzip as a FeatureCollection; plan-map-columns.ts)
const mapOnly = toPlanMapColumns(
	compact.features.map((f) => ({
		properties: planMapProperties(f.properties as PlanProperties),
		geometry: f.geometry as Geometry | null,
		...('members' in f && f.members ? { members: f.members as string[] } : {})
	}))
);
mkdirSync('static/data', { recursive: true });
write(OUT, JSON.stringify(collection));
write(OUT_ATLAS, JSON.stringify(compact));
write(OUT_MAP, JSON.stringify(mapOnly));
console.log(`${features.length} features from ${files.length} file(s) in ${(performance.now() - t0).toFixed(0)} ms`);

function write(path: string, text: string) {
	writeFileSync(path, text);
	console.log(`${path}: ${(text.length / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzip`);
}
