/**
 * The arithmetic of exported images: output sizes for each preset, the zoom that keeps the same ground in view when
 * the frame changes size, a scale bar of round length, and which plan documents the shown features cite.
 * Pure and tested (image-layout.test.ts); the drawing itself is in draw-export.ts.
 */
import type { PlanFeature } from '$lib/data/plan-data';

/** Frames an image can be exported in; `viewport` is the map as it is on screen. */
export const PRESETS = ['viewport', '16:9', 'a4-landscape', 'a4-portrait'] as const;
export type Preset = (typeof PRESETS)[number];
export const SCALES = [1, 2, 3, 4] as const;

/** Frame sizes in CSS pixels: 16:9 slides at 1280×720; A4 at 96 dpi (297 × 210 mm). */
const PRESET_SIZE: Record<Exclude<Preset, 'viewport'>, [number, number]> = {
	'16:9': [1280, 720],
	'a4-landscape': [1123, 794],
	'a4-portrait': [794, 1123]
};
/** The largest image side we render (WebGL drawing buffers are commonly limited to 8192, memory to ~100 MP). */
export const MAX_SIDE_PX = 8192;

export interface ExportSize {
	/** Frame in CSS pixels. */
	width: number;
	height: number;
	/** Device pixels per CSS pixel. */
	scale: number;
}

/** The frame and scale of an export; throws a clear message for unknown presets or scales. */
export function exportSize(preset: unknown, scale: unknown, viewport: { width: number; height: number }): ExportSize {
	if (!PRESETS.includes(preset as Preset)) {
		throw new Error(`preset must be one of ${PRESETS.join(', ')}; got ${JSON.stringify(preset)}`);
	}
	if (!SCALES.includes(scale as 1)) throw new Error(`scale must be 1, 2, 3 or 4; got ${JSON.stringify(scale)}`);
	const [width, height] =
		preset === 'viewport'
			? [Math.round(viewport.width), Math.round(viewport.height)]
			: PRESET_SIZE[preset as 'a4-portrait'];
	const s = scale as number;
	if (Math.max(width, height) * s > MAX_SIDE_PX) {
		throw new Error(`${width * s}×${height * s} px is larger than ${MAX_SIDE_PX} px a side; choose a smaller scale`);
	}
	return { width, height, scale: s };
}

/** Zoom for a frame of another size that keeps the ground now on screen in view (never zooming in). */
export function zoomForFrame(
	zoom: number,
	from: { width: number; height: number },
	to: { width: number; height: number }
) {
	return zoom + Math.min(0, Math.log2(Math.min(to.width / from.width, to.height / from.height)));
}

/** Metres per CSS pixel at a latitude and zoom (MapLibre's 512-px tiles, spherical Web Mercator). */
export function metresPerPixel(lat: number, zoom: number): number {
	return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) that fits in maxPx, its width in pixels and its label. */
export function scaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
	const max = metresPerPx * maxPx;
	const pow = 10 ** Math.floor(Math.log10(max));
	const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= max) ?? pow;
	return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** A legend line: a layer's heading or one of its rows (label and count). */
export type LegendEntry = { heading: string } | { label: string; count?: number };

/** Height of a legend line, px. */
export const LEGEND_LINE = 17;

/**
 * The legend's geometry, shared by the PNG and the SVG export: its lines in as many columns as the room's height needs,
 * each column as wide as its widest line (at most 320 px), and the card around them. `measure` is the text width at the
 * legend's 11.5 px (the canvas's own, or an estimate where there is no canvas).
 */
export function legendLayout<R extends LegendEntry>(
	rows: R[],
	roomHeight: number,
	measure: (text: string) => number,
	pad: number
): { columns: R[][]; columnWidths: number[]; width: number; height: number } {
	const maxRows = Math.max(4, Math.floor(roomHeight / LEGEND_LINE) - 1);
	const columns: R[][] = [];
	for (let i = 0; i < rows.length; i += maxRows) columns.push(rows.slice(i, i + maxRows));
	const lineWidth = (e: LegendEntry) =>
		'heading' in e ? measure(e.heading) * 1.1 : 22 + measure(`${e.label}  ${e.count ?? ''}`);
	const columnWidths = columns.map((col) => Math.min(320, Math.max(...col.map(lineWidth))) + 8);
	return {
		columns,
		columnWidths,
		width: columnWidths.reduce((a, b) => a + b, 0) + 2 * pad,
		height: 26 + Math.max(...columns.map((c) => c.length)) * LEGEND_LINE + 6
	};
}

/** Seed files cited by the features, most-cited first (for the citation line under an image). */
export function citedSeeds(features: PlanFeature[]): { file: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const f of features) {
		for (const file of new Set(f.properties.sources.map((s) => s.seed))) counts.set(file, (counts.get(file) ?? 0) + 1);
	}
	return [...counts]
		.map(([file, count]) => ({ file, count }))
		.sort((a, b) => b.count - a.count || a.file.localeCompare(b.file));
}
