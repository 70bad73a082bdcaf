import { readFileSync } from 'node:fs';
import { transformWithOxc } from 'vite';
import { describe, expect, test } from 'vitest';
import { applyMaplibrePatch, MAPLIBRE_PATCHES, type MaplibrePatch } from './maplibre-subset';

const source = (file: string) => readFileSync(`node_modules/maplibre-gl/src/${file}`, 'utf8');

describe('every patch fits the installed MapLibre', () => {
	for (const patch of MAPLIBRE_PATCHES) {
		test(patch.file, () => {
			const before = source(patch.file);
			const after = applyMaplibrePatch(before, patch);
			expect(after).not.toBe(before);
			expect(patch.why.length).toBeGreaterThan(40);
		});
	}
});

test('the edited files no longer import what they drop', () => {
	const patched = (file: string) =>
		applyMaplibrePatch(
			source(file),
			MAPLIBRE_PATCHES.find((p) => p.file === file)!
		);
	expect(patched('symbol/bidi.ts')).not.toMatch(/from 'bidi-js'/);
	expect(patched('style/validate_style.ts')).not.toMatch(/validateStyleMin\}? from/);
	const factory = patched('geo/projection/projection_factory.ts');
	expect(factory).not.toMatch(/from '\.\/(globe|vertical_perspective)/);
	expect(factory).not.toMatch(/case 'globe'|new GlobeProjection|VerticalPerspective/);
	expect(factory).toMatch(/case 'mercator'/);
});

test('an edit that no longer finds its text stops the build and names the file', () => {
	const patch: MaplibrePatch = { file: 'x.ts', drops: '', why: '', edits: [{ find: 'absent', replace: '' }] };
	expect(() => applyMaplibrePatch('present', patch)).toThrow(/x\.ts.*absent.*MapLibre has changed/);
	const twice: MaplibrePatch = { ...patch, edits: [{ find: 'a', replace: '' }] };
	expect(() => applyMaplibrePatch('a a', twice)).toThrow(/exactly one/);
});

test('the right-to-left stand-in keeps a label in logical order and breaks it where asked', async () => {
	const patch = MAPLIBRE_PATCHES.find((p) => p.file === 'symbol/bidi.ts')!;
	// the stand-in, its types removed, run alone
	const { code: js } = await transformWithOxc(patch.edits[0].replace, 'bidi.ts', { lang: 'ts' });
	const bidi = new Function(`${js}; return bidiFactory();`)() as {
		getEmbeddingLevels(t: string): { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
		getBidiCharTypeName(c: string): string;
		getMirroredCharacter(c: string): string | null;
	};
	const { levels, paragraphs } = bidi.getEmbeddingLevels('שלום (abc)');
	expect([...levels].every((l) => l === 0)).toBe(true);
	expect(paragraphs).toEqual([{ start: 0, end: 10, level: 0 }]);
	expect(bidi.getMirroredCharacter('(')).toBeNull();
});
