import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { topology } from 'topojson-server';
import type { PlanFeature } from '$lib/data/plan-data';
import type { MapProps } from '$lib/atlas/plan/map-features';
import type { ExportContent } from '$lib/export/draw-export';
import { renderMapSvg, type SvgBase, type SvgPlan } from '$lib/svg-map/render-svg';
import { footBand, layoutSvg, portableMap, vectorFrame, wrapText } from './vector-layout';
import { fc, point, square } from '$lib/svg-map/test-geometry';

const county = square(103, 30, 1, { code: '510101', name_zh: '甲县', label_zh: '甲县', label_en: 'Jia' });
const prefecture = square(103, 30, 2, { code: '510100', name_zh: '某市', label_zh: '某市', label_en: 'Mou' });
const base: SvgBase = {
	topology: topology({ counties: fc([county]), prefectures: fc([prefecture]) } as never) as never,
	neighbours: fc([]),
	province: fc([prefecture]),
	prefectures: fc([prefecture]),
	counties: fc([county]),
	prefectureSeats: fc([point(104, 31, { code: '510100', label_zh: '某市', label_en: 'Mou' })]),
	countySeats: fc([]),
	rivers: fc([]),
	riverLabels: fc([]) as FeatureCollection<Point>
};
const areaProps: MapProps = {
	id: 'zone-a',
	kind: 'subregion',
	family: 'structure',
	colour: '#a4452c',
	fill: '#4e79a7',
	rank: 2,
	label_zh: '甲片区',
	label_en: 'Zone A',
	placement: 'area'
};
const park = {
	type: 'Feature',
	properties: { id: 'park-a', kind: 'park', layers: ['aba-parks'], location: { precision: 'site' } },
	geometry: { type: 'Point', coordinates: [103.5, 30.4] }
} as unknown as PlanFeature;
const plan: SvgPlan = {
	shapes: [{ ...square(103.1, 30.1, 0.8, {}), properties: areaProps } as Feature<Geometry, MapProps>],
	labels: [
		{ ...point(103.2, 30.85, {}), properties: areaProps },
		{ ...point(103.5, 30.4, {}), properties: { ...areaProps, id: 'park-a', placement: 'point', label_zh: '乙园区' } }
	] as Feature<Point, MapProps>[],
	visible: new Set(['zone-a', 'park-a']),
	labelled: new Set(['zone-a', 'park-a']),
	points: [park],
	stacks: [],
	powerLines: [],
	links: [],
	selected: null,
	hovered: null,
	matching: null,
	layers: ['aba-subregions', 'aba-parks'],
	layersOf: (id) => (id === 'zone-a' ? ['aba-subregions'] : ['aba-parks'])
};
const content: ExportContent = {
	title: '阿坝州 <产业> & 园区',
	subtitle: '四川产业规划图集 · 显示图层: 片区、园区',
	legendTitle: '图例',
	legend: [
		{
			heading: '阿坝片区',
			layer: 'aba-subregions',
			rows: [{ colour: '#4e79a7', shape: 'area', label: '片区', count: 1 }]
		},
		{ heading: '阿坝园区', layer: 'aba-parks', rows: [{ colour: '#b5523b', shape: 'point', label: '园区', count: 1 }] }
	],
	attribution: '底图: 民政部区划 · 非官方地图，不作为权属依据。',
	citations: ['引用文件 004: 阿坝州规划 (004_0123456789abcdef.txt) · 2 个要素'],
	footer: '导出自 https://example.org/#v=1 · 2026-12-04',
	northLabel: '北',
	view: { center: [104, 30.5], zoom: 7, bearing: 0 },
	font: 'sans-serif'
};
const W = 1280;
const H = 720;

function exportDoc() {
	const mapSvg = renderMapSvg({
		view: { center: [104, 30.5], zoom: 7, width: W, height: H },
		lang: 'zh',
		base,
		plan,
		hitAreas: false
	});
	return layoutSvg({ mapSvg, content, width: W, height: H, lang: 'zh' });
}

describe('vector export layout', () => {
	it('frames presets, A3 included, and refuses unknown ones with a message', () => {
		expect(vectorFrame('16:9', { width: 1, height: 1 })).toMatchObject({ width: 1280, height: 720 });
		expect(vectorFrame('a3-landscape', { width: 1, height: 1 })).toMatchObject({ width: 1587, height: 1123 });
		expect(vectorFrame(undefined, { width: 1000, height: 700 })).toMatchObject({ preset: 'viewport', width: 1000 });
		expect(() => vectorFrame('poster', { width: 1, height: 1 })).toThrow(/preset must be one of/);
	});

	it('has a group per visible layer, features with ids, and labels as text', () => {
		const svg = exportDoc();
		expect(svg.startsWith('<?xml')).toBe(true);
		expect(svg).toContain(`width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"`);
		for (const layer of plan.layers) expect(svg).toMatch(new RegExp(`<g id="layer-${layer}-[a-z-]+"`));
		expect(svg).toContain('data-id="zone-a"');
		expect(svg).toContain('data-id="park-a"');
		expect(svg).toMatch(/<text class="label-plan label-plan-area" data-id="zone-a"[^>]*>甲片区<\/text>/);
		// Chinese stays text, and fonts are named with CJK fallbacks.
		expect(svg).toContain('font-family="&apos;Noto Sans SC&apos;');
		expect(svg).toContain('Microsoft YaHei');
	});

	it('lists the visible layers in its legend and carries title, scale, north arrow, attribution and citations', () => {
		const svg = exportDoc();
		const legend = svg.match(/<g id="legend">(.*?)<\/g>/s)?.[1] ?? '';
		expect([...legend.matchAll(/data-layer="([^"]+)"/g)].map((m) => m[1])).toEqual(plan.layers);
		expect(legend).toContain('>阿坝片区</text>');
		for (const id of ['title', 'north-arrow', 'scale-bar', 'attribution', 'citations'])
			expect(svg).toContain(`<g id="${id}"`);
		// Text from data is escaped.
		expect(svg).toContain('阿坝州 &lt;产业&gt; &amp; 园区');
		expect(svg).not.toContain('<产业>');
		expect(svg).toContain('非官方地图');
		expect(svg).toContain('004_0123456789abcdef.txt');
		expect(svg).toMatch(/<g id="scale-bar">.*>\d+ km<\/text>/s);
	});

	it('draws label halos as their own group instead of paint-order, on the alphabetic baseline', () => {
		const body = portableMap(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g id="layer-labels" text-anchor="middle" dominant-baseline="central" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"><text class="label-plan" data-id="a" x="5" y="10" font-size="10" fill="#123456">甲</text></g></svg>'
		);
		expect(body).not.toContain('paint-order');
		expect(body).not.toContain('dominant-baseline');
		expect(body).toContain(
			'<g id="layer-labels" text-anchor="middle"><text class="label-plan" data-id="a" x="5" y="13.5" font-size="10" fill="#123456">甲</text></g>'
		);
		expect(body).toMatch(/<g id="layer-label-halos"[^>]*stroke="#fff"[^>]*><text class="label-plan halo" x="5"/);
		expect(body.indexOf('layer-label-halos')).toBeLessThan(body.indexOf('id="layer-labels"'));
	});

	it('wraps long lines and sizes the foot band by them', () => {
		expect(wrapText('四川省产业园区规划', 50, 10)).toEqual(['四川省产业', '园区规划']);
		expect(wrapText('one two three', 40, 10)).toEqual(['one', 'two', 'three']);
		const band = footBand({ attribution: 'a', citations: ['b', 'c'], footer: 'd' }, 600);
		expect(band).toEqual({ lines: ['a', 'b', 'c', 'd'], height: 4 * 14 + 10 });
	});
});
