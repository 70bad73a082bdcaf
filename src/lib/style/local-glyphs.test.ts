import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { drawnLocally, LOCAL_IDEOGRAPH_CLASS } from './local-glyphs';

test('our copy of the local-ideograph rule is the one in the installed MapLibre', () => {
	const require = createRequire(import.meta.url);
	const dist = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist', 'maplibre-gl-dev.mjs');
	const source = readFileSync(dist, 'utf8');
	const fn = source.slice(source.indexOf('function codePointUsesLocalIdeographFontFamily'));
	expect(fn.slice(0, 800)).toContain(`/[${LOCAL_IDEOGRAPH_CLASS}]`);
});

test('Chinese characters and full-width punctuation are drawn locally; Latin and general punctuation are not', () => {
	for (const c of ['康', '定', '（', '）', '、', '。', '·'.replace('·', '・')]) expect(drawnLocally(c), c).toBe(true);
	for (const c of ['K', '7', '–', '“', '·', ' ']) expect(drawnLocally(c), c).toBe(false);
});
