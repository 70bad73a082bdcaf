/**
 * The atlas as a vector SVG document: the current view (or a preset frame) drawn by the SVG renderer from the same data
 * and state as the live map, with the PNG export's title, legend, scale, north arrow, attribution and citations.
 * Loaded on demand (the first view's JS does not carry it).
 */
import type { Position } from 'geojson';
import type { AtlasController } from '$lib/atlas/atlas-controller.svelte';
import { loadBaseData, type BaseGeographyData } from '$lib/data/base-geography';
import { riverLabelPoints } from '$lib/geo/river-labels';
import { exportContent } from '$lib/export/export-image';
import { renderMapSvg, SVG_FONT_FAMILY, type SvgBase } from '$lib/svg-map/render-svg';
import { planDrawing, planScene, type PlanDrawing } from '$lib/svg-map/plan-scene';
import { unproject, type SvgView } from '$lib/svg-map/web-mercator';
import { viewExtras } from '$lib/svg-map/view-extras';
import type { ExportContent } from '$lib/export/draw-export';
import { footBand, layoutSvg, vectorFrame, type VectorPreset } from './vector-layout';

export interface VectorExportOptions {
	/** 'viewport' (default), '16:9', 'a4-landscape', 'a4-portrait', 'a3-landscape' or 'a3-portrait'. */
	preset?: VectorPreset;
}

/** The base geography and the plan drawing, loaded and computed once per page (the map has them in other shapes). */
let baseLoad: Promise<SvgBase> | null = null;
let drawn: { features: unknown; drawing: PlanDrawing } | null = null;

function svgBase(dataRoot: string): Promise<SvgBase> {
	baseLoad ??= loadBaseData(dataRoot)
		.then((data: BaseGeographyData) => ({ ...data, riverLabels: riverLabelPoints(data.rivers) }))
		.catch((e: Error) => {
			baseLoad = null;
			throw e;
		});
	return baseLoad;
}

function drawingOf(atlas: AtlasController, base: SvgBase): PlanDrawing | null {
	const features = atlas.plan?.features;
	if (!features) return null;
	if (drawn?.features !== features) {
		const seats = new Map<string, Position>(
			base.prefectureSeats.features.map((f) => [String(f.properties!.code), (f.geometry as GeoJSON.Point).coordinates])
		);
		drawn = { features, drawing: planDrawing(features, seats) };
	}
	return drawn.drawing;
}

export interface VectorDrawing {
	svg: string;
	width: number;
	height: number;
	preset: VectorPreset;
	content: ExportContent;
}

/** How a slide asks for the map: its own frame, no title card, the quote and citations left to the slide's text. */
export interface SlideMap {
	width: number;
	height: number;
	/** The SVG's width and height attributes are this many times the frame (a sharper raster preview). */
	outputScale: number;
}

/** The current view as an export SVG string, with its frame; rejects with a clear message on bad options. */
export async function vectorDrawing(
	atlas: AtlasController,
	options: VectorExportOptions = {},
	slide?: SlideMap
): Promise<VectorDrawing> {
	if (options === null || typeof options !== 'object') throw new Error('options must be an object like { preset }');
	const camera = atlas.camera;
	if (!camera) throw new Error('the map is not ready yet');
	const container = camera.getContainer();
	const screen = { width: container.clientWidth || 1, height: container.clientHeight || 1 };
	const frame = slide
		? { preset: 'viewport' as const, width: slide.width, height: slide.height }
		: vectorFrame(options.preset, screen);
	const [base, tours] = await Promise.all([svgBase(atlas.dataRoot), atlas.tour ? atlas.tours() : Promise.resolve([])]);
	const tour = tours.find((x) => x.id === atlas.tour);
	await atlas.settled();
	const c = camera.getCenter();
	// The same ground as on screen: zoomed out when the frame is smaller, never in (as the PNG export).
	const zoom =
		camera.getZoom() + Math.min(0, Math.log2(Math.min(frame.width / screen.width, frame.height / screen.height)));
	// The SVG renderer draws north up: the arrow says so.
	const full = exportContent(atlas, tour);
	const content: ExportContent = {
		...full,
		...(slide ? { citations: [], footer: '' } : {}),
		view: { center: [c.lng, c.lat], zoom, bearing: 0 },
		font: SVG_FONT_FAMILY
	};
	// The foot band covers the bottom of the frame: the view's centre sits in the middle of the map above it.
	const inset = footBand(content, frame.width).height;
	const view: SvgView = { center: [c.lng, c.lat], zoom, width: frame.width, height: frame.height };
	const shifted: SvgView = { ...view, center: unproject(view, [frame.width / 2, frame.height / 2 + inset / 2]) };
	const drawing = drawingOf(atlas, base);
	// the reader's layers, the lens's shading and the spatial answer, as the PNG export (a picture of the map) has them
	const extras = await viewExtras(atlas, shifted);
	const m = atlas.selected?.match(/^(county|prefecture)-(\d{6})$/);
	const mapSvg = renderMapSvg({
		view: shifted,
		lang: atlas.lang,
		base,
		plan: drawing
			? planScene(drawing, {
					layers: atlas.layers,
					selected: atlas.selected,
					matching: atlas.matching,
					visible: atlas.visible,
					grouped: atlas.stacks.grouped
				})
			: null,
		...extras,
		highlight: m ? { type: m[1] as 'county' | 'prefecture', code: m[2] } : null,
		idPrefix: 'export',
		hitAreas: false,
		digits: 2,
		tolerance: 0.3
	});
	const svg = layoutSvg({
		mapSvg,
		content,
		width: frame.width,
		height: frame.height,
		lang: atlas.lang,
		cartouche: !slide,
		outputScale: slide?.outputScale ?? 1
	});
	return {
		svg,
		width: frame.width,
		height: frame.height,
		preset: frame.preset,
		content: { ...content, citations: full.citations, footer: full.footer }
	};
}

/** The current view as an SVG file (image/svg+xml). */
export async function exportSvg(atlas: AtlasController, options: VectorExportOptions = {}): Promise<Blob> {
	const { svg } = await vectorDrawing(atlas, options);
	return new Blob([svg], { type: 'image/svg+xml' });
}
