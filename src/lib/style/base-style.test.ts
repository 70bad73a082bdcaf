import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { applyLabelLanguage, baseStyle, BASE_LABELS_BEFORE_ID, labelLayers, type BaseData } from './base-style';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const data: BaseData = {
	neighbours: empty,
	province: empty,
	prefectures: empty,
	counties: empty,
	countySeats: empty,
	prefectureSeats: empty,
	rivers: empty
};
const GLYPHS = 'http://127.0.0.1:4173/glyphs/{fontstack}/{range}.pbf';

describe('baseStyle', () => {
	test.each(['zh', 'en'] as const)('is a valid MapLibre style in %s', (lang) => {
		expect(validateStyleMin(baseStyle(data, lang, GLYPHS))).toEqual([]);
	});

	test('needs nothing from another origin: inline sources, our glyphs, no sprite', () => {
		const style = baseStyle(data, 'zh', GLYPHS);
		expect(style.sprite).toBeUndefined();
		expect(style.glyphs).toBe(GLYPHS);
		for (const source of Object.values(style.sources)) {
			expect(source.type).toBe('geojson');
			expect(typeof (source as { data: unknown }).data).toBe('object');
		}
	});

	test('draws base, then boundaries, then labels; plan layers go below the first label layer', () => {
		const ids = baseStyle(data, 'zh', GLYPHS).layers.map((l) => l.id);
		expect(ids[0]).toBe('background');
		const firstLabel = ids.indexOf(BASE_LABELS_BEFORE_ID);
		expect(firstLabel).toBeGreaterThan(ids.indexOf('province-line'));
		expect(ids.slice(firstLabel).every((id) => id.startsWith('label-') || id === 'prefecture-seat')).toBe(true);
	});

	test('labels use Chinese names in zh and English (falling back to Chinese) in en', () => {
		const zh = labelLayers('zh').find((l) => l.id === 'label-counties')!;
		const en = labelLayers('en').find((l) => l.id === 'label-counties')!;
		expect(JSON.stringify(zh.layout)).toContain('label_zh');
		expect(JSON.stringify(en.layout)).toContain('label_en');
		expect(JSON.stringify(en.layout)).toContain('coalesce');
	});
});

describe('applyLabelLanguage', () => {
	test('switches only the language-dependent layout properties of existing label layers', () => {
		const calls: [string, string, unknown][] = [];
		const fakeMap = {
			getLayer: (id: string) => (id === 'label-rivers' ? undefined : { id }),
			getLayoutProperty: (id: string, key: string) => layout.get(`${id} ${key}`),
			setLayoutProperty: (id: string, key: string, value: unknown) => {
				calls.push([id, key, value]);
				layout.set(`${id} ${key}`, value);
			}
		};
		const layout = new Map<string, unknown>();
		applyLabelLanguage(fakeMap, 'en');
		const keys = new Set(calls.map(([, k]) => k));
		expect([...keys].sort()).toEqual(['text-field', 'text-letter-spacing', 'text-transform']);
		expect(calls.some(([id]) => id === 'label-rivers')).toBe(false);
		expect(calls.some(([id]) => id === 'label-prefectures')).toBe(true);
		// the same language again changes nothing (MapLibre would draw a frame for each unchanged call)
		const n = calls.length;
		applyLabelLanguage(fakeMap, 'en');
		expect(calls.length).toBe(n);
	});
});
