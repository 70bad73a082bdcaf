/**
 * Checks the hand-written main-indicator tables (data/indicators/<seed>.json) against the seeds and publishes them to
 * static/data/indicators.json. Fails, naming each problem, otherwise.
 *
 *   npx tsx scripts/indicators/indicators.json.ts   (run by `npm run data`, after the plan is built)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { checkIndicatorTables } from './check-indicators.ts';
import { SeedIndex } from '../plan/seed-quotes.ts';

const DIR = 'data/indicators';
const OUT = 'static/data/indicators.json';

const files = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => ({ name: `${DIR}/${f}`, data: JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as unknown }));
const plan = JSON.parse(readFileSync('static/data/plan.geojson', 'utf8')) as { features: { id: string }[] };
const base = JSON.parse(readFileSync('static/data/base.topo.json', 'utf8')) as {
	objects: Record<string, { geometries: { properties: { code: string } }[] }>;
};
const places = new Set([
	...plan.features.map((f) => f.id),
	...base.objects.counties.geometries.map((g) => `county-${g.properties.code}`),
	...base.objects.prefectures.geometries.map((g) => `prefecture-${g.properties.code}`)
]);
const seeds = new SeedIndex();
const { tables, problems } = checkIndicatorTables(files, (s) => seeds.linesOf(s), places);
if (problems.length) {
	for (const p of problems) console.error(`✗ ${p}`);
	process.exit(1);
}
writeFileSync(OUT, JSON.stringify({ tables }));
console.log(`${OUT}: ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows.length, 0)} indicators`);
