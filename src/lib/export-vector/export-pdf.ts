/**
 * The vector export as a PDF (jsPDF + svg2pdf.js, both MIT, loaded on use): the SVG export's drawing on an A4 or A3
 * page (or the frame of a slide or the screen) as PDF paths and text, with a subset of Noto Sans SC embedded so Chinese
 * prints the same on any machine. The subset is built with the data (scripts/fonts/pdf-font.ts) and fetched from our
 * own origin only now. A tour gives one page per step.
 */
import { base } from '$app/paths';
import type { AtlasController } from '$lib/atlas/atlas-controller.svelte';
import type { AtlasState } from '$lib/atlas/state';
import { vectorDrawing } from './export-svg';
import { PAPER_MM, vectorFrame, type VectorPreset } from './vector-layout';

export interface PdfOptions {
	/** 'a4-landscape' (default), 'a4-portrait', 'a3-landscape', 'a3-portrait', '16:9' or 'viewport'. */
	preset?: VectorPreset;
	/** A tour's id: one page per step. */
	tour?: string;
}

/** The family the PDF's text is set in (the SVG names it first in its font list). */
export const PDF_FONT_FAMILY = 'Noto Sans SC';
const PT_PER_MM = 72 / 25.4;
/** CSS px to PDF points (96 → 72 per inch). */
const PT_PER_PX = 0.75;

/** Page size in points: the paper for A4/A3, else the frame at 96 dpi. */
export function pageSize(preset: VectorPreset, frame: { width: number; height: number }): [number, number] {
	const mm = PAPER_MM[preset];
	return mm ? [mm[0] * PT_PER_MM, mm[1] * PT_PER_MM] : [frame.width * PT_PER_PX, frame.height * PT_PER_PX];
}

let fontLoad: Promise<{ normal: string; bold: string }> | null = null;

async function fetchBase64(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`the PDF font ${url} could not be loaded (${response.status})`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

/** The embedded font's two weights, base64 (what jsPDF's virtual file system takes), fetched once per page. */
function pdfFonts() {
	fontLoad ??= Promise.all([
		fetchBase64(`${base}/fonts/pdf-sc-400.ttf`),
		fetchBase64(`${base}/fonts/pdf-sc-700.ttf`)
	]).then(
		([normal, bold]) => ({ normal, bold }),
		(e: Error) => {
			fontLoad = null;
			throw e;
		}
	);
	return fontLoad;
}

/** The current view, or every step of a tour, as a PDF Blob. Rejects with a clear message on bad options. */
export async function exportPdf(atlas: AtlasController, options: PdfOptions = {}): Promise<Blob> {
	if (options === null || typeof options !== 'object') throw new Error('options must be an object like { preset }');
	const camera = atlas.camera;
	if (!camera) throw new Error('the map is not ready yet');
	const preset = options.preset ?? 'a4-landscape';
	const container = camera.getContainer();
	const frame = vectorFrame(preset, { width: container.clientWidth, height: container.clientHeight });
	if (options.tour !== undefined && typeof options.tour !== 'string') throw new Error('tour must be a tour id');
	const tours = options.tour ? await atlas.tours() : [];
	const tour = options.tour ? tours.find((x) => x.id === options.tour) : undefined;
	if (options.tour && !tour) {
		throw new Error(`no tour "${options.tour}"; tours: ${tours.map((x) => x.id).join(', ') || 'none loaded'}`);
	}
	const [{ jsPDF }, { svg2pdf }, fonts] = await Promise.all([import('jspdf'), import('svg2pdf.js'), pdfFonts()]);
	const [w, h] = pageSize(preset, frame);
	const doc = new jsPDF({ unit: 'pt', format: [w, h], orientation: w > h ? 'landscape' : 'portrait', compress: true });
	doc.addFileToVFS('pdf-sc-400.ttf', fonts.normal);
	doc.addFont('pdf-sc-400.ttf', PDF_FONT_FAMILY, 'normal');
	doc.addFileToVFS('pdf-sc-700.ttf', fonts.bold);
	doc.addFont('pdf-sc-700.ttf', PDF_FONT_FAMILY, 'bold');
	doc.setFont(PDF_FONT_FAMILY, 'normal');

	/** Draws the current view on the current page, the drawing scaled to fill it (centred if its shape differs). */
	const drawPage = async () => {
		const drawing = await vectorDrawing(atlas, { preset });
		const svg = new DOMParser().parseFromString(drawing.svg, 'image/svg+xml').documentElement;
		const k = Math.min(w / drawing.width, h / drawing.height);
		const [dw, dh] = [drawing.width * k, drawing.height * k];
		await svg2pdf(svg, doc, { x: (w - dw) / 2, y: (h - dh) / 2, width: dw, height: dh });
		return drawing;
	};

	let title: string;
	if (!tour) {
		title = (await drawPage()).content.title;
	} else {
		title = atlas.lang === 'zh' ? tour.title_zh : tour.title_en;
		const before: AtlasState = atlas.getState();
		try {
			for (let i = 1; i <= tour.steps.length; i++) {
				if (i > 1) doc.addPage([w, h], w > h ? 'landscape' : 'portrait');
				await atlas.setState({ tour: tour.id, step: i });
				await drawPage();
			}
		} finally {
			await atlas.setState(before).catch(() => undefined);
		}
	}
	doc.setDocumentProperties({ title, creator: 'Sichuan Plan Atlas' });
	doc.setLanguage(atlas.lang === 'zh' ? 'zh-CN' : 'en-US');
	return doc.output('blob');
}
