/** Words of the industry lens (profile, "where is it planned", breadcrumb) in Chinese and English. */
import type { Lang } from '../state';

interface LensStrings {
	noIndustries: string;
	rankHint: (n: number) => string;
	words: string;
	sharedBy: (groups: string) => string;
	showWhere: string;
	allIndustries: (n: number) => string;
	fewer: string;
	sums: string;
	capacityLabel: (total: string) => string;
	ofFeatures: (n: number) => string;
	sumsNote: string;
	families: Record<string, string>;
	category: string;
	categoryHit: (n: number) => string;
	whereTitle: (category: string) => string;
	whereLegend: (level: string) => string;
	whereNote: string;
	whereTop: string;
	whereNone: string;
	clearLens: string;
	county: string;
	prefecture: string;
	featuresN: (n: number) => string;
	province: string;
	breadcrumb: string;
	nothingPlanned: string;
}

export const LENS_STRINGS: Record<Lang, LensStrings> = {
	zh: {
		noIndustries: '当前数据中此处没有规划产业。',
		rankHint: (n) => `按规划该产业的要素数排序（此处共 ${n} 个要素）；点击展开原文用语、要素与出处。`,
		words: '规划原文',
		sharedBy: (g) => `其中有整体表述：${g}`,
		showWhere: '在地图上看分布',
		allIndustries: (n) => `全部 ${n} 个产业`,
		fewer: '收起',
		sums: '规划指标合计',
		capacityLabel: (total) => `按能源类型的装机合计，共 ${total}`,
		ofFeatures: (n) => `${n} 个要素`,
		sumsNote: '只合计完全位于此处的要素自身的数值（装机、规模、投资）；目标与基期值不合计。',
		families: {
			hydro: '水电',
			solar: '光伏',
			wind: '风电',
			grid: '电网与油气',
			bases: '项目',
			parks: '园区',
			structure: '规划结构'
		},
		category: '产业类别',
		categoryHit: (n) => `${n} 个要素 · 查看分布`,
		whereTitle: (c) => `“${c}”规划在哪里`,
		whereLegend: (level) => `每个${level}规划该产业的要素数`,
		whereNote: '按要素所在县（缩小时按市州）计数；跨多个县的区域、走廊和线路不计入单个政区。',
		whereTop: '要素最多的地区',
		whereNone: '没有可归入单个政区的要素。',
		clearLens: '关闭分布图',
		county: '县',
		prefecture: '市州',
		featuresN: (n) => `${n} 个要素`,
		province: '四川',
		breadcrumb: '所在层级',
		nothingPlanned: '当前数据中此处没有规划要素。'
	},
	en: {
		noIndustries: 'No planned industries here in the current data.',
		rankHint: (n) =>
			`Ranked by how many features plan them (${n} features here); open one for the plans’ words, the features and sources.`,
		words: 'In the plans’ words',
		sharedBy: (g) => `Includes a statement about a group: ${g}`,
		showWhere: 'Show where on the map',
		allIndustries: (n) => `All ${n} industries`,
		fewer: 'Fewer',
		sums: 'Figures summed',
		capacityLabel: (total) => `Capacity by kind of energy, ${total} in all`,
		ofFeatures: (n) => `${n} feature${n === 1 ? '' : 's'}`,
		sumsNote:
			'Only the figures of features wholly here are summed (capacity, size, investment); targets and baselines are not summed.',
		families: {
			hydro: 'Hydro',
			solar: 'Solar',
			wind: 'Wind',
			grid: 'Grid, oil and gas',
			bases: 'Projects',
			parks: 'Parks',
			structure: 'Plan structures'
		},
		category: 'Industry',
		categoryHit: (n) => `${n} features · show where`,
		whereTitle: (c) => `Where “${c}” is planned`,
		whereLegend: (level) => `Features planning it, per ${level}`,
		whereNote:
			'Counted by the county a feature is in (by prefecture when zoomed out); regions, corridors and lines spanning several counties are not counted in one.',
		whereTop: 'Regions with the most features',
		whereNone: 'No feature can be counted in a single region.',
		clearLens: 'Close the map of where',
		county: 'county',
		prefecture: 'prefecture',
		featuresN: (n) => `${n} feature${n === 1 ? '' : 's'}`,
		province: 'Sichuan',
		breadcrumb: 'Where you are',
		nothingPlanned: 'No plan features here in the current data.'
	}
};
