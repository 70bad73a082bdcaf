/**
 * The vector export as an SVG string: the map drawn by the SVG renderer (render-svg.ts) framed with the same title,
 * legend, scale bar, north arrow, attribution, "not an official map" statement and citations as the PNG export
 * (draw-export.ts draws those on a canvas; this writes them as SVG elements at the same places). Every part is a named
 * group, texts are real <text>, and nothing relies on features editors or PDF converters lack (paint-order,
 * dominant-baseline): label halos are a separate group under the labels. Pure, no DOM.
 */
import { escapeXml, SVG_FONT_FAMILY, textWidth } from '$lib/svg-map/render-svg';
import { legendLayout, LEGEND_LINE, metresPerPixel, scaleBar } from '$lib/export/image-layout';
import type { ExportContent, LegendRow } from '$lib/export/draw-export';
import { theme } from '$lib/style/theme';

/** Frames of a vector export: the screen, a 16:9 slide, or an A4/A3 page (CSS px at 96 dpi, as the PNG's A4). */
export const VECTOR_PRESETS = [
	'viewport',
	'16:9',
	'a4-landscape',
	'a4-portrait',
	'a3-landscape',
	'a3-portrait'
] as const;
export type VectorPreset = (typeof VECTOR_PRESETS)[number];

const PRESET_SIZE: Record<Exclude<VectorPreset, 'viewport'>, [number, number]> = {
	'16:9': [1280, 720],
	'a4-landscape': [1123, 794],
	'a4-portrait': [794, 1123],
	'a3-landscape': [1587, 1123],
	'a3-portrait': [1123, 1587]
};
/** Paper sizes in millimetres (ISO 216), for PDF pages; a slide or the screen gets a page of its own proportions. */
export const PAPER_MM: Partial<Record<VectorPreset, [number, number]>> = {
	'a4-landscape': [297, 210],
	'a4-portrait': [210, 297],
	'a3-landscape': [420, 297],
	'a3-portrait': [297, 420]
};

/** The frame (CSS px) of a preset; a clear message for anything else. */
export function vectorFrame(
	preset: unknown,
	viewport: { width: number; height: number }
): { preset: VectorPreset; width: number; height: number } {
	const p = (preset ?? 'viewport') as VectorPreset;
	if (!VECTOR_PRESETS.includes(p)) {
		throw new Error(`preset must be one of ${VECTOR_PRESETS.join(', ')}; got ${JSON.stringify(preset)}`);
	}
	const [width, height] =
		p === 'viewport'
			? [Math.max(320, Math.round(viewport.width)), Math.max(240, Math.round(viewport.height))]
			: PRESET_SIZE[p];
	return { preset: p, width, height };
}

const INK = theme.ink;
const INK_SOFT = theme.inkSoft;
const CARD = '#fbfaf5';
const CARD_OPACITY = 0.94;
const CARD_BORDER = '#d9d2c3';
const PAD = 14;
const FOOT_SIZE = 10.5;
const FOOT_LINE_PX = 14;
const FOOT_MAX_LINES = 8;
/** From a line's middle (the canvas's textBaseline 'middle') to its alphabetic baseline, in em. */
const MIDDLE_TO_BASELINE = 0.35;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** Splits text into lines no wider than `width` px at `size` (CJK breaks anywhere, Latin at spaces), as draw-export's wrap. */
export function wrapText(text: string, width: number, size: number): string[] {
	const measure = (s: string) => textWidth(s, size);
	const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
	const pieces = tokens.flatMap((token) => (measure(token) > width ? [...token] : [token]));
	const lines: string[] = [];
	let line = '';
	for (const token of pieces) {
		const next = line + token;
		if (line && measure(next) > width) {
			lines.push(line.trimEnd());
			line = token.trimStart();
		} else line = next;
	}
	if (line.trim()) lines.push(line.trimEnd());
	return lines;
}

/** The foot band's lines (attribution, citations, link and date) and its height for a frame `width` wide. */
export function footBand(content: Pick<ExportContent, 'attribution' | 'citations' | 'footer'>, width: number) {
	const w = width - 2 * PAD;
	const lines = [
		...wrapText(content.attribution, w, FOOT_SIZE),
		...content.citations.flatMap((c) => wrapText(c, w, FOOT_SIZE)),
		...wrapText(content.footer, w, FOOT_SIZE)
	].slice(0, FOOT_MAX_LINES);
	return { lines, height: lines.length * FOOT_LINE_PX + 10 };
}

interface TextOptions {
	size: number;
	weight?: number;
	fill?: string;
	anchor?: 'start' | 'middle';
	attrs?: string;
}

/** A text line whose middle is at y (as the canvas draws with textBaseline 'middle'). */
function text(x: number, y: number, body: string, o: TextOptions): string {
	return (
		`<text x="${fmt(x)}" y="${fmt(y + MIDDLE_TO_BASELINE * o.size)}" font-size="${fmt(o.size)}"` +
		`${o.weight && o.weight !== 400 ? ` font-weight="${o.weight}"` : ''} fill="${o.fill ?? INK}"` +
		`${o.anchor === 'middle' ? ' text-anchor="middle"' : ''}${o.attrs ? ' ' + o.attrs : ''}>${escapeXml(body)}</text>`
	);
}

const card = (x: number, y: number, w: number, h: number, r = 8) =>
	`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" rx="${r}" fill="${CARD}" fill-opacity="${CARD_OPACITY}" stroke="${CARD_BORDER}" stroke-width="1"/>`;

function swatch(row: LegendRow, x: number, y: number): string {
	const c = row.colour;
	switch (row.shape) {
		case 'point':
			return `<circle cx="${fmt(x + 7)}" cy="${fmt(y)}" r="4.5" fill="${c}"/>`;
		case 'ring':
			return `<circle cx="${fmt(x + 7)}" cy="${fmt(y)}" r="4.5" fill="none" stroke="${c}" stroke-width="2"/>`;
		case 'line':
			return `<path d="M${fmt(x)} ${fmt(y)}h14" stroke="${c}" stroke-width="2" fill="none"/>`;
		case 'arc':
			return `<path d="M${fmt(x)} ${fmt(y + 4)}Q${fmt(x + 7)} ${fmt(y - 8)} ${fmt(x + 14)} ${fmt(y + 4)}" stroke="${c}" stroke-width="2" fill="none"/>`;
		default:
			return `<rect x="${fmt(x)}" y="${fmt(y - 5)}" width="14" height="10" fill="${c}" fill-opacity="0.35" stroke="${c}" stroke-width="1.2"/>`;
	}
}

/**
 * The map SVG's content, made portable: its root's children, label halos drawn as their own group under the labels
 * (instead of paint-order), and labels set on their alphabetic baseline (instead of dominant-baseline="central").
 */
export function portableMap(mapSvg: string): string {
	const open = mapSvg.indexOf('>', mapSvg.indexOf('<svg'));
	const close = mapSvg.lastIndexOf('</svg>');
	if (open < 0 || close < open) throw new Error('the map drawing is not an SVG');
	let body = mapSvg.slice(open + 1, close);
	body = body.replace(/<text\b([^>]*)>/g, (tag, attrs: string) => {
		const size = Number(attrs.match(/ font-size="([\d.]+)"/)?.[1] ?? 12);
		return `<text${attrs
			.replace(/ y="(-?[\d.]+)"/, (_, y: string) => ` y="${fmt(Number(y) + MIDDLE_TO_BASELINE * size)}"`)
			.replace(/ dominant-baseline="[^"]*"/, '')}>`;
	});
	return body.replace(/<g id="layer-labels"([^>]*)>(.*?)<\/g>/s, (_, attrs: string, texts: string) => {
		const stroke = attrs.match(/ stroke="([^"]*)"/)?.[1] ?? theme.halo;
		const width = attrs.match(/ stroke-width="([^"]*)"/)?.[1] ?? '3';
		const plain = attrs.replace(/ (stroke|stroke-width|stroke-linejoin|paint-order|dominant-baseline)="[^"]*"/g, '');
		const halos = texts
			.replace(/ data-id="[^"]*"/g, '')
			.replace(/ class="([^"]*)"/g, ' class="$1 halo"')
			.replace(/ fill="[^"]*"/g, '');
		return (
			`<g id="layer-label-halos"${plain} fill="${stroke}" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round" aria-hidden="true">${halos}</g>` +
			`<g id="layer-labels"${plain}>${texts}</g>`
		);
	});
}

export interface VectorLayoutInput {
	/** The map as renderMapSvg drew it, for a view of the frame's size. */
	mapSvg: string;
	content: ExportContent;
	width: number;
	height: number;
	/** Language of the texts (xml:lang). */
	lang: 'zh' | 'en';
	/** Draw the title card (default true; a slide writes its title in its own text box). */
	cartouche?: boolean;
	/** The document's width and height attributes are this many times the drawing's (default 1; the same viewBox). */
	outputScale?: number;
}

/** The whole export: map, foot band, cartouche, north arrow, legend and scale bar, as one SVG document. */
export function layoutSvg({
	mapSvg,
	content,
	width: W,
	height: H,
	lang,
	cartouche = true,
	outputScale = 1
}: VectorLayoutInput): string {
	const parts: string[] = [];
	parts.push(
		`<defs><clipPath id="map-frame"><rect x="0" y="0" width="${W}" height="${H}"/></clipPath></defs>`,
		`<g id="map" clip-path="url(#map-frame)">${portableMap(mapSvg)}</g>`
	);

	// Foot band: attribution and the not-official statement, citations, link and date.
	const foot = footBand(content, W);
	const footTop = H - foot.height;
	const attributionLines = wrapText(content.attribution, W - 2 * PAD, FOOT_SIZE).length;
	const footLine = (l: string, i: number) =>
		text(PAD, footTop + 12 + i * FOOT_LINE_PX, l, { size: FOOT_SIZE, fill: INK_SOFT });
	parts.push(
		`<g id="foot">` +
			`<rect x="0" y="${fmt(footTop)}" width="${W}" height="${fmt(foot.height)}" fill="${CARD}" fill-opacity="${CARD_OPACITY}"/>` +
			`<rect x="0" y="${fmt(footTop)}" width="${W}" height="1" fill="${CARD_BORDER}"/>` +
			`<g id="attribution">${foot.lines.slice(0, attributionLines).map(footLine).join('')}</g>` +
			`<g id="citations">${foot.lines
				.slice(attributionLines)
				.map((l, i) => footLine(l, i + attributionLines))
				.join('')}</g></g>`
	);

	// Cartouche: title and subtitle.
	const titleW = !cartouche ? 0 : Math.min(textWidth(content.title, 22) * 1.05, W * 0.6);
	const subLines = wrapText(content.subtitle, Math.max(titleW, Math.min(W * 0.45, 420)), 12.5);
	const cardW = Math.max(titleW, ...subLines.map((l) => textWidth(l, 12.5))) + 2 * PAD;
	const cardH = cartouche ? 36 + subLines.length * 17 + 8 : 0;
	if (cartouche)
		parts.push(
			`<g id="title">${card(16, 16, cardW, cardH)}` +
				text(16 + PAD, 16 + 24, content.title, { size: 22, weight: 700, attrs: 'class="export-title"' }) +
				subLines
					.map((l, i) => text(16 + PAD, 16 + 48 + i * 17, l, { size: 12.5, fill: INK_SOFT, attrs: 'class="subtitle"' }))
					.join('') +
				`</g>`
		);

	// North arrow, turned with the map.
	const [nx, ny] = [W - 40, 44];
	parts.push(
		`<g id="north-arrow">` +
			`<circle cx="${nx}" cy="${ny}" r="22" fill="${CARD}" fill-opacity="${CARD_OPACITY}" stroke="${CARD_BORDER}"/>` +
			`<g transform="translate(${nx} ${ny}) rotate(${fmt(-content.view.bearing)})">` +
			`<path d="M0 -15L6 6L0 2L-6 6Z" fill="${INK}"/>` +
			text(0, 13, content.northLabel, { size: 10, weight: 700, anchor: 'middle' }) +
			`</g></g>`
	);

	// Legend, bottom left, in as many columns as the height needs.
	const rows: ({ heading: string; layer?: string } | LegendRow)[] = content.legend.flatMap((g) => [
		{ heading: g.heading, layer: g.layer },
		...g.rows
	]);
	if (rows.length) {
		const lineH = LEGEND_LINE;
		const legend = legendLayout(rows, H - foot.height - cardH - 80, (t) => textWidth(t, 11.5), PAD);
		const { columns, columnWidths: colW, width: legendW, height: legendH } = legend;
		const [lx, ly] = [16, H - foot.height - 12 - legendH];
		const body: string[] = [card(lx, ly, legendW, legendH)];
		body.push(text(lx + PAD, ly + 15, content.legendTitle, { size: 12.5, weight: 700 }));
		let x = lx + PAD;
		columns.forEach((col, c) => {
			col.forEach((r, i) => {
				const y = ly + 26 + i * lineH + lineH / 2;
				if ('heading' in r) {
					body.push(
						text(x, y, r.heading, {
							size: 11.5,
							weight: 700,
							attrs: `class="legend-heading"${r.layer ? ` data-layer="${escapeXml(r.layer)}"` : ''}`
						})
					);
				} else {
					body.push(
						swatch(r, x, y),
						text(x + 20, y, `${r.label}${r.count !== undefined ? `  ${r.count}` : ''}`, {
							size: 11.5,
							fill: INK_SOFT,
							attrs: 'class="legend-row"'
						})
					);
				}
			});
			x += colW[c];
		});
		parts.push(`<g id="legend">${body.join('')}</g>`);
	}

	// Scale bar, bottom right, above the foot band.
	const bar = scaleBar(metresPerPixel(content.view.center[1], content.view.zoom), 140);
	const [sx, sy] = [W - PAD - bar.px, H - foot.height - 18];
	parts.push(
		`<g id="scale-bar">${card(sx - 8, sy - 18, bar.px + 16, 30, 6)}` +
			`<rect x="${fmt(sx)}" y="${fmt(sy)}" width="${fmt(bar.px)}" height="3" fill="${INK}"/>` +
			`<rect x="${fmt(sx)}" y="${fmt(sy - 5)}" width="1.5" height="8" fill="${INK}"/>` +
			`<rect x="${fmt(sx + bar.px - 1.5)}" y="${fmt(sy - 5)}" width="1.5" height="8" fill="${INK}"/>` +
			text(sx + bar.px / 2, sy - 9, bar.label, { size: 11, anchor: 'middle' }) +
			`</g>`
	);

	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${lang === 'zh' ? 'zh-Hans' : 'en'}" width="${fmt(W * outputScale)}" height="${fmt(H * outputScale)}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(SVG_FONT_FAMILY)}">` +
		`<title>${escapeXml(content.title)}</title><desc>${escapeXml(`${content.subtitle}\n${content.attribution}`)}</desc>` +
		parts.join('') +
		`</svg>`
	);
}
