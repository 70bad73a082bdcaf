/**
 * Table benchmark: how long building, filtering and sorting the table's rows take on the real plan data and on
 * 100 000 synthetic rows (the size of a user's data layer), in Node — the same pure functions the browser runs on
 * each keystroke or header click. Prints medians; asserts nothing. Run `npm run data` first.
 */
import { performance } from 'node:perf_hooks';
import type { PlanFeature } from '../../src/lib/data/plan-data';
import {
	filterRows,
	namesByCode,
	sortRows,
	statusCounts,
	tableCsv,
	tableRows
} from '../../src/lib/atlas/table/table-rows';
import { havePublishedData, loadPublishedData } from '../spatial/published-data';

if (!havePublishedData) throw new Error('static/data/plan-atlas.json is missing: run npm run data first');

const SYNTHETIC = 100_000;
const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown, runs = RUNS): number {
	fn(); // warm up
	return median(
		Array.from({ length: runs }, () => {
			const t0 = performance.now();
			fn();
			return performance.now() - t0;
		})
	);
}

const { base, plan } = loadPublishedData();
const counties = namesByCode(base.counties);
const prefectures = namesByCode(base.prefectures);
const points = plan.features.filter((f) => f.geometry.type === 'Point');
const synthetic: PlanFeature[] = Array.from({ length: SYNTHETIC }, (_, i) => {
	const f = points[i % points.length];
	return { ...f, properties: { ...f.properties, id: `synthetic-${i}`, name_zh: `${f.properties.name_zh}${i}` } };
});

console.log('table rows (Node, median of 15; ms):');
for (const [label, features] of [
	[`real data (${plan.features.length} features)`, plan.features],
	[`${SYNTHETIC.toLocaleString('en')} synthetic rows`, synthetic]
] as const) {
	let rows = tableRows(features, counties, prefectures);
	const build = time(() => (rows = tableRows(features, counties, prefectures)), 5);
	const text = time(() => filterRows(rows, { text: '水电 甘孜' }));
	const status = time(() => filterRows(rows, { statuses: ['under_construction', 'to_start'] }));
	const counts = time(() => statusCounts(rows, { kinds: ['park', 'hydro_station'] }, null));
	const byName = time(() => sortRows(rows, { column: 'name', dir: 'asc' }, 'zh'), 5);
	const byCapacity = time(() => sortRows(rows, { column: 'capacity', dir: 'desc' }, 'zh'));
	const csv = time(() => tableCsv(rows), 3);
	console.log(
		`  ${label}: build ${build.toFixed(1)}; text filter ${text.toFixed(2)}; status filter ${status.toFixed(2)}; status counts ${counts.toFixed(2)}; sort by name (pinyin) ${byName.toFixed(1)}; by capacity ${byCapacity.toFixed(1)}; CSV ${csv.toFixed(1)}`
	);
}
