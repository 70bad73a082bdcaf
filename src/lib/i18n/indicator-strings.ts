/** Words of the plans' targets, in Chinese and English. Apart from strings.ts so that the first view does not carry them. */
import type { Lang } from '$lib/atlas/state';

/** Words of the plans' targets (main-indicator tables, src/lib/indicators) in Chinese and English. */
export const INDICATOR_STRINGS = {
	zh: {
		title: '规划目标（主要指标）',
		summary: (n: number) => `${n} 项指标`,
		indicator: '指标',
		unit: '单位',
		baselineToTarget: '基期 → 目标',
		binding: '约束性',
		expected: '预期性',
		source: '出处',
		line: '第',
		lineAfter: '行',
		showQuote: '原文',
		blank: '表中未填',
		chartNote: '基期与目标按同一比例绘制；表中数值不是单一数字时不绘图。',
		periodsTitle: '两个规划期的对照',
		periodsNote: '表中写明“十三五”完成值与“十四五”目标值的指标。',
		previous: '“十三五”',
		current: '“十四五”',
		laterTitle: '2025 年与 2030 年目标',
		up: '上升',
		down: '下降',
		same: '持平',
		loadFailed: '规划目标加载失败',
		milestone: '2023 年'
	},
	en: {
		title: 'Plan targets (main indicators)',
		summary: (n: number) => `${n} indicator${n === 1 ? '' : 's'}`,
		indicator: 'Indicator',
		unit: 'Unit',
		baselineToTarget: 'Baseline → target',
		binding: 'Binding',
		expected: 'Expected',
		source: 'Source',
		line: 'line',
		lineAfter: '',
		showQuote: 'Quote',
		blank: 'left blank in the table',
		chartNote: 'Baseline and target drawn to one scale; no chart where a cell is not a single figure.',
		periodsTitle: 'Two plan periods side by side',
		periodsNote: 'Indicators for which the table states what the 13th Five-Year period achieved and the 14th targets.',
		previous: '13th FYP',
		current: '14th FYP',
		laterTitle: 'Targets for 2025 and 2030',
		up: 'up',
		down: 'down',
		same: 'unchanged',
		loadFailed: 'The plan targets could not be loaded',
		milestone: '2023'
	}
} as const satisfies Record<Lang, Record<string, string | ((n: number) => string)>>;
