/**
 * Checks the hand-written tours (data/tours/tours.json) and publishes them to static/data/tours.json: every step's
 * quote must appear verbatim in its seed near the cited line, its layers and categories must exist, and what it
 * selects must be a plan feature or a county/prefecture. Fails, naming each problem, otherwise.
 *
 *   npx tsx scripts/tours/tours.json.ts   (run by `npm run data`, after the plan is built)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkTours } from './check-tours.ts';

const IN = 'data/tours/tours.json';
const OUT = 'static/data/tours.json';

const raw = JSON.parse(readFileSync(IN, 'utf8')) as unknown;
const plan = JSON.parse(readFileSync('static/data/plan.geojson', 'utf8')) as { features: { id: string }[] };
const base = JSON.parse(readFileSync('static/data/base.topo.json', 'utf8')) as {
	objects: Record<string, { geometries: { properties: { code: string } }[] }>;
};
const places = [
	...base.objects.counties.geometries.map((g) => `county-${g.properties.code}`),
	...base.objects.prefectures.geometries.map((g) => `prefecture-${g.properties.code}`)
];
const { tours, problems } = checkTours(raw, new Set([...plan.features.map((f) => f.id), ...places]));
if (problems.length) {
	for (const p of problems) console.error(`✗ ${IN}: ${p}`);
	process.exit(1);
}
writeFileSync(OUT, JSON.stringify({ tours }));
console.log(`${OUT}: ${tours.length} tours, ${tours.reduce((n, t) => n + t.steps.length, 0)} steps`);
