/**
 * The map without WebGL (src/lib/svg-map/SvgMap.svelte), in a Chromium started with WebGL off: time to the plan layers
 * drawn, and how long a redraw takes after the view changes (the SVG is rebuilt and painted: two animation frames
 * after setState), with the default layers and with 100 000 of the reader's points around 成都 (counted in cells at
 * province zoom, drawn one by one when zoomed in). Prints figures; asserts nothing. Called by bench.ts.
 */
import { guardedPage, launchChromium, openAtlas } from '../../src/e2e/harness.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A redraw per view, timed in the page: setState, then two frames (the new SVG is in the DOM and painted). */
const REDRAW = `(async (views) => {
	const out = [];
	for (const view of views) {
		const t0 = performance.now();
		window.atlas.setState({ view });
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const svg = document.querySelector('[data-renderer="svg"] svg');
		out.push({ ms: performance.now() - t0, kb: (svg ? svg.outerHTML.length : 0) / 1024 });
	}
	return out;
})`;

function pans(center: [number, number], zoom: number, n = 9) {
	return Array.from({ length: n }, (_, i) => ({
		center: [center[0] + 0.02 * (i % 3) * 2 ** (8 - zoom), center[1] + 0.015 * Math.floor(i / 3) * 2 ** (8 - zoom)],
		zoom
	}));
}

export async function svgMapFigures(origin: string): Promise<void> {
	const browser = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
	try {
		const ready: number[] = [];
		for (let i = 0; i < 3; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const { page } = await guardedPage(context, origin);
			const t0 = performance.now();
			await openAtlas(page, origin + '/', { plan: true });
			ready.push(performance.now() - t0);
			await context.close();
		}
		console.log(
			`\nthe map without WebGL (SVG; Chromium with WebGL off, 1280×800): plan layers drawn ${median(ready).toFixed(0)} ms (median of 3: [${ready.map((x) => x.toFixed(0)).join(', ')}])`
		);
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const { page } = await guardedPage(context, origin);
		await openAtlas(page, origin + '/', { plan: true });
		const redraws = async (label: string, center: [number, number], zoom: number) => {
			const r = (await page.evaluate(`${REDRAW}(${JSON.stringify(pans(center, zoom))})`)) as {
				ms: number;
				kb: number;
			}[];
			console.log(
				`  ${label.padEnd(44)} redraw ${median(r.map((x) => x.ms)).toFixed(0)} ms (median of ${r.length}), ${median(r.map((x) => x.kb)).toFixed(0)} KB of SVG`
			);
		};
		await redraws('default layers, province (zoom 6)', [103, 30.5], 6);
		await redraws('default layers, 成都 (zoom 9)', [104.07, 30.66], 9);
		// 100 000 points around 成都 (a fixed pseudo-random scatter), added through the API as a CSV
		const rows = ['id,lon,lat'];
		let s = 1;
		const rand = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
		for (let i = 0; i < 100_000; i++)
			rows.push(`${i},${(103.6 + rand() * 1).toFixed(5)},${(30.3 + rand() * 0.7).toFixed(5)}`);
		const t0 = performance.now();
		await page.evaluate((csv) => window.atlas!.data.add(csv, { name: 'bench.csv', crs: 'wgs84' }), rows.join('\n'));
		console.log(`  100 000 points added (parsed, placed, drawn): ${(performance.now() - t0).toFixed(0)} ms`);
		await redraws('with 100 000 points, province (zoom 7, cells)', [104.07, 30.66], 7);
		await redraws('with 100 000 points, 成都 (zoom 12, one by one)', [104.07, 30.66], 12);
		await context.close();
	} finally {
		await browser.close();
	}
}
