/**
 * The prerendered first map: the atlas's opening view (Sichuan framed, default layers, labels) as a static SVG, drawn
 * at build time by the same renderer and palette as the live map (src/lib/svg-map). `src/hooks.server.ts` puts it into
 * the prerendered page, so a map is on screen before any script runs; the live map replaces it without a jump because
 * the SVG frames exactly the ground the live map's first camera frames (see `firstViewFrame`).
 *
 *   tsx scripts/first-view/first-view.svg.ts   → static/data/first-view.svg
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { decodeBase, decodeObject } from '../../src/lib/data/base-geography';
import { decodePlan } from '../../src/lib/data/plan-data';
import { riverLabelPoints } from '../../src/lib/geo/river-labels';
import { DEFAULT_LAYERS } from '../../src/lib/atlas/plan/layer-defaults';
import { planDrawing, planScene } from '../../src/lib/svg-map/plan-scene';
import { firstViewSvg } from '../../src/lib/svg-map/first-view';

const file = (p: string) => fileURLToPath(new URL(`../../static/data/${p}`, import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(file(p), 'utf8'));

const topology = json('base.topo.json') as Topology;
const base = decodeBase(topology, 'base.topo.json');
const neighbours = decodeObject(json('context.topo.json') as Topology, 'neighbours', 'context.topo.json');
const rivers = json('rivers.geojson') as FeatureCollection;
const plan = decodePlan(json('plan-atlas.json'), topology, 'plan-atlas.json');
const seats = new Map<string, Position>(
	base.prefectureSeats.features.map((f) => [String(f.properties!.code), (f.geometry as GeoJSON.Point).coordinates])
);
const scene = planScene(planDrawing(plan.features, seats), {
	layers: DEFAULT_LAYERS,
	selected: null,
	matching: null
});
const svg = firstViewSvg({
	base: { ...base, topology, neighbours, rivers, riverLabels: riverLabelPoints(rivers) },
	plan: scene
});
writeFileSync(file('first-view.svg'), svg);
console.log(
	`first-view.svg: ${(svg.length / 1024).toFixed(1)} KB, ${(gzipSync(svg, { level: 9 }).length / 1024).toFixed(1)} KB gzip`
);
