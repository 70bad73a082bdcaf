import { describe, expect, it } from 'vitest';
import type { TourStep } from '$lib/atlas/tours/tour-schema';
import { BOX, fitSize, MAP_FRAME, stackSide, stepSlide, textHeight, viewSlide } from './slide-text';

const step: TourStep = {
	title_zh: '两河口水电站',
	title_en: 'Lianghekou hydropower station',
	quote: '加快建设两河口、双江口等水电站。',
	caption_en: 'Speed up building the Lianghekou and Shuangjiangkou hydropower stations.',
	source: { file: '000_c35a7d169af5c8ce.txt', line: 42 },
	view: { center: [101, 30], zoom: 7 },
	layers: ['energy-hydro'],
	selected: null,
	filter: []
};
const common = {
	seedTitle: '甘孜州规划',
	shareUrl: 'https://example.org/#v=1&tour=t&step=2',
	atlasTitle: '四川产业规划图集',
	notOfficial: '非官方地图。',
	quoteFrom: '引自',
	translationNote: 'Our translation.',
	slideLink: '此页的链接：',
	date: '2026-12-04'
};

describe('slide texts', () => {
	it('a tour step slide in Chinese has its title, the quote verbatim with its source, and the link in the notes', () => {
		const s = stepSlide({ ...common, lang: 'zh', tourTitle: '水电', step, index: 2, count: 5 });
		expect(s.title).toBe('两河口水电站');
		expect(s.kicker).toBe('四川产业规划图集 · 水电 · 2/5');
		expect(s.side.map((b) => b.role)).toEqual(['quote', 'source']);
		expect(s.side[0].text).toBe(`“${step.quote}”`);
		expect(s.side[1].text).toBe('引自 甘孜州规划 (000_c35a7d169af5c8ce.txt:42)');
		expect(s.notes).toContain(common.shareUrl);
		expect(s.footer).toContain('非官方地图');
	});

	it('in English the translation leads and the Chinese quote stays beside it', () => {
		const s = stepSlide({ ...common, lang: 'en', tourTitle: 'Hydro', step, index: 1, count: 1 });
		expect(s.title).toBe('Lianghekou hydropower station');
		expect(s.side.map((b) => [b.role, b.lang])).toEqual([
			['translation', 'en'],
			['quote', 'zh'],
			['source', 'en']
		]);
		expect(s.side[1].text).toContain(step.quote);
		expect(s.side[2].text).toContain('Our translation.');
	});

	it('a view slide shows the selected feature as a quote card, or else the plans cited', () => {
		const base = {
			...common,
			lang: 'zh' as const,
			title: '成都',
			subtitle: '图层: 园区',
			citations: ['所引规划文件 004'],
			citedHeading: '所引规划文件'
		};
		expect(viewSlide(base).side.map((b) => b.role)).toEqual(['lead', 'citations']);
		const card = viewSlide({
			...base,
			card: { facts: '园区 · 实际位置', quote: '建设园区', source: '引自 X (004:1)' }
		});
		expect(card.side.map((b) => b.role)).toEqual(['lead', 'facts', 'quote', 'source']);
		expect(card.notes).toContain(common.shareUrl);
	});

	it('texts are sized to fit their boxes and stacked without overflowing the side column', () => {
		expect(fitSize('短标题', BOX.title.w, BOX.title.h, [26, 20, 16])).toBe(26);
		expect(fitSize('很'.repeat(200), BOX.title.w, BOX.title.h, [26, 20, 16])).toBe(16);
		expect(textHeight('一'.repeat(40), 12, 3)).toBeGreaterThan(textHeight('一'.repeat(10), 12, 3));
		const long = stepSlide({
			...common,
			lang: 'zh',
			tourTitle: 'x',
			step: { ...step, quote: '长'.repeat(390) },
			index: 1,
			count: 1
		});
		const stacked = stackSide(long.side, BOX.side);
		const last = stacked.at(-1)!;
		expect(last.y + last.h).toBeLessThanOrEqual(BOX.side.h);
		expect(stacked[0].size).toBeLessThan(16);
		// The map frame has the map box's shape.
		expect(MAP_FRAME.width / MAP_FRAME.height).toBeCloseTo(BOX.map.w / BOX.map.h, 2);
	});
});
