/**
 * Coverage report: per source document, the features that cite it (by kind), how they are placed (precision and
 * basis), the named items a reader listed and how many are mapped, and the mentions deliberately not mapped (with why),
 * so gaps are visible. Ends with the placement goals over the whole dataset.   npx tsx scripts/plan/coverage.ts
 */
import { buildPlan } from './build-plan.ts';
import { namedItemCounts, placementShares } from './coverage-report.ts';
import { planFiles } from './plan-files.ts';
import { SEED_FILES } from '../../src/lib/data/plan-schema.ts';

const quiet = process.argv.includes('--summary');
const build = buildPlan(planFiles());
const { features, notMapped, errors } = build;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const list = (m: Record<string, number>) =>
	Object.entries(m)
		.sort((a, b) => b[1] - a[1])
		.map(([k, n]) => `${k} ${n}`)
		.join(', ');

if (errors.length)
	console.log(`(${errors.length} problem(s) in the data; run npx tsx scripts/plan/validate-source.ts)\n`);
for (const seed of SEED_FILES) {
	const citing = features.filter((f) => f.properties.sources.some((s) => s.seed === seed));
	const byKind: Record<string, number> = {};
	for (const f of citing) byKind[f.properties.kind] = (byKind[f.properties.kind] ?? 0) + 1;
	const skipped = notMapped.filter((n) => n.seed === seed);
	const shares = placementShares(citing);
	const items = namedItemCounts(build, seed);
	console.log(`${seed}: ${citing.length} features, ${skipped.length} mentions not mapped`);
	console.log(`  by kind: ${list(byKind)}`);
	console.log(`  by precision: ${list(shares.byPrecision)}`);
	console.log(`  by basis: ${list(shares.byBasis)}`);
	console.log(
		`  points at a site or town: ${pct(shares.preciseOfPoints)} of ${shares.points}; at a prefecture seat only: ${pct(shares.prefectureOnly)} of features`
	);
	if (items.total)
		console.log(
			`  named items read: ${items.total}; mapped ${items.mapped}, not mapped with a reason ${items.notMapped}; accounted for ${pct(items.accounted)}`
		);
	if (!quiet) for (const n of skipped) console.log(`  not mapped (line ${n.line}) “${n.quote}” — ${n.why}`);
}
const all = placementShares(features);
console.log(`\nin all: ${features.length} features, ${notMapped.length} mentions not mapped`);
console.log(`  by precision: ${list(all.byPrecision)}`);
console.log(`  by basis: ${list(all.byBasis)}`);
console.log(`  prefecture seat only: ${pct(all.prefectureOnly)} of features (goal ≤ 10 %)`);
console.log(`  site or town: ${pct(all.preciseOfPoints)} of ${all.points} points (goal ≥ 25 %)`);
