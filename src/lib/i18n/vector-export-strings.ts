/** Words of the vector exports, in Chinese and English. Apart from strings.ts so that the first view does not carry them. */
import type { Lang } from '$lib/atlas/state';

/** Words of the vector exports (SVG, PDF, PowerPoint: src/lib/export-vector) in Chinese and English. */
export const VECTOR_EXPORT_STRINGS = {
	zh: {
		heading: '导出矢量图与演示文稿',
		hint: 'SVG 可在 Inkscape、Illustrator 中编辑；PDF 内嵌中文字体子集，可直接打印；PowerPoint 为 16:9 可编辑幻灯片。',
		svg: '下载 SVG',
		pdf: '下载 PDF',
		pptx: '下载 PowerPoint',
		paper: '画幅',
		papers: '当前视图|16:9 幻灯片|A4 横向|A4 纵向|A3 横向|A3 纵向',
		working: '正在生成文件，请稍候…',
		done: '已生成，正在下载。',
		failed: '导出失败',
		tourPptx: '导出为 PowerPoint',
		tourPdf: '导出为 PDF',
		slideLink: '此页的链接（打开即恢复同一视图）：',
		citedOnSlide: '所引规划文件',
		quoteOfFeature: '规划原文',
		stepOf: (n: number, m: number) => `第 ${n} / ${m} 页`
	},
	en: {
		heading: 'Export vector map and slides',
		hint: 'SVG opens for editing in Inkscape and Illustrator; the PDF embeds a Chinese font subset and prints as is; PowerPoint gives editable 16:9 slides.',
		svg: 'Download SVG',
		pdf: 'Download PDF',
		pptx: 'Download PowerPoint',
		paper: 'Frame',
		papers: 'Current view|16:9 slide|A4 landscape|A4 portrait|A3 landscape|A3 portrait',
		working: 'Making the file, please wait…',
		done: 'Done: the file is downloading.',
		failed: 'Export failed',
		tourPptx: 'Export as PowerPoint',
		tourPdf: 'Export as PDF',
		slideLink: 'Link to this slide (opens the same view):',
		citedOnSlide: 'Plans cited',
		quoteOfFeature: 'The plan’s words',
		stepOf: (n: number, m: number) => `Slide ${n} of ${m}`
	}
} as const satisfies Record<Lang, Record<string, string | ((n: number, m: number) => string)>>;
