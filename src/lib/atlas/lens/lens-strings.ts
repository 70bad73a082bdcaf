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
	matrixTitle: string;
	matrixOpen: string;
	matrixLevel: string;
	matrixNote: string;
	prefectures: string;
	economicRegions: string;
	region: string;
	total: string;
	compareTitle: string;
	comparePng: string;
	compareClear: string;
	unpin: string;
	pin: string;
	pinned: (n: number, max: number) => string;
	noFigure: string;
	nearestTitle: string;
	nearest: Record<'airport' | 'hub' | 'railway' | 'energy', string>;
	compareNote: string;
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
		nothingPlanned: '当前数据中此处没有规划要素。',
		matrixTitle: '地区 × 产业',
		matrixOpen: '地区 × 产业表',
		matrixLevel: '按哪级地区',
		matrixNote:
			'每格为该地区规划该产业的要素数（按要素所在市州计）；点击格子在地图上显示该地区与该产业的分布，点击表头排序。',
		prefectures: '市（州）',
		economicRegions: '五大经济区',
		region: '地区',
		total: '合计',
		compareTitle: '并列对比',
		comparePng: '导出 PNG（幻灯片用）',
		compareClear: '全部移除',
		unpin: '移出对比',
		pin: '加入对比',
		pinned: (n, max) => `已在对比中（${n}/${max}）· 移出`,
		noFigure: '规划未给出',
		nearestTitle: '最近的',
		nearest: { airport: '最近机场', hub: '最近物流枢纽或港口', railway: '最近铁路', energy: '最近能源基地或站点' },
		compareNote:
			'距离为直线距离；只定位到县或市州驻地的要素，给出其所在政区内最近到最远的范围。数值按规划原文；未给出的不填。'
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
		nothingPlanned: 'No plan features here in the current data.',
		matrixTitle: 'Regions × industries',
		matrixOpen: 'Regions × industries table',
		matrixLevel: 'Which regions',
		matrixNote:
			'Each cell: features planning that industry there (counted by the prefecture a feature is in). A cell shows the region and where the industry is planned; a header sorts.',
		prefectures: 'Prefectures',
		economicRegions: 'Five economic regions',
		region: 'Region',
		total: 'Total',
		compareTitle: 'Side by side',
		comparePng: 'Export PNG (for a slide)',
		compareClear: 'Remove all',
		unpin: 'Remove from comparison',
		pin: 'Compare',
		pinned: (n, max) => `In the comparison (${n}/${max}) · remove`,
		noFigure: 'none given in the plans',
		nearestTitle: 'Nearest',
		nearest: {
			airport: 'Nearest airport',
			hub: 'Nearest logistics hub or port',
			railway: 'Nearest railway',
			energy: 'Nearest energy base or site'
		},
		compareNote:
			'Straight-line distances; for things placed only at a county or prefecture seat, the range from the nearest to the farthest place they may be. Figures as the plans write them; blank where none is given.'
	}
};
