/**
 * Draws an export: the captured map with the title, legend, scale bar, north arrow, attribution and the citations
 * of what is shown baked in, laid out like a printed map so the image can go on a slide unchanged.
 */
import { scaleBar, metresPerPixel, legendLayout, LEGEND_LINE, type ExportSize } from './image-layout';

export interface LegendRow {
	colour: string;
	shape: 'point' | 'line' | 'area' | 'arc' | 'ring';
	label: string;
	count?: number;
}
export interface LegendGroup {
	heading: string;
	/** The layer the group stands for (vector exports mark it). */
	layer?: string;
	rows: LegendRow[];
}
export interface ExportContent {
	title: string;
	subtitle: string;
	legendTitle: string;
	legend: LegendGroup[];
	/** Sources of the base map and the data, and the "not an official map" statement. */
	attribution: string;
	/** One line per cited plan document. */
	citations: string[];
	/** Where the image comes from (the share link) and when. */
	footer: string;
	northLabel: string;
	view: { center: [number, number]; zoom: number; bearing: number };
	font: string;
}

const INK = '#2b2720';
const INK_SOFT = '#5e5749';
const CARD = 'rgba(251, 250, 245, 0.94)';
const CARD_BORDER = '#d9d2c3';
const PAD = 14;

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r = 8) {
	ctx.beginPath();
	ctx.roundRect(x, y, w, h, r);
	ctx.fillStyle = CARD;
	ctx.fill();
	ctx.strokeStyle = CARD_BORDER;
	ctx.lineWidth = 1;
	ctx.stroke();
}

/** Splits text into lines no wider than `width` (CJK breaks anywhere, Latin at spaces). */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
	const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
	const lines: string[] = [];
	let line = '';
	const pieces = tokens.flatMap((token) =>
		// A token wider than the line (a long URL) is broken between characters.
		ctx.measureText(token).width > width ? [...token] : [token]
	);
	for (const token of pieces) {
		const next = line + token;
		if (line && ctx.measureText(next).width > width) {
			lines.push(line.trimEnd());
			line = token.trimStart();
		} else line = next;
	}
	if (line.trim()) lines.push(line.trimEnd());
	return lines;
}

function swatch(ctx: CanvasRenderingContext2D, row: LegendRow, x: number, y: number) {
	ctx.save();
	ctx.fillStyle = row.colour;
	ctx.strokeStyle = row.colour;
	ctx.lineWidth = 2;
	if (row.shape === 'point' || row.shape === 'ring') {
		ctx.beginPath();
		ctx.arc(x + 7, y, 4.5, 0, Math.PI * 2);
		if (row.shape === 'point') ctx.fill();
		else ctx.stroke();
	} else if (row.shape === 'line') {
		ctx.beginPath();
		ctx.moveTo(x, y);
		ctx.lineTo(x + 14, y);
		ctx.stroke();
	} else if (row.shape === 'arc') {
		ctx.beginPath();
		ctx.moveTo(x, y + 4);
		ctx.quadraticCurveTo(x + 7, y - 8, x + 14, y + 4);
		ctx.stroke();
	} else {
		ctx.globalAlpha = 0.35;
		ctx.fillRect(x, y - 5, 14, 10);
		ctx.globalAlpha = 1;
		ctx.lineWidth = 1.2;
		ctx.strokeRect(x, y - 5, 14, 10);
	}
	ctx.restore();
}

const FOOT_LINE_PX = 14;
const FOOT_MAX_LINES = 8;

/** The foot band's lines and height (CSS px) for a frame `width` wide: the map is framed above it. */
function footBand(ctx: CanvasRenderingContext2D, content: ExportContent, width: number) {
	ctx.font = `400 10.5px ${content.font}`;
	const lines = [
		...wrap(ctx, content.attribution, width - 2 * PAD),
		...content.citations.flatMap((c) => wrap(ctx, c, width - 2 * PAD)),
		...wrap(ctx, content.footer, width - 2 * PAD)
	].slice(0, FOOT_MAX_LINES);
	return { lines, height: lines.length * FOOT_LINE_PX + 10 };
}

/** Height (CSS px) of the foot band an export will have, measured before the map is captured. */
export function footBandHeight(content: ExportContent, width: number): number {
	return footBand(document.createElement('canvas').getContext('2d')!, content, width).height;
}

/** The finished image: map plus cartouche, legend, scale, north arrow, attribution and citations. */
export function drawExport(map: HTMLCanvasElement, size: ExportSize, content: ExportContent): HTMLCanvasElement {
	const { width: W, height: H, scale } = size;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(W * scale);
	canvas.height = Math.round(H * scale);
	const ctx = canvas.getContext('2d')!;
	ctx.drawImage(map, 0, 0, canvas.width, canvas.height);
	ctx.scale(scale, scale);
	ctx.textBaseline = 'middle';
	const font = (px: number, weight = 400) => `${weight} ${px}px ${content.font}`;

	// Foot band: attribution, citations, link and date.
	const { lines: footLines, height: footH } = footBand(ctx, content, W);
	ctx.fillStyle = CARD;
	ctx.fillRect(0, H - footH, W, footH);
	ctx.fillStyle = CARD_BORDER;
	ctx.fillRect(0, H - footH, W, 1);
	ctx.fillStyle = INK_SOFT;
	footLines.forEach((l, i) => ctx.fillText(l, PAD, H - footH + 12 + i * FOOT_LINE_PX));

	// Cartouche: title and subtitle.
	ctx.font = font(22, 700);
	const titleW = Math.min(ctx.measureText(content.title).width, W * 0.6);
	ctx.font = font(12.5);
	const subLines = wrap(ctx, content.subtitle, Math.max(titleW, Math.min(W * 0.45, 420)));
	const cardW = Math.max(titleW, ...subLines.map((l) => ctx.measureText(l).width)) + 2 * PAD;
	const cardH = 36 + subLines.length * 17 + 8;
	roundRect(ctx, 16, 16, cardW, cardH);
	ctx.fillStyle = INK;
	ctx.font = font(22, 700);
	ctx.fillText(content.title, 16 + PAD, 16 + 24, W * 0.6);
	ctx.fillStyle = INK_SOFT;
	ctx.font = font(12.5);
	subLines.forEach((l, i) => ctx.fillText(l, 16 + PAD, 16 + 48 + i * 17));

	// North arrow, turned with the map.
	const [nx, ny] = [W - 40, 44];
	ctx.save();
	ctx.beginPath();
	ctx.arc(nx, ny, 22, 0, Math.PI * 2);
	ctx.fillStyle = CARD;
	ctx.fill();
	ctx.strokeStyle = CARD_BORDER;
	ctx.stroke();
	ctx.translate(nx, ny);
	ctx.rotate((-content.view.bearing * Math.PI) / 180);
	ctx.beginPath();
	ctx.moveTo(0, -15);
	ctx.lineTo(6, 6);
	ctx.lineTo(0, 2);
	ctx.lineTo(-6, 6);
	ctx.closePath();
	ctx.fillStyle = INK;
	ctx.fill();
	ctx.font = font(10, 700);
	ctx.textAlign = 'center';
	ctx.fillText(content.northLabel, 0, 13);
	ctx.restore();

	// Legend, bottom left, in as many columns as the height needs.
	const rows: ({ heading: string } | LegendRow)[] = content.legend.flatMap((g) => [{ heading: g.heading }, ...g.rows]);
	if (rows.length) {
		const lineH = LEGEND_LINE;
		ctx.font = font(11.5);
		const legend = legendLayout(rows, H - footH - cardH - 80, (t) => ctx.measureText(t).width, PAD);
		const { columns, columnWidths: colW, width: legendW, height: legendH } = legend;
		const [lx, ly] = [16, H - footH - 12 - legendH];
		roundRect(ctx, lx, ly, legendW, legendH);
		ctx.fillStyle = INK;
		ctx.font = font(12.5, 700);
		ctx.fillText(content.legendTitle, lx + PAD, ly + 15);
		let x = lx + PAD;
		columns.forEach((col, c) => {
			col.forEach((r, i) => {
				const y = ly + 26 + i * lineH + lineH / 2;
				if ('heading' in r) {
					ctx.fillStyle = INK;
					ctx.font = font(11.5, 700);
					ctx.fillText(r.heading, x, y, colW[c] - 4);
				} else {
					swatch(ctx, r, x, y);
					ctx.fillStyle = INK_SOFT;
					ctx.font = font(11.5);
					ctx.fillText(`${r.label}${r.count !== undefined ? `  ${r.count}` : ''}`, x + 20, y, colW[c] - 24);
				}
			});
			x += colW[c];
		});
	}

	// Scale bar, bottom right, above the foot band.
	const bar = scaleBar(metresPerPixel(content.view.center[1], content.view.zoom), 140);
	const [sx, sy] = [W - PAD - bar.px, H - footH - 18];
	roundRect(ctx, sx - 8, sy - 18, bar.px + 16, 30, 6);
	ctx.fillStyle = INK;
	ctx.fillRect(sx, sy, bar.px, 3);
	ctx.fillRect(sx, sy - 5, 1.5, 8);
	ctx.fillRect(sx + bar.px - 1.5, sy - 5, 1.5, 8);
	ctx.font = font(11);
	ctx.textAlign = 'center';
	ctx.fillText(bar.label, sx + bar.px / 2, sy - 9);
	ctx.textAlign = 'left';
	return canvas;
}
