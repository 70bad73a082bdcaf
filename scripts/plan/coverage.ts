/**
 * Coverage report: per source document, how many features cite it, by kind, and the mentions deliberately not mapped
 * (with why), so gaps are visible.   npx tsx scripts/plan/coverage.ts
 */
import { buildPlan } from './build-plan.ts';
import { planFiles } from './plan-files.ts';
import { SEED_FILES } from '../../src/lib/data/plan-schema.ts';

const { features, notMapped, errors } = buildPlan(planFiles());
if (errors.length)
	console.log(`(${errors.length} problem(s) in the data; run npx tsx scripts/plan/validate-source.ts)\n`);
for (const seed of SEED_FILES) {
	const citing = features.filter((f) => f.properties.sources.some((s) => s.seed === seed));
	const byKind = new Map<string, number>();
	for (const f of citing) byKind.set(f.properties.kind, (byKind.get(f.properties.kind) ?? 0) + 1);
	const skipped = notMapped.filter((n) => n.seed === seed);
	console.log(`${seed}: ${citing.length} features, ${skipped.length} mentions not mapped`);
	console.log(
		'  by kind: ' +
			[...byKind]
				.sort((a, b) => b[1] - a[1])
				.map(([k, n]) => `${k} ${n}`)
				.join(', ')
	);
	const precision = new Map<string, number>();
	for (const f of citing)
		precision.set(f.properties.location.precision, (precision.get(f.properties.location.precision) ?? 0) + 1);
	console.log('  by precision: ' + [...precision].map(([k, n]) => `${k} ${n}`).join(', '));
	for (const n of skipped) console.log(`  not mapped (line ${n.line}) “${n.quote}” — ${n.why}`);
}
console.log(`\nin all: ${features.length} features, ${notMapped.length} mentions not mapped`);
