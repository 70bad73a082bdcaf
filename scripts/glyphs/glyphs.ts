/**
 * Builds MapLibre glyph PBFs for the characters of a set of label texts.
 *
 *   npx tsx scripts/glyphs/glyphs.ts                          (labels of the published data in static/data)
 *   npx tsx scripts/glyphs/glyphs.ts <labels.json> [outDir]   (a JSON array of strings)
 *
 * Only characters MapLibre does not draw from the local CJK font get glyphs (src/lib/style/local-glyphs.ts). Writes
 * <outDir>/Noto Sans SC Regular/… and <outDir>/Noto Sans SC Bold/…, one PBF per 256-code-point range in use, plus 0–255.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildGlyphs } from './build-glyphs.ts';
import { labelTexts, pbfCharacters } from './label-text.ts';

async function main() {
	const [labelsFile, outDir = 'static/glyphs'] = process.argv.slice(2);
	const labels: unknown = labelsFile ? JSON.parse(readFileSync(labelsFile, 'utf8')) : labelTexts();
	if (!Array.isArray(labels) || !labels.every((s) => typeof s === 'string')) {
		throw new Error(`${labelsFile} must hold a JSON array of strings`);
	}
	const chars = pbfCharacters(labels);
	const distinct = new Set(chars);
	const cjk = [...distinct].filter((c) => /\p{Script=Han}/u.test(c)).length;
	const t0 = performance.now();
	const result = await buildGlyphs(chars, outDir, { log: (m) => console.log(m) });
	const seconds = (performance.now() - t0) / 1000;
	let gzip = 0;
	for (const f of result.files) gzip += gzipSync(await readFile(join(outDir, f)), { level: 9 }).length;
	const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
	console.log(
		`${labels.length} labels, ${distinct.size} distinct characters (${cjk} CJK) → ${result.ranges.length} ranges × ` +
			`${result.files.length / result.ranges.length} stacks = ${result.files.length} files in ${outDir}: ` +
			`${kb(result.bytes)} raw, ${kb(gzip)} gzip, in ${seconds.toFixed(1)} s`
	);
	for (const [stack, missing] of Object.entries(result.missing)) {
		if (missing.length) {
			console.warn(`  ! ${stack} has no glyph for: ${missing.map((cp) => String.fromCodePoint(cp)).join(' ')}`);
		}
	}
}

main().catch((err: unknown) => {
	console.error(`glyphs.ts: ${(err as Error).message}`);
	process.exit(1);
});
