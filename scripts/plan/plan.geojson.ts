/**
 * Builds static/data/plan.geojson — the published plan dataset (one RFC 7946 FeatureCollection, WGS84) — from the
 * hand-written data/plan/*.json. Fails, listing every problem with its file and feature, if anything is wrong.
 *
 *   npx tsx scripts/plan/plan.geojson.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildPlan } from './build-plan.ts';
import { roundGeometry } from './round-geometry.ts';
import { planFiles } from './plan-files.ts';

const OUT = 'static/data/plan.geojson';
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
	features: features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry, COORDINATE_DECIMALS) }))
};
const text = JSON.stringify(collection);
mkdirSync('static/data', { recursive: true });
writeFileSync(OUT, text);
console.log(
	`${OUT}: ${features.length} features from ${files.length} file(s), ${(text.length / 1024).toFixed(0)} KB, ` +
		`${(gzipSync(text).length / 1024).toFixed(0)} KB gzip, ${(performance.now() - t0).toFixed(0)} ms`
);
