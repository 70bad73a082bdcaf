/**
 * Why a row of a user's file was left out, in both languages (the row number and the offending value are shown beside
 * it). Pure, no DOM.
 */
export type BadCode =
	| 'cell-count'
	| 'too-long'
	| 'geometry'
	| 'not-number'
	| 'out-of-range'
	| 'no-region'
	| 'ambiguous-region'
	| 'ring-short'
	| 'ring-open'
	| 'self-crossing';

const REASONS: Record<BadCode, { zh: (d: string) => string; en: (d: string) => string }> = {
	'cell-count': {
		zh: (d) => `单元格数与表头不符（本行/表头：${d}）`,
		en: (d) => `the number of cells differs from the header (row/header: ${d})`
	},
	'too-long': {
		zh: (d) => `单元格过长（列：${d}，上限 10 000 字符）`,
		en: (d) => `a cell is too long (column ${d}; the limit is 10 000 characters)`
	},
	geometry: {
		zh: (d) => `几何类型为 ${d}，与本文件多数要素不同（一个图层只放点，或只放面和线）`,
		en: (d) => `the geometry is ${d}, unlike most of the file (a layer holds points, or polygons and lines)`
	},
	'ring-short': {
		zh: (d) => `线或环的坐标太少（${d}；环至少 4 个点，首尾相同）`,
		en: (d) => `a line or ring has too few positions (${d}; a ring needs 4, the last repeating the first)`
	},
	'ring-open': {
		zh: (d) => `环没有闭合：最后一个点应与第一个点（${d}）相同`,
		en: (d) => `a ring is not closed: its last position must repeat the first (${d})`
	},
	'self-crossing': {
		zh: (d) => `面的边界自相交（交点约在 ${d}）`,
		en: (d) => `the polygon's edges cross each other (near ${d})`
	},
	'not-number': { zh: (d) => `坐标不是数字：${d}`, en: (d) => `a coordinate is not a number: ${d}` },
	'out-of-range': { zh: (d) => `坐标超出范围：${d}`, en: (d) => `the coordinates are out of range: ${d}` },
	'no-region': { zh: (d) => `找不到这个县或市州：${d}`, en: (d) => `no county or prefecture of that name: ${d}` },
	'ambiguous-region': {
		zh: (d) => `名称对应多个地方：${d}`,
		en: (d) => `the name fits more than one place: ${d}`
	}
};

/** A bad row's reason in the reader's language. */
export function reasonText(code: BadCode, detail: string, lang: 'zh' | 'en'): string {
	return REASONS[code][lang](detail);
}
