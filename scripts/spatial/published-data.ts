/**
 * The published atlas data (static/data) read from disk the way the browser reads it, for real-data tests and the
 * spatial benchmark: plan features decoded (areas merged from their counties) and the base counties and prefectures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { decodeBase } from '../../src/lib/data/base-geography';
import { decodePlan } from '../../src/lib/data/plan-data';
import { buildSpatialIndex, type SpatialIndex } from '../../src/lib/geo/spatial-index';

const planPath = fileURLToPath(new URL('../../static/data/plan-atlas.json', import.meta.url));
const basePath = fileURLToPath(new URL('../../static/data/base.topo.json', import.meta.url));

/** Whether `npm run data` has built the plan file (it is gitignored). */
export const havePublishedData = existsSync(planPath) && existsSync(basePath);

export function loadPublishedData() {
	const topology = JSON.parse(readFileSync(basePath, 'utf8')) as Topology;
	const base = decodeBase(topology, basePath);
	const plan = decodePlan(JSON.parse(readFileSync(planPath, 'utf8')), topology, planPath);
	return { base, plan };
}

export function publishedSpatialIndex(): SpatialIndex {
	const { base, plan } = loadPublishedData();
	return buildSpatialIndex(plan.features, base.counties.features, base.prefectures.features);
}
