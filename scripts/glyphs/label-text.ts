/**
 * Every text the map may draw as a label, read from the published data (static/data), and the characters of it that
 * need glyph PBFs (those MapLibre does not draw from the local CJK font).
 */
import { existsSync, readFileSync } from 'node:fs';
import { drawnLocally } from '../../src/lib/style/local-glyphs.ts';

/** Property names that hold label text anywhere in our data. */
const LABEL_FIELDS = ['name_zh', 'name_en', 'label_zh', 'label_en'];
const DATA_FILES = ['base.topo.json', 'context.topo.json', 'rivers.geojson', 'plan.geojson'];

export function labelTexts(dir = 'static/data'): string[] {
	const texts = new Set<string>();
	const visit = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) {
				if (LABEL_FIELDS.includes(k) && typeof v === 'string') texts.add(v);
				else if (typeof v === 'object') visit(v);
			}
		}
	};
	for (const f of DATA_FILES) {
		const path = `${dir}/${f}`;
		if (!existsSync(path)) throw new Error(`${path} is missing: build the data first`);
		visit(JSON.parse(readFileSync(path, 'utf8')));
	}
	return [...texts].sort();
}

/** The distinct characters of the texts that MapLibre needs glyph PBFs for. */
export function pbfCharacters(texts: string[]): string {
	return [...new Set(texts.join(''))].filter((c) => !drawnLocally(c)).join('');
}
