import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { topology } from 'topojson-server';
import type { PlanFeature } from '$lib/data/plan-data';
import type { MapProps } from '$lib/atlas/plan/map-features';
import { byZoom, CompactPath, escapeXml, renderMapSvg, textWidth, type SvgBase, type SvgPlan } from './render-svg';
import { FIRST_VIEW_CSS, firstViewFrame } from './first-view';
import { fc, point, square } from './test-geometry';

const countyA = square(103, 30, 1, { code: '510101', name_zh: '甲县', label_zh: '甲县', label_en: 'Jia' });
const countyB = square(104, 30, 1, { code: '510102', name_zh: '乙县', label_zh: '乙县', label_en: 'Yi' });
const prefecture = square(103, 30, 2, { code: '510100', name_zh: '某市', label_zh: '某市', label_en: 'Mou' });
const topo = topology({ counties: fc([countyA, countyB]), prefectures: fc([prefecture]) } as never);
const base: SvgBase = {
	topology: topo as never,
	neighbours: fc([square(100, 28, 3, { name_zh: '邻省', label_en: 'Neighbour' })]),
	province: fc([prefecture]),
	prefectures: fc([prefecture]),
	counties: fc([countyA, countyB]),
	prefectureSeats: fc([point(104, 31, { code: '510100', label_zh: '某市', label_en: 'Mou' })]),
	countySeats: fc([point(103.5, 30.5, { code: '510101', label_zh: '甲县', label_en: 'Jia' })]),
	rivers: fc([]),
	riverLabels: fc([]) as FeatureCollection<Point>
};

const park: PlanFeature = {
	type: 'Feature',
	properties: {
		id: 'park-a',
		kind: 'park',
		name_zh: '甲<园>&区',
		name_en: 'Park "A"',
		layers: ['aba-parks'],
		location: { precision: 'site' }
	} as never,
	geometry: { type: 'Point', coordinates: [103.5, 30.4] }
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
const plan = (over: Partial<SvgPlan> = {}): SvgPlan => ({
	shapes: [{ ...square(103.1, 30.1, 0.8, {}), properties: areaProps } as Feature<Geometry, MapProps>],
	labels: [
		{ ...point(103.2, 30.85, {}), properties: areaProps },
		{
			...point(103.5, 30.4, {}),
			properties: { ...areaProps, id: 'park-a', kind: 'park', placement: 'point', label_zh: '甲<园>&区' }
		}
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
	layersOf: (id) => (id === 'zone-a' ? ['aba-subregions'] : ['aba-parks']),
	...over
});
const view = { center: [104, 30.5] as [number, number], zoom: 7, width: 800, height: 600 };

describe('renderMapSvg', () => {
	it('draws named groups per layer, features with ids, places with codes, and real text', () => {
		const svg = renderMapSvg({ view, lang: 'zh', base, plan: plan() });
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"')).toBe(true);
		for (const id of [
			'layer-base',
			'layer-boundaries',
			'layer-plan',
			'layer-aba-subregions-areas',
			'layer-aba-parks-points'
		])
			expect(svg).toContain(`id="${id}"`);
		expect(svg).toContain('data-id="zone-a"');
		expect(svg).toContain('data-id="park-a"');
		expect(svg).toContain('data-code="510101"');
		expect(svg).toContain('>甲片区</text>');
		// Names are escaped: no markup can come in through the data.
		expect(svg).toContain('甲&lt;园&gt;&amp;区');
		expect(svg).not.toContain('甲<园>');
	});

	it('switches labels to English, dims what the filter leaves out, outlines the chosen place', () => {
		const svg = renderMapSvg({
			view,
			lang: 'en',
			base,
			plan: plan({ matching: new Set(['zone-a']) }),
			highlight: { type: 'county', code: '510102' }
		});
		expect(svg).toContain('>Zone A</text>');
		expect(svg).toMatch(/<g data-id="park-a" opacity="0\.18">/);
		expect(svg).toContain('class="place-highlight"');
	});

	it('leaves out what is not in a visible layer, and labels when asked', () => {
		const svg = renderMapSvg({ view, lang: 'zh', base, plan: plan({ visible: new Set(['park-a']) }), labels: false });
		expect(svg).not.toContain('data-id="zone-a"');
		expect(svg).not.toContain('<text');
	});

	it('frames part of the drawing when asked (the first view) and keeps strokes at screen size', () => {
		const svg = renderMapSvg({ view, lang: 'zh', base, frame: [10, 20, 300, 200] });
		expect(svg).toContain('viewBox="10 20 300 200" preserveAspectRatio="xMidYMid meet"');
		expect(svg).toContain('vector-effect="non-scaling-stroke"');
	});
});

describe('helpers', () => {
	it('writes short relative path data without drift', () => {
		const p = new CompactPath(0);
		p.moveTo(10.4, 10.6);
		p.lineTo(12.6, 10.6);
		p.lineTo(12.7, 10.4);
		p.lineTo(15.2, 9.4);
		p.closePath();
		expect(p.take()).toBe('M10 11l3 0l0-1l2-1z');
		expect(p.take()).toBe('');
	});

	it('interpolates by zoom, measures text, escapes XML', () => {
		expect(
			byZoom(4, [
				[5, 1],
				[9, 3]
			])
		).toBe(1);
		expect(
			byZoom(7, [
				[5, 1],
				[9, 3]
			])
		).toBe(2);
		expect(
			byZoom(12, [
				[5, 1],
				[9, 3]
			])
		).toBe(3);
		expect(textWidth('成都', 10)).toBe(20);
		expect(textWidth('ab', 10)).toBeCloseTo(11.6);
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});

describe('first view', () => {
	it('frames Sichuan on the reference screen as the live map does', () => {
		const { view, frame } = firstViewFrame();
		expect(view.width).toBe(1280);
		expect(frame[2]).toBeGreaterThan(500);
		expect(frame[3]).toBeGreaterThan(500);
	});

	it('has its CSS in app.css, word for word', () => {
		const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8').replace(/\s+/g, '');
		expect(css).toContain(FIRST_VIEW_CSS.replace(/\s+/g, ''));
	});
});
