/**
 * Share, embed, export and present, as users do it in real Chromium against the built site: links that restore the
 * state in a fresh page, forgiving links, /embed inside a host page on another origin (postMessage both ways), PNG
 * export at 3× with its legend, the share dialog's download, and a tour moved on with the arrow key.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';
import polyline from '@mapbox/polyline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectClean, guardedPage, imageStats, openAtlas, useAtlas } from './harness';

const env = useAtlas();

describe('share links', () => {
	test('a share URL opened in a fresh page gives an equal getState()', async () => {
		const wanted = {
			view: { center: [101.5, 30.2], zoom: 7.1, bearing: 0, pitch: 0 },
			lang: 'en',
			layers: ['energy-hydro', 'ganzi-poles-cores'],
			selected: 'hydro-station-lianghekou',
			filter: ['hydropower'],
			drawn: {
				type: 'Polygon',
				coordinates: [
					[
						[101.6, 29.7],
						[102.4, 29.7],
						[102.4, 30.2],
						[101.6, 30.2],
						[101.6, 29.7]
					]
				]
			}
		};
		const before = await env.page.evaluate((s) => window.atlas!.setState(s), wanted);
		const url = await env.page.evaluate(() => window.atlas!.shareUrl());
		expect(url).toMatch(
			/#v=1&map=7\.1\/30\.2\/101\.5&layers=energy-hydro,ganzi-poles-cores&sel=hydro-station-lianghekou/
		);
		// The address bar follows the state too.
		await env.page.waitForFunction((u) => location.href === u, url);

		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(fresh.page, url, { plan: true });
		await fresh.page.waitForFunction(() => window.atlas!.getState().selected === 'hydro-station-lianghekou');
		expect(await fresh.page.evaluate(() => window.atlas!.getState())).toEqual(before);
		await expect.poll(() => fresh.page.getByRole('heading', { name: /Lianghekou/ }).count()).toBe(1);
		expectClean(fresh.guard);
		await fresh.page.close();
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'zh', selected: null, filter: [], drawn: null }));
	}, 300_000);

	test('a drawn shape in a link is drawn again and what is inside is listed', async () => {
		const fresh = await guardedPage(env.context, env.origin);
		// the rectangle 101.4–102.4 E, 29.7–30.2 N (康定–泸定), as share links write it
		const rectangle = polyline.encode(
			[
				[29.7, 101.4],
				[29.7, 102.4],
				[30.2, 102.4],
				[30.2, 101.4]
			],
			5
		);
		await openAtlas(
			fresh.page,
			`${env.origin}/#v=1&map=8/29.95/101.9&layers=energy&shape=${encodeURIComponent(rectangle)}`,
			{
				plan: true
			}
		);
		await expect.poll(() => fresh.page.evaluate(() => window.atlas!.getState().drawn?.coordinates[0].length)).toBe(5);
		await expect.poll(() => fresh.page.locator('details.tools').getAttribute('open')).toBe('');
		await expect.poll(() => fresh.page.locator('details.tools').textContent(), { timeout: 30_000 }).toContain('硬梁包');
		expectClean(fresh.guard);
		await fresh.page.close();
	}, 300_000);

	test('invalid and outdated parameters are ignored with a gentle notice; the rest applies', async () => {
		const fresh = await guardedPage(env.context, env.origin);
		await openAtlas(
			fresh.page,
			`${env.origin}/#v=1&map=99/30/102&layers=energy,retired-layer&sel=no-such-park&lang=en&evil=<img src=x onerror=alert(1)>`,
			{ plan: true }
		);
		const notice = fresh.page.locator('[data-link-notice]');
		await expect.poll(() => notice.textContent()).toContain('retired-layer');
		const text = (await notice.textContent())!;
		expect(text).toContain('map=99/30/102');
		expect(text).toContain('no-such-park');
		expect(await fresh.page.evaluate(() => window.atlas!.getState())).toMatchObject({
			lang: 'en',
			// the old catch-all energy layer opens every energy layer
			layers: [
				'energy-hydro',
				'energy-solar',
				'energy-wind',
				'energy-grid',
				'energy-oil-gas',
				'energy-hydrogen',
				'energy-other'
			],
			selected: null
		});
		// The page is whole: the map drew, the controls work, nothing was injected.
		expect(await fresh.page.locator('img[src="x"]').count()).toBe(0);
		await fresh.page.getByRole('button', { name: 'OK' }).click();
		expect(await notice.count()).toBe(0);
		expectClean(fresh.guard);
		await fresh.page.close();
	}, 300_000);
});

describe('embedding', () => {
	let host: Server;
	let hostOrigin: string;
	beforeAll(async () => {
		host = createServer((_req, res) => {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(`<!doctype html><title>host</title>
<iframe id="atlas" src="${env.origin}/embed/?legend=1#v=1&map=6.5/30.5/102&layers=aba-parks" width="800" height="500"></iframe>
<script>
	window.messages = [];
	window.addEventListener('message', (e) => {
		if (e.origin === '${env.origin}') window.messages.push(e.data);
	});
	window.send = (m) => document.getElementById('atlas').contentWindow.postMessage(m, '${env.origin}');
</script>`);
		});
		await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
		hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((r) => host.close(() => r())));

	test('/embed in a page on another origin posts atlas:ready and answers atlas:setState with atlas:select', async () => {
		const hostPage = await env.context.newPage();
		const foreign: string[] = [];
		const errors: string[] = [];
		await hostPage.route('**/*', (route) => {
			const url = route.request().url();
			if (url.startsWith(env.origin) || url.startsWith(hostOrigin) || /^(data|blob):/.test(url))
				return route.continue();
			foreign.push(url);
			return route.abort();
		});
		hostPage.on('pageerror', (e) => errors.push(e.message));
		hostPage.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await hostPage.goto(`${hostOrigin}/`);
		type Msg = { type: string; id?: string; state?: { layers: string[] }; height?: number; message?: string };
		const messages = () => hostPage.evaluate(() => (window as unknown as { messages: Msg[] }).messages);
		await expect.poll(async () => (await messages()).map((m) => m.type), { timeout: 90_000 }).toContain('atlas:ready');
		const first = await messages();
		expect(first.find((m) => m.type === 'atlas:state')?.state?.layers).toEqual(['aba-parks']);
		expect(first.find((m) => m.type === 'atlas:resize')).toMatchObject({ width: 800, height: 500 });

		await hostPage.evaluate(() =>
			(window as unknown as { send: (m: unknown) => void }).send({
				type: 'atlas:setState',
				state: { selected: 'park-sichuan-aba' }
			})
		);
		await expect
			.poll(async () => (await messages()).find((m) => m.type === 'atlas:select')?.id, { timeout: 30_000 })
			.toBe('park-sichuan-aba');

		// A bad request is answered with a message, and the map keeps its state.
		await hostPage.evaluate(() =>
			(window as unknown as { send: (m: unknown) => void }).send({ type: 'atlas:setState', state: { zoom: 'huge' } })
		);
		await expect.poll(async () => (await messages()).find((m) => m.type === 'atlas:error')?.message).toMatch(/zoom/);

		// Minimal chrome: legend and attribution, no search box or layers panel.
		const frame = hostPage.frameLocator('#atlas');
		await expect.poll(() => frame.locator('[data-legend-card]').count()).toBe(1);
		expect(await frame.locator('.attribution').count()).toBe(1);
		expect(await frame.locator('[role="combobox"], input[type="search"]').count()).toBe(0);
		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		await hostPage.close();
	}, 300_000);
});

describe('image export', () => {
	test('exportImage({scale: 3}) of a 1280×800 view is a 3840×2400 PNG with its legend', async () => {
		await env.page.evaluate(() =>
			window.atlas!.setState({ layers: ['ganzi-poles-cores', 'aba-parks'], view: { center: [102.5, 30.6], zoom: 6 } })
		);
		const base64 = await env.page.evaluate(async () => {
			const blob = await window.atlas!.exportImage({ scale: 3 });
			const bytes = new Uint8Array(await blob.arrayBuffer());
			let s = '';
			for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
			return btoa(s);
		});
		const png = Buffer.from(base64, 'base64');
		const stats = imageStats(png);
		expect([stats.width, stats.height]).toEqual([3840, 2400]);
		expect(stats.distinctColours).toBeGreaterThan(200);
		// The legend card (bottom left) shows the swatch colour of the enclave parks of the 两极八核 layer (#c0392b).
		const img = PNG.sync.read(png);
		let swatch = 0;
		for (let y = 1200; y < 2300; y++) {
			for (let x = 40; x < 1000; x++) {
				const i = (y * img.width + x) * 4;
				if (
					Math.abs(img.data[i] - 0xc0) < 12 &&
					Math.abs(img.data[i + 1] - 0x39) < 12 &&
					Math.abs(img.data[i + 2] - 0x2b) < 12
				)
					swatch++;
			}
		}
		expect(swatch).toBeGreaterThan(50);
		// The map on screen is back to its size and view.
		expect(
			await env.page.evaluate(() => [
				window.atlas!.getState().view.zoom,
				document.querySelector('canvas.maplibregl-canvas')!.clientWidth
			])
		).toEqual([6, 1280]);
	});

	test('a quote card is a slide-sized PNG of one feature', async () => {
		const base64 = await env.page.evaluate(async () => {
			const blob = await window.atlas!.exportQuoteCard('hydro-station-lianghekou', 1);
			const bytes = new Uint8Array(await blob.arrayBuffer());
			let s = '';
			for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
			return btoa(s);
		});
		const stats = imageStats(Buffer.from(base64, 'base64'));
		expect([stats.width, stats.height]).toEqual([1280, 720]);
		expect(stats.distinctColours).toBeGreaterThan(100);
		expect(await env.page.evaluate(() => window.atlas!.exportQuoteCard('nope').catch((e: Error) => e.message))).toMatch(
			/no plan feature "nope"/
		);
	});

	test('bad export options are refused with a clear message', async () => {
		const message = await env.page.evaluate(() =>
			window.atlas!.exportImage({ scale: 7 }).then(
				() => 'ok',
				(e: Error) => e.message
			)
		);
		expect(message).toMatch(/scale must be 1, 2, 3 or 4/);
	});

	test('the share dialog downloads a PNG', async () => {
		await env.page.getByRole('button', { name: '分享此视图' }).click();
		const dialog = env.page.locator('dialog[open]');
		expect(await dialog.locator('[data-share-link]').inputValue()).toBe(
			await env.page.evaluate(() => window.atlas!.shareUrl())
		);
		expect(await dialog.locator('[data-embed-code]').inputValue()).toMatch(
			/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/#v=1&amp;map=/
		);
		await dialog.getByLabel('1×').check();
		const [download] = await Promise.all([
			env.page.waitForEvent('download', { timeout: 60_000 }),
			dialog.locator('[data-export-png]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^sichuan-plan-atlas-\d{4}-\d\d-\d\d-viewport-1x\.png$/);
		await env.page.keyboard.press('Escape');
		await expect.poll(() => env.page.locator('dialog[open]').count()).toBe(0);
	});
});

describe('printing', () => {
	test('the print stylesheet shows a still of the map (not a blank WebGL canvas), the title and the attribution', async () => {
		await env.page.evaluate(() => window.atlas!.preparePrint());
		const src = await env.page.locator('img.print-map').getAttribute('src');
		const stats = imageStats(Buffer.from(src!.split(',')[1], 'base64'));
		expect(stats.width).toBe(1280);
		expect(stats.distinctColours).toBeGreaterThan(100);
		await env.page.emulateMedia({ media: 'print' });
		expect(await env.page.locator('img.print-map').isVisible()).toBe(true);
		expect(await env.page.locator('.maplibregl-canvas').isVisible()).toBe(false);
		expect(await env.page.locator('.attribution').isVisible()).toBe(true);
		const pdf = await env.page.pdf({ format: 'A4', landscape: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		await env.page.emulateMedia({ media: 'screen' });
		await env.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
		expect(await env.page.locator('img.print-map').count()).toBe(0);
	});
});

describe('tours', () => {
	test('tours are listed; starting one shows its first step, and → moves to the next view', async () => {
		expect(await env.page.evaluate(() => window.atlas!.tours().map((t) => t.id))).toEqual([
			'ganzi',
			'aba',
			'five-regions'
		]);
		await env.page.locator('[data-tour="ganzi"]').click();
		await expect.poll(() => env.page.locator('[data-tour-step]').getAttribute('data-tour-step')).toBe('1');
		const first = await env.page.evaluate(() => window.atlas!.getState());
		expect(first).toMatchObject({ tour: 'ganzi', step: 1, layers: ['ganzi-poles-cores'] });
		await env.page.locator('.maplibregl-canvas').focus();
		await env.page.keyboard.press('ArrowRight');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().step)).toBe(2);
		const second = await env.page.evaluate(() => window.atlas!.getState());
		expect(second.view).not.toEqual(first.view);
		expect(second.selected).toBe('enclave-park-ganmei');
		await expect.poll(() => env.page.evaluate(() => location.hash)).toContain('tour=ganzi&step=2');
		await env.page.keyboard.press('ArrowLeft');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().step)).toBe(1);
		await env.page.keyboard.press('Escape');
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().tour)).toBeNull();
	});

	test('no foreign requests or errors on the way', () => expectClean(env.guard));
});
