/**
 * Offline glyphs for MapLibre: SDF glyph PBFs (`<outDir>/<Font Stack Name>/<start>-<end>.pbf`, 256 code points a
 * range) for only the characters the atlas labels, plus printable ASCII (U+0020–U+007E) so Latin text and digits always
 * work. Latin-1's accented letters come only when a label uses them (the whole 0–255 range was 51 KB gzip a stack, half
 * of it letters no label has).
 *
 * Each font is first subset (npm `subset-font`) to the requested characters, then npm `fontnik` (FreeType, the
 * generator Mapbox built for this format; its npm package ships prebuilt binaries for linux/darwin x64/arm64) renders
 * every range: 24 px glyphs, 3 px buffer, SDF radius 8, cutoff 0.25 — the glyph format MapLibre expects.
 *
 * Fonts: Noto Sans SC Regular and Bold from npm `@expo-google-fonts/noto-sans-sc` (SIL Open Font License 1.1).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PbfReader } from 'pbf';
import subsetFont from 'subset-font';
import fontnik from 'fontnik';

export interface FontSpec {
	/** Font stack name: the folder name, and what styles put in `text-font`. */
	name: string;
	/** Path to a TrueType/OpenType font file. */
	file: string;
}

export interface BuildGlyphsOptions {
	/** Fonts to build; default Noto Sans SC Regular and Bold from @expo-google-fonts/noto-sans-sc. */
	fonts?: FontSpec[];
	/** Delete existing .pbf files in each font stack folder first, so no stale range is left (default true). */
	clean?: boolean;
	/** Ranges rendered at once (fontnik works on libuv's thread pool). Default 4. */
	concurrency?: number;
	/** Progress messages; default silent. */
	log?: (message: string) => void;
}

export interface BuildGlyphsResult {
	/** Range start code points written (same for every stack), ascending. */
	ranges: number[];
	/** Files written, relative to outDir. */
	files: string[];
	/** Total bytes written. */
	bytes: number;
	/** Requested code points that a font has no glyph for, by stack name (MapLibre will leave them blank). */
	missing: Record<string, number[]>;
	/** Distinct requested code points outside 0–255. */
	extraCodePoints: number;
}

const require = createRequire(import.meta.url);

/** Noto Sans SC Regular and Bold as shipped by @expo-google-fonts/noto-sans-sc. */
export function defaultFonts(): FontSpec[] {
	const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
	return [
		{ name: 'Noto Sans SC Regular', file: join(dir, '400Regular', 'NotoSansSC_400Regular.ttf') },
		{ name: 'Noto Sans SC Bold', file: join(dir, '700Bold', 'NotoSansSC_700Bold.ttf') }
	];
}

/** Code points to render: every code point of `chars` that is not a control or line break, plus U+0020–U+007E. */
export function codePointsFor(chars: string): number[] {
	const set = new Set<number>();
	for (let cp = 0x20; cp < 0x7f; cp++) set.add(cp);
	for (const ch of chars) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp > 0xffff) continue; // glyph PBFs address the BMP only
		set.add(cp);
	}
	return [...set].sort((a, b) => a - b);
}

/** Range starts (multiples of 256) covering the code points; always includes 0. */
export function rangesFor(codePoints: number[]): number[] {
	const set = new Set<number>([0]);
	for (const cp of codePoints) set.add(cp - (cp % 256));
	return [...set].sort((a, b) => a - b);
}

export const rangeFileName = (start: number) => `${start}-${start + 255}.pbf`;

export interface DecodedGlyph {
	id: number;
	width: number;
	height: number;
	left: number;
	top: number;
	advance: number;
	/** SDF bytes: (width + 6) × (height + 6) when the glyph has a bitmap. */
	bitmap?: Uint8Array;
}
export interface DecodedStack {
	name: string;
	range: string;
	glyphs: DecodedGlyph[];
}

/** Decodes a glyph PBF (`glyphs { stacks { name, range, glyphs { … } } }`, as MapLibre reads it). */
export function decodeGlyphPbf(data: Uint8Array): DecodedStack[] {
	const readGlyph = (tag: number, g: DecodedGlyph, pbf: PbfReader) => {
		if (tag === 1) g.id = pbf.readVarint();
		else if (tag === 2) g.bitmap = pbf.readBytes();
		else if (tag === 3) g.width = pbf.readVarint();
		else if (tag === 4) g.height = pbf.readVarint();
		else if (tag === 5) g.left = pbf.readSVarint();
		else if (tag === 6) g.top = pbf.readSVarint();
		else if (tag === 7) g.advance = pbf.readVarint();
	};
	const readStack = (tag: number, s: DecodedStack, pbf: PbfReader) => {
		if (tag === 1) s.name = pbf.readString();
		else if (tag === 2) s.range = pbf.readString();
		else if (tag === 3) {
			s.glyphs.push(pbf.readMessage(readGlyph, { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0 }));
		}
	};
	return new PbfReader(data).readFields((tag, stacks: DecodedStack[], pbf) => {
		if (tag === 1) stacks.push(pbf.readMessage(readStack, { name: '', range: '', glyphs: [] }));
	}, []);
}

function renderRange(font: Buffer, start: number): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		fontnik.range({ font, start, end: start + 255 }, (err, data) => (err ? reject(err) : resolve(data!)))
	);
}

function fontFaces(font: Buffer): Promise<{ family_name: string; style_name?: string; points: number[] }[]> {
	return new Promise((resolve, reject) => fontnik.load(font, (err, faces) => (err ? reject(err) : resolve(faces!))));
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const out = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return out;
}

/**
 * Writes `outDir/<stack>/<start>-<end>.pbf` for every range holding a character of `chars`, and for 0–255, for each
 * font stack. Characters outside the Basic Multilingual Plane are skipped (the glyph format cannot address them).
 */
export async function buildGlyphs(
	chars: string,
	outDir: string,
	options: BuildGlyphsOptions = {}
): Promise<BuildGlyphsResult> {
	const fonts = options.fonts ?? defaultFonts();
	const log = options.log ?? (() => {});
	const codePoints = codePointsFor(chars);
	const ranges = rangesFor(codePoints);
	const text = String.fromCodePoint(...codePoints);
	const result: BuildGlyphsResult = {
		ranges,
		files: [],
		bytes: 0,
		missing: {},
		extraCodePoints: codePoints.filter((cp) => cp > 0xff).length
	};
	for (const spec of fonts) {
		const full = await readFile(spec.file);
		const subset = Buffer.from(await subsetFont(full, text, { targetFormat: 'truetype' }));
		const covered = new Set((await fontFaces(subset)).flatMap((f) => f.points));
		result.missing[spec.name] = codePoints.filter((cp) => !covered.has(cp) && cp !== 0x20 && cp !== 0xa0);
		log(
			`${spec.name}: subset ${(full.length / 1e6).toFixed(1)} MB → ${(subset.length / 1024).toFixed(0)} KB, ` +
				`${covered.size} glyphs, ${ranges.length} ranges`
		);
		const dir = join(outDir, spec.name);
		await mkdir(dir, { recursive: true });
		if (options.clean ?? true) {
			for (const f of await readdir(dir)) if (f.endsWith('.pbf')) await rm(join(dir, f));
		}
		const sizes = await mapLimit(ranges, options.concurrency ?? 4, async (start) => {
			const data = await renderRange(subset, start);
			await writeFile(join(dir, rangeFileName(start)), data);
			return data.length;
		});
		result.bytes += sizes.reduce((s, n) => s + n, 0);
		result.files.push(...ranges.map((start) => join(spec.name, rangeFileName(start))));
	}
	return result;
}
