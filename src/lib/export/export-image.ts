/**
 * Exports of the atlas as images: the current map (any preset and scale) with its legend, scale, north arrow,
 * attribution and citations baked in; and a quote card for one feature (mini map, name, key figure, verbatim quote).
 */
import { bbox } from '@turf/turf';
import { KINDS, LAYERS, METRICS } from '$lib/data/vocab';
import { capacityFigure } from '$lib/geo/features-in-area';
import { SEED_TITLES, t, PRECISION_LABELS, periodText } from '$lib/i18n/strings';
import type { AtlasController } from '$lib/atlas/atlas-controller.svelte';
import { legendFor } from '$lib/atlas/panels/legend';
import { ALL_LAYER_IDS } from '$lib/atlas/plan/layer-defaults';
import { drawExport, footBandHeight, wrap, type ExportContent, type LegendGroup } from './draw-export';
import { citedSeeds, exportSize, type Preset } from './image-layout';
import type { Tour } from '$lib/atlas/tours/tour-schema';

export interface ExportOptions {
	scale?: number;
	preset?: Preset;
}

const fontOf = () => getComputedStyle(document.body).fontFamily;
const seedTag = (file: string) => file.slice(0, 3);

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png')
	);
}

/** What the image says about itself: title, legend of the layers on, citations of the plans drawn. */
export function exportContent(atlas: AtlasController, tour: Tour | undefined): Omit<ExportContent, 'view'> {
	const lang = atlas.lang;
	const ui = t(lang);
	const name = (p: { name_zh: string; name_en: string }) => (lang === 'zh' ? p.name_zh : p.name_en);
	const step = tour && atlas.step ? tour.steps[atlas.step - 1] : undefined;
	const selected = atlas.feature(atlas.selected)?.properties ?? atlas.place(atlas.selected);
	const title = step ? (lang === 'zh' ? step.title_zh : step.title_en) : selected ? name(selected) : ui.title;
	const layerName = (id: string) => (id === 'enclave-links' ? ui.enclaveLinks : LAYERS[id][lang]);
	const on = ALL_LAYER_IDS.filter((id) => atlas.layers.includes(id));
	const sep = lang === 'zh' ? '、' : ', ';
	const subtitle = [
		title === ui.title ? ui.subtitle : ui.title,
		on.length ? `${ui.layersShown}: ${on.map(layerName).join(sep)}` : '',
		atlas.filter.length ? `${ui.filterShown}: ${atlas.filter.join(sep)}` : ''
	]
		.filter(Boolean)
		.join(' · ');

	const features = atlas.plan?.features ?? [];
	const legend: LegendGroup[] = on.map((id) => ({
		heading: layerName(id),
		layer: id,
		rows:
			id === 'enclave-links'
				? [{ colour: '#c0392b', shape: 'arc' as const, label: ui.enclaveLinks }]
				: legendFor(id, features).map((e) => ({
						colour: e.colour,
						shape: e.shape,
						label: e.kinds.map((k) => KINDS[k][lang]).join(sep),
						count: e.count
					}))
	}));
	if (legend.length) {
		legend.push({
			heading: ui.location,
			rows: [
				{ colour: '#555', shape: 'point', label: ui.exactSite },
				{ colour: '#555', shape: 'ring', label: ui.seatStandIn }
			]
		});
	}
	const visible = new Set(atlas.visible);
	const shown = features.filter((f) => visible.has(f.properties.id));
	const citations = citedSeeds(shown).map(
		({ file, count }) =>
			`${ui.citedDocs} ${seedTag(file)}: ${SEED_TITLES[file]?.[lang] ?? file} (${file}) · ${ui.featuresCount(count)}`
	);
	if (step) {
		const quote = lang === 'zh' ? `“${step.quote}”` : `“${step.caption_en}” ${ui.translationNote}`;
		citations.unshift(
			`${quote} — ${ui.quoteFrom} ${SEED_TITLES[step.source.file]?.[lang]} (${step.source.file}:${step.source.line})`
		);
	}
	return {
		title,
		subtitle,
		legendTitle: ui.legend,
		legend,
		attribution: `${ui.attribution} ${ui.notOfficial}`,
		citations,
		footer: `${ui.exportedFrom} ${atlas.shareUrl()} · ${new Date().toISOString().slice(0, 10)}`,
		northLabel: ui.north,
		font: fontOf()
	};
}

/** The current map as a PNG, in a preset frame at 1–4× pixel density. Rejects with a clear message on bad options. */
export async function exportMapImage(atlas: AtlasController, options: ExportOptions = {}): Promise<Blob> {
	const map = atlas.camera;
	const capture = atlas.captureFrame;
	if (!map || !capture) throw new Error('the map is not ready yet');
	const container = map.getContainer();
	const size = exportSize(options.preset ?? 'viewport', options.scale ?? 1, {
		width: container.clientWidth,
		height: container.clientHeight
	});
	const tour = atlas.tour ? (await atlas.tours()).find((x) => x.id === atlas.tour) : undefined;
	await atlas.settled();
	const c = map.getCenter();
	const zoomOut = Math.min(
		0,
		Math.log2(Math.min(size.width / container.clientWidth, size.height / container.clientHeight))
	);
	const view = { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() + zoomOut, bearing: map.getBearing() };
	const content = { ...exportContent(atlas, tour), view };
	// The foot band covers the bottom of the image: frame the view's centre in the map above it.
	const bottomInset = footBandHeight(content, size.width);
	const mapCanvas = await capture(size, { ...view, pitch: map.getPitch(), bottomInset });
	const image = drawExport(mapCanvas, size, content);
	return toBlob(image);
}

/** Card size (CSS px): fits a 16:9 slide at half its width, or whole. */
const CARD = { width: 1280, height: 720 };
const MINI = 640;

/** One feature as a slide-sized card: mini map, name, kind and place, key figure, the verbatim quote and its source. */
export async function exportQuoteCard(atlas: AtlasController, id: string, scale = 2): Promise<Blob> {
	const capture = atlas.captureFrame;
	const feature = atlas.feature(id);
	if (!capture) throw new Error('the map is not ready yet');
	if (!feature) throw new Error(`no plan feature "${id}"`);
	if (![1, 2, 3, 4].includes(scale)) throw new Error(`scale must be 1, 2, 3 or 4; got ${JSON.stringify(scale)}`);
	const lang = atlas.lang;
	const ui = t(lang);
	const p = feature.properties;
	const [x0, y0, x1, y1] = bbox(feature.geometry);
	const span = Math.max(x1 - x0, (y1 - y0) * 1.15, 0.01);
	const zoom = Math.min(8.5, Math.max(5, Math.log2((360 * MINI) / (512 * span)) - 0.6));
	const mini = await capture(
		{ width: MINI, height: CARD.height, scale },
		{ center: [(x0 + x1) / 2, (y0 + y1) / 2], zoom, bearing: 0, pitch: 0, bottomInset: 0 }
	);

	const canvas = document.createElement('canvas');
	canvas.width = CARD.width * scale;
	canvas.height = CARD.height * scale;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fbfaf5';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(mini, 0, 0);
	ctx.scale(scale, scale);
	ctx.fillStyle = '#d9d2c3';
	ctx.fillRect(MINI, 0, 1, CARD.height);
	const font = (px: number, weight = 400) => `${weight} ${px}px ${fontOf()}`;
	const x = MINI + 48;
	const w = CARD.width - x - 48;
	let y = 64;
	ctx.textBaseline = 'alphabetic';
	ctx.fillStyle = '#b5523b';
	ctx.font = font(16, 700);
	ctx.fillText(`${KINDS[p.kind]?.[lang] ?? p.kind} · ${PRECISION_LABELS[p.location.precision]?.[lang] ?? ''}`, x, y, w);
	y += 46;
	ctx.fillStyle = '#2b2720';
	ctx.font = font(34, 700);
	for (const line of wrap(ctx, lang === 'zh' ? p.name_zh : p.name_en, w).slice(0, 2)) {
		ctx.fillText(line, x, y);
		y += 42;
	}
	ctx.font = font(16);
	ctx.fillStyle = '#5e5749';
	ctx.fillText(lang === 'zh' ? p.name_en : p.name_zh, x, y - 8, w);
	y += 30;
	const figure = capacityFigure(p) ?? undefined;
	const anyFigure = p.figures[0];
	if (figure || anyFigure) {
		const f = p.figures.find((x) => x.metric === figure?.metric) ?? anyFigure;
		ctx.fillStyle = '#2b2720';
		ctx.font = font(26, 700);
		ctx.fillText(`${f.value}${f.unit}`, x, y, w);
		ctx.font = font(14);
		ctx.fillStyle = '#5e5749';
		ctx.fillText(
			`${METRICS[f.metric]?.[lang] ?? f.metric}${f.period ? ` · ${periodText(f.period, lang)}` : ''}`,
			x,
			y + 22,
			w
		);
		y += 56;
	}
	const source = p.sources.find((s) => s.quote) ?? p.sources[0];
	if (source) {
		ctx.font = font(19);
		ctx.fillStyle = '#2b2720';
		const lines = wrap(ctx, `“${source.quote}”`, w - 18);
		const shown = lines.slice(0, 8);
		if (lines.length > shown.length) shown[shown.length - 1] = shown.at(-1)!.slice(0, -1) + '…”';
		shown.forEach((l, i) => ctx.fillText(l, x + 18, y + 22 + i * 30));
		ctx.fillStyle = '#b5523b';
		ctx.fillRect(x, y, 4, shown.length * 30 + 8);
		y += shown.length * 30 + 36;
		ctx.font = font(13);
		ctx.fillStyle = '#5e5749';
		const cite = `${ui.quoteFrom} ${SEED_TITLES[source.seed]?.[lang] ?? source.seed}, ${source.seed}:${source.line}`;
		wrap(ctx, cite, w)
			.slice(0, 3)
			.forEach((l, i) => ctx.fillText(l, x, y + i * 18));
	}
	ctx.font = font(11);
	ctx.fillStyle = '#8d8574';
	const foot = `${ui.title} · ${ui.notOfficial} · ${atlas.shareUrl()}`;
	wrap(ctx, foot, w)
		.slice(0, 3)
		.forEach((l, i, a) => ctx.fillText(l, x, CARD.height - 24 - (a.length - 1 - i) * 15));
	return toBlob(canvas);
}
