/**
 * Builds the font the PDF export embeds: Noto Sans SC (SIL OFL, npm @expo-google-fonts/noto-sans-sc) Regular and Bold,
 * each subset (npm `subset-font`, harfbuzz) to the characters a PDF can hold — every label of the published data, the
 * tours, the interface's words and the vocabularies — as TrueType (jsPDF embeds TrueType outlines, as FontFile2).
 *
 *   npx tsx scripts/fonts/pdf-font.ts        → static/fonts/pdf-sc-400.ttf, pdf-sc-700.ttf, pdf-sc-chars.txt
 *
 * The browser fetches them from our origin only when a PDF is made.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { labelTexts } from '../glyphs/label-text.ts';

const OUT = 'static/fonts';
const require = createRequire(import.meta.url);
const FACES = {
	400: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
	700: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'
};
/** Files whose words reach a PDF: the interface, the vocabularies (kinds, layers, metrics), the tours. */
const TEXT_FILES = ['src/lib/i18n/strings.ts', 'src/lib/data/vocab.ts', 'static/data/tours.json'];
/** Printable ASCII and the punctuation our texts and exports write. */
const ALWAYS =
	Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') +
	'“”‘’·…—–、，。：；（）《》〈〉「」→←×°±≤≥²³–';

/** The distinct characters a PDF may need, sorted by code point. */
export function pdfCharacters(): string {
	const texts = [...labelTexts(), ...TEXT_FILES.map((f) => readFileSync(f, 'utf8')), ALWAYS];
	const chars = new Set<string>();
	for (const ch of texts.join('')) if (ch >= ' ' && ch !== '\u007f') chars.add(ch);
	return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

async function main() {
	const chars = pdfCharacters();
	mkdirSync(OUT, { recursive: true });
	for (const [weight, path] of Object.entries(FACES)) {
		const full = readFileSync(require.resolve(path));
		const subset = await subsetFont(full, chars, { targetFormat: 'truetype' });
		writeFileSync(`${OUT}/pdf-sc-${weight}.ttf`, subset);
		console.log(
			`${OUT}/pdf-sc-${weight}.ttf: Noto Sans SC ${weight}, ${[...chars].length} characters, ` +
				`${(full.length / 1048576).toFixed(1)} MB → ${(subset.length / 1024).toFixed(0)} KB`
		);
	}
	writeFileSync(`${OUT}/pdf-sc-chars.txt`, chars);
}

main().catch((err: unknown) => {
	console.error(`pdf-font.ts: ${(err as Error).message}`);
	process.exit(1);
});
