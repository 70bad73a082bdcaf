/**
 * Validates data/plan files and prints every problem, naming the feature.
 *   npx tsx scripts/plan/validate-source.ts data/plan/ganzi-energy.json [more files]
 * With no arguments, validates all of data/plan/. Exit code 1 if anything is wrong.
 */
import { planFiles } from './plan-files.ts';
import { buildPlan } from './build-plan.ts';

const args = process.argv.slice(2);
const files = args.length ? args : planFiles();
const { features, errors, notMapped } = buildPlan(files);
for (const e of errors) console.log(`✗ ${e}`);
console.log(
	`${files.length} file(s): ${features.length} valid features, ${notMapped.length} not-mapped mentions, ${errors.length} problem(s)`
);
process.exit(errors.length ? 1 : 0);
