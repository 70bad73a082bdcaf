/**
 * Builds static/data/reader/<seed>.json — each seed in seeds/ as a structured document for the reader (/read/<seed>):
 * its blocks with their source line ranges (src/lib/reader/document.ts), the spans features cite and the mentions the
 * data lists as not mapped with their reason (src/lib/reader/annotate.ts), the features citing it and the "what is
 * mapped" counts — and static/data/reader/index.json, the five documents with their counts.
 *
 *   npx tsx scripts/reader/reader.json.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildPlan } from '../plan/build-plan.ts';
import { planFiles } from '../plan/plan-files.ts';
import { SEED_FILES } from '../../src/lib/data/plan-schema.ts';
import { SEED_TITLES } from '../../src/lib/i18n/strings.ts';
import { buildReaderDocument } from '../../src/lib/reader/reader-build.ts';

const OUT = 'static/data/reader';
const t0 = performance.now();
const build = buildPlan(planFiles());
if (build.errors.length) {
	console.error(`reader: the plan data has ${build.errors.length} problem(s); run npm run data:validate`);
	process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const index = [];
for (const seed of SEED_FILES) {
	const text = readFileSync(`seeds/${seed}`, 'utf8');
	const doc = buildReaderDocument(seed, text, SEED_TITLES[seed], build.features, build.notMapped);
	writeFileSync(`${OUT}/${seed.replace(/\.txt$/, '')}.json`, JSON.stringify(doc));
	const { blocks: _blocks, features: _features, notMapped: _notMapped, ...entry } = doc;
	index.push(entry);
	console.log(
		`${seed}: ${doc.blocks.length} blocks, ${doc.summary.features} features, ${doc.summary.notMapped} not mapped`
	);
}
writeFileSync(`${OUT}/index.json`, JSON.stringify(index));
console.log(`reader documents in ${(performance.now() - t0).toFixed(0)} ms`);
