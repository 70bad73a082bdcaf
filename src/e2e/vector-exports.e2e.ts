/**
 * Vector exports as users get them in real Chromium against the built site, through window.atlas: the SVG parses with a
 * group per visible layer, feature names as text and a legend of the visible layers; the PowerPoint deck of a tour has
 * one slide per step with its title and quote, and the step's link in the notes (converted by LibreOffice when
 * `soffice` is installed); the PDF is vector, embeds its font and, rasterised by poppler when installed, shows the map
 * and its Chinese text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { expectClean, imageStats, useAtlas } from './harness';

const env = useAtlas({ timeout: 180_000 });

const LAYERS = ['ganzi-poles-cores', 'aba-parks'];

/** A Blob made in the page, as bytes. */
async function bytesOf(call: string, arg: unknown): Promise<Buffer> {
	const b64 = await env.page.evaluate(
		async ([call, arg]) => {
			const api = window.atlas as unknown as Record<string, (a: unknown) => Promise<Blob>>;
			const blob = await api[call](arg);
			const bytes = new Uint8Array(await blob.arrayBuffer());
			let s = '';
			for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
			return btoa(s);
		},
		[call, arg] as const
	);
	return Buffer.from(b64, 'base64');
}

/** The path of a program on PATH, or null. */
function which(program: string): string | null {
	try {
		return execFileSync('which', [program], { encoding: 'utf8' }).trim() || null;
	} catch {
		return null;
	}
}

const xmlText = (xml: string) =>
	[...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
		.map((m) => m[1])
		.join('')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
const slideNo = (path: string) => Number(path.match(/(\d+)\.xml$/)![1]);

describe('SVG export', () => {
	test('the SVG parses, with a group per visible layer, feature names as text and a legend of the layers', async () => {
		await env.page.evaluate(
			(layers) => window.atlas!.setState({ layers, view: { center: [102.5, 30.6], zoom: 6.5 }, lang: 'zh' }),
			LAYERS
		);
		const result = await env.page.evaluate(async () => {
			const blob = await window.atlas!.exportSvg({ preset: 'a4-landscape' });
			const text = await blob.text();
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			const ids = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => e.id);
			const visible = window.atlas!.inspect.emphasised();
			return {
				type: blob.type,
				parseError: doc.querySelector('parsererror')?.textContent ?? null,
				root: [root.localName, root.getAttribute('width'), root.getAttribute('height')],
				groups: ids('g[id^="layer-"]'),
				legendLayers: [...doc.querySelectorAll('#legend [data-layer]')].map((e) => e.getAttribute('data-layer')),
				planTexts: [...doc.querySelectorAll('#layer-labels text[data-id]')].map((e) => [
					e.getAttribute('data-id'),
					e.textContent
				]),
				featureIds: [
					...new Set([...doc.querySelectorAll('#layer-plan [data-id]')].map((e) => e.getAttribute('data-id')))
				],
				visible,
				title: doc.querySelector('#title text')?.textContent,
				foot: doc.querySelector('#foot')?.textContent ?? '',
				scale: doc.querySelector('#scale-bar text')?.textContent,
				north: doc.querySelector('#north-arrow text')?.textContent
			};
		});
		expect(result.type).toBe('image/svg+xml');
		expect(result.parseError).toBeNull();
		expect(result.root).toEqual(['svg', '1123', '794']);
		for (const layer of LAYERS) expect(result.groups.some((g) => g.startsWith(`layer-${layer}-`))).toBe(true);
		expect(result.legendLayers).toEqual(LAYERS);
		// Plan features carry their ids, all of them visible ones; their labels are text with their names.
		expect(result.featureIds.length).toBeGreaterThan(3);
		for (const id of result.featureIds) expect(result.visible).toContain(id);
		expect(result.planTexts.length).toBeGreaterThan(2);
		// Labels are the features' names (shortened as the live map shortens them, never invented).
		const rows = await env.page.evaluate(() => window.atlas!.query.table());
		const nameOf = new Map(rows.map((r) => [r.id, r.name_zh]));
		for (const [id, text] of result.planTexts) {
			const core = text!.replace(/…$/, '');
			expect(core.length).toBeGreaterThan(1);
			expect(nameOf.get(id!) ?? '').toContain(core);
		}
		expect(result.title).toBe('四川产业规划图集');
		expect(result.foot).toContain('非官方');
		expect(result.scale).toMatch(/^\d+ km$/);
		expect(result.north).toBe('北');
		expectClean(env.guard);
	}, 120_000);

	test('bad options are refused with a clear message', async () => {
		const message = await env.page.evaluate(() =>
			window.atlas!.exportSvg({ preset: 'poster' as never }).then(
				() => 'ok',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/preset must be one of viewport, 16:9/);
	});
});

describe('PowerPoint export', () => {
	test('a tour gives one slide per step with its title and quote, and its link in the notes', async () => {
		const tours = JSON.parse(readFileSync('build/data/tours.json', 'utf8')).tours as {
			id: string;
			steps: { title_zh: string; quote: string }[];
		}[];
		const tour = tours.find((x) => x.id === 'aba') ?? tours[0];
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', tour: null }));
		const before = await env.page.evaluate(() => window.atlas!.getState());
		const pptx = await bytesOf('exportPptx', { tour: tour.id });
		expect(pptx.subarray(0, 2).toString()).toBe('PK');
		const files = unzipSync(new Uint8Array(pptx));
		expect(Object.keys(files)).toContain('[Content_Types].xml');
		const slides = Object.keys(files)
			.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
			.sort((a, b) => slideNo(a) - slideNo(b));
		expect(slides.length).toBe(tour.steps.length);
		slides.forEach((path, i) => {
			const text = xmlText(strFromU8(files[path]));
			expect(text).toContain(tour.steps[i].title_zh);
			expect(text).toContain(tour.steps[i].quote);
			expect(text).toContain('非官方地图');
			// The map is on the slide as SVG, with its PNG preview.
			const rels = strFromU8(files[path.replace('slides/', 'slides/_rels/') + '.rels']);
			expect(rels).toMatch(/media\/[^"]+\.svg/);
			expect(rels).toMatch(/media\/[^"]+\.png/);
		});
		const notes = Object.keys(files)
			.filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
			.sort((a, b) => slideNo(a) - slideNo(b));
		expect(notes.length).toBe(tour.steps.length);
		notes.forEach((path, i) =>
			expect(xmlText(strFromU8(files[path]))).toMatch(new RegExp(`tour=${tour.id}&step=${i + 1}\\b`))
		);
		// The atlas is back where it was.
		expect(await env.page.evaluate(() => window.atlas!.getState())).toEqual(before);

		const soffice = which('soffice');
		if (soffice) {
			const dir = mkdtempSync(join(tmpdir(), 'pptx-'));
			writeFileSync(join(dir, 'tour.pptx'), pptx);
			execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'tour.pptx')], {
				timeout: 120_000
			});
			expect(readFileSync(join(dir, 'tour.pdf')).subarray(0, 4).toString()).toBe('%PDF');
		}
		expectClean(env.guard);
	}, 240_000);

	test('the current view gives one slide, the selected feature as its quote card', async () => {
		await env.page.evaluate(() =>
			window.atlas!.setState({ lang: 'en', layers: ['energy-hydro'], selected: 'hydro-station-lianghekou' })
		);
		const files = unzipSync(new Uint8Array(await bytesOf('exportPptx', {})));
		const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
		expect(slides).toEqual(['ppt/slides/slide1.xml']);
		const text = xmlText(strFromU8(files[slides[0]]));
		expect(text).toMatch(/Lianghekou/);
		expect(text).toMatch(/Quoted from .*\(\d{3}_[0-9a-f]{16}\.txt:\d+\)/);
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', selected: null }));
	}, 120_000);

	test('an unknown tour is refused with a clear message', async () => {
		const message = await env.page.evaluate(() =>
			window.atlas!.exportPptx({ tour: 'nowhere' }).then(
				() => 'ok',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/no tour "nowhere"; tours: ganzi, aba/);
	});
});

/** The PDF's streams, inflated where they are compressed. */
function pdfStreams(pdf: Buffer): string[] {
	const out: string[] = [];
	let at = 0;
	for (;;) {
		const start = pdf.indexOf('stream', at);
		if (start < 0) break;
		const dataStart = start + (pdf[start + 6] === 0x0d ? 8 : 7);
		const end = pdf.indexOf('endstream', dataStart);
		if (end < 0) break;
		const data = pdf.subarray(dataStart, end);
		try {
			out.push(inflateSync(data).toString('latin1'));
		} catch {
			out.push(data.toString('latin1'));
		}
		at = end + 9;
	}
	return out;
}

describe('PDF export', () => {
	test('an A4 PDF is vector, embeds its Chinese font, and rasterised shows the map and Chinese text', async () => {
		await env.page.evaluate(
			(layers) =>
				window.atlas!.setState({
					layers,
					view: { center: [102.5, 30.6], zoom: 6.5 },
					lang: 'zh',
					selected: null,
					tour: null
				}),
			LAYERS
		);
		const pdf = await bytesOf('exportPdf', { preset: 'a4-landscape' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const raw = pdf.toString('latin1');
		expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
		expect(raw).toMatch(/\/BaseFont \/Noto#20Sans#20SC/);
		// One A4 landscape page: 841.89 × 595.28 pt.
		expect(raw).toMatch(/\/MediaBox \[0 0 841\.8\d* 595\.27\d*\]/);
		const content = pdfStreams(pdf).filter((s) => / Tf\b/.test(s));
		expect(content.length).toBeGreaterThan(0);
		const ops = content.join('\n');
		// Paths (move, line, curve, fill, stroke) and text, not an image of the map.
		expect(ops.match(/ l\n/g)?.length ?? 0).toBeGreaterThan(1000);
		expect(ops).toMatch(/ m\n/);
		expect(ops).toMatch(/\nS\n|\ns\n/);
		expect(ops).toMatch(/\nf\n|\nf\*\n|\nB\n/);
		expect(ops).not.toMatch(/\/Im\d+ Do/);

		if (which('pdftoppm') && which('pdftotext')) {
			const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
			writeFileSync(join(dir, 'map.pdf'), pdf);
			// The text comes back out as Chinese: the embedded font maps its glyphs to Unicode.
			const text = execFileSync('pdftotext', [join(dir, 'map.pdf'), '-'], { encoding: 'utf8' });
			expect(text).toContain('四川产业规划图集');
			expect(text).toContain('非官方地图');
			expect(text).toContain('图例');
			execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', join(dir, 'map.pdf'), join(dir, 'page')]);
			const stats = imageStats(readFileSync(join(dir, 'page.png')));
			// A4 landscape at 60 dpi (poppler rounds either way).
			expect(stats.width).toBe(702);
			expect(Math.abs(stats.height - 496)).toBeLessThanOrEqual(1);
			expect(stats.distinctColours).toBeGreaterThan(100);
		}
		expectClean(env.guard);
	}, 180_000);

	test('a tour gives one page per step, and bad options a clear message', async () => {
		const pdf = await bytesOf('exportPdf', { preset: 'a4-portrait', tour: 'aba' });
		const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
		expect(pages.length).toBe(5);
		const message = await env.page.evaluate(() =>
			window.atlas!.exportPdf({ preset: 'letter' as never }).then(
				() => 'ok',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/preset must be one of viewport, 16:9, a4-landscape/);
	}, 240_000);
});

describe('in the share dialog and the tour player', () => {
	test('the share dialog downloads an SVG of the chosen frame, and the tour player offers its deck', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'en', tour: null, selected: null }));
		await env.page.getByRole('button', { name: 'Share this view' }).click();
		const dialog = env.page.locator('dialog[open]');
		await dialog.locator('[data-vector-preset]').selectOption('16:9');
		const [download] = await Promise.all([
			env.page.waitForEvent('download', { timeout: 60_000 }),
			dialog.getByRole('button', { name: 'Download SVG' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^sichuan-plan-atlas-\d{4}-\d{2}-\d{2}-16x9\.svg$/);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg).toContain('width="1280" height="720"');
		await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/Done/);
		await dialog.getByRole('button', { name: 'Close' }).click();

		await env.page.evaluate(() => window.atlas!.setState({ tour: 'aba', step: 2 }));
		const player = env.page.locator('[data-tour-step]');
		await expect.poll(() => player.getAttribute('data-tour-step')).toBe('2');
		// The tour player's export buttons arrive with their module (loaded when a tour opens).
		await expect.poll(() => player.getByRole('button', { name: 'Export as PowerPoint' }).count()).toBe(1);
		await expect.poll(() => player.getByRole('button', { name: 'Export as PDF' }).count()).toBe(1);
		await env.page.evaluate(() => window.atlas!.setState({ tour: null, lang: 'zh' }));
		expectClean(env.guard);
	}, 180_000);
});
