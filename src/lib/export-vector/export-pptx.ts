/**
 * PowerPoint decks made in the browser with pptxgenjs (MIT; loaded on use, never in the first view's JS): the current
 * view as one 16:9 slide, or a tour as one slide per step. Each slide has editable text boxes (title, quote verbatim,
 * translation, source) and the map as SVG (PowerPoint 2016+ draws it as vector; pptxgenjs adds a 2× PNG preview that
 * older viewers and LibreOffice show); the step's share link is in the speaker notes.
 */
import type PptxGenJS from 'pptxgenjs';
import type { AtlasController } from '$lib/atlas/atlas-controller.svelte';
import { KINDS, METRICS } from '$lib/data/vocab';
import { capacityFigure } from '$lib/geo/features-in-area';
import { PRECISION_LABELS, SEED_TITLES, t } from '$lib/i18n/strings';
import { VECTOR_EXPORT_STRINGS } from '$lib/i18n/vector-export-strings';
import type { AtlasState } from '$lib/atlas/state';
import { vectorDrawing } from './export-svg';
import { BAR_INDENT, BOX, MAP_FRAME, stackSide, stepSlide, viewSlide, fitSize, type SlideText } from './slide-text';

export interface PptxOptions {
	/** A tour's id: one slide per step. Without it, one slide of the current view. */
	tour?: string;
}

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
/** Faces PowerPoint and LibreOffice have for Chinese (the first the machine has is used; Latin is in all of them). */
const FACE = 'Microsoft YaHei';
const PAPER = 'FBFAF5';

/** UTF-8 text as a base64 data URL. */
function dataUrl(text: string, type: string): string {
	const bytes = new TextEncoder().encode(text);
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return `data:${type};base64,${btoa(s)}`;
}

const today = () => new Date().toISOString().slice(0, 10);

async function addSlide(pres: PptxGenJS, text: SlideText, mapSvg: string): Promise<void> {
	const slide = pres.addSlide();
	slide.background = { color: PAPER };
	slide.addText(text.kicker, {
		...BOX.kicker,
		fontFace: FACE,
		fontSize: 10,
		color: 'B5523B',
		bold: true,
		objectName: 'kicker'
	});
	slide.addText(text.title, {
		...BOX.title,
		fontFace: FACE,
		fontSize: fitSize(text.title, BOX.title.w, BOX.title.h, [26, 24, 22, 20, 18, 16]),
		color: '2B2720',
		bold: true,
		valign: 'middle',
		objectName: 'title'
	});
	slide.addImage({ data: dataUrl(mapSvg, 'image/svg+xml'), ...BOX.map, objectName: 'map' });
	slide.addShape('rect', {
		...BOX.map,
		fill: { color: 'FFFFFF', transparency: 100 },
		line: { color: 'D9D2C3', width: 0.75 },
		objectName: 'map frame'
	});
	for (const b of stackSide(text.side, BOX.side)) {
		const x = BOX.side.x + (b.bar ? BAR_INDENT : 0);
		if (b.bar) {
			slide.addShape('rect', {
				x: BOX.side.x,
				y: BOX.side.y + b.y + 0.08,
				w: 0.045,
				h: Math.max(0.1, b.h - 0.16),
				fill: { color: 'B5523B' },
				line: { color: 'B5523B', width: 0 },
				objectName: 'quote bar'
			});
		}
		slide.addText(b.text, {
			x,
			y: BOX.side.y + b.y,
			w: BOX.side.w - (b.bar ? BAR_INDENT : 0),
			h: b.h,
			fontFace: FACE,
			fontSize: b.size,
			color: b.colour,
			bold: b.bold,
			valign: 'top',
			lang: b.lang === 'zh' ? 'zh-CN' : 'en-US',
			lineSpacingMultiple: 1.1,
			objectName: b.role
		});
	}
	slide.addText(text.footer, {
		...BOX.footer,
		fontFace: FACE,
		fontSize: 8,
		color: '8D8574',
		objectName: 'footer'
	});
	slide.addNotes(text.notes);
}

function mapFrame() {
	return { ...MAP_FRAME, outputScale: 2 };
}

/** The quote card's texts for the selected feature: kind, place precision and key figure; its first quote and source. */
function cardOf(atlas: AtlasController) {
	const feature = atlas.feature(atlas.selected);
	const p = feature?.properties;
	const source = p?.sources.find((s) => s.quote) ?? p?.sources[0];
	if (!p || !source?.quote) return undefined;
	const lang = atlas.lang;
	const figure = p.figures.find((f) => f.metric === capacityFigure(p)?.metric) ?? p.figures[0];
	const facts = [
		KINDS[p.kind]?.[lang] ?? p.kind,
		PRECISION_LABELS[p.location.precision]?.[lang],
		figure ? `${METRICS[figure.metric]?.[lang] ?? figure.metric} ${figure.value}${figure.unit}` : ''
	]
		.filter(Boolean)
		.join(' · ');
	return {
		facts,
		quote: source.quote,
		source: `${t(lang).quoteFrom} ${SEED_TITLES[source.seed]?.[lang] ?? source.seed} (${source.seed}:${source.line})`
	};
}

/** The current view, or every step of a tour, as a .pptx Blob. Rejects with a clear message on bad options. */
export async function exportPptx(atlas: AtlasController, options: PptxOptions = {}): Promise<Blob> {
	if (options === null || typeof options !== 'object') throw new Error('options must be an object like { tour }');
	if (options.tour !== undefined && typeof options.tour !== 'string') throw new Error('tour must be a tour id');
	const tours = options.tour ? await atlas.tours() : [];
	const tour = options.tour ? tours.find((x) => x.id === options.tour) : undefined;
	if (options.tour && !tour) {
		throw new Error(`no tour "${options.tour}"; tours: ${tours.map((x) => x.id).join(', ') || 'none loaded'}`);
	}
	const { default: Pptx } = await import('pptxgenjs');
	const pres = new Pptx();
	pres.layout = 'LAYOUT_16x9';
	const lang = atlas.lang;
	const ui = t(lang);
	const vx = VECTOR_EXPORT_STRINGS[lang];
	pres.title = tour ? (lang === 'zh' ? tour.title_zh : tour.title_en) : ui.title;
	pres.company = ui.title;
	pres.theme = { headFontFace: FACE, bodyFontFace: FACE };
	const common = { atlasTitle: ui.title, notOfficial: ui.notOfficial, slideLink: vx.slideLink, date: today() };

	if (!tour) {
		const drawing = await vectorDrawing(atlas, {}, mapFrame());
		await addSlide(
			pres,
			viewSlide({
				...common,
				lang,
				title: drawing.content.title,
				// What the view shows (the atlas's own name is on the slide already).
				subtitle: drawing.content.subtitle
					.split(' · ')
					.filter((part) => part !== ui.title)
					.join(' · '),
				card: cardOf(atlas),
				citations: drawing.content.citations,
				citedHeading: vx.citedOnSlide,
				shareUrl: atlas.shareUrl()
			}),
			drawing.svg
		);
	} else {
		const before: AtlasState = atlas.getState();
		try {
			for (let i = 1; i <= tour.steps.length; i++) {
				await atlas.setState({ tour: tour.id, step: i });
				const step = tour.steps[i - 1];
				const drawing = await vectorDrawing(atlas, {}, mapFrame());
				await addSlide(
					pres,
					stepSlide({
						...common,
						lang,
						tourTitle: lang === 'zh' ? tour.title_zh : tour.title_en,
						step,
						index: i,
						count: tour.steps.length,
						seedTitle: SEED_TITLES[step.source.file]?.[lang] ?? step.source.file,
						shareUrl: atlas.shareUrl(),
						quoteFrom: ui.quoteFrom,
						translationNote: ui.translationNote
					}),
					drawing.svg
				);
			}
		} finally {
			await atlas.setState(before).catch(() => undefined);
		}
	}
	const out = (await pres.write({ outputType: 'blob', compression: true })) as Blob;
	return new Blob([out], { type: PPTX_TYPE });
}
