/**
 * Browser-test harness: serves the built static site on 127.0.0.1 and drives Debian's Chromium with playwright-core.
 * Every page opened through `guardedPage` records what a test must fail on: a request to another origin, a page error, a
 * console error, a failed same-origin response and a Content-Security-Policy violation (`expectClean` checks them all).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/** Serves a folder (the adapter-static build) on a free loopback port. */
export async function serveStatic(dir = 'build'): Promise<StaticServer> {
	if (!existsSync(dir)) throw new Error(`${dir}/ does not exist: run "npm run build" first`);
	const handler = sirv(dir, { dev: false, etag: true, gzip: false });
	const notFound = (res: import('node:http').ServerResponse) => {
		res.statusCode = 404;
		res.end('not found');
	};
	const server: Server = createServer((req, res) => handler(req, res, () => notFound(res)));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Launches Debian's Chromium headless, with `extraArgs` after the usual ones. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH))
		throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** What a page did that a test must see: foreign requests, page errors, console errors, CSP violations. */
export interface PageGuard {
	foreignRequests: string[];
	pageErrors: string[];
	consoleErrors: string[];
	/** Same-origin responses with status >= 400 (a missing glyph range or data file). */
	failedResponses: string[];
	/** `securitypolicyviolation` events in any frame: `<effectiveDirective> <blockedURI>`. */
	cspViolations: string[];
}

/** Name of the function the page calls with each CSP violation (exposed by `guardedPage`). */
const CSP_REPORT_BINDING = '__reportCspViolation';

export async function guardedPage(
	context: BrowserContext | Browser,
	origin: string
): Promise<{ page: Page; guard: PageGuard }> {
	const page = await context.newPage();
	const guard: PageGuard = {
		foreignRequests: [],
		pageErrors: [],
		consoleErrors: [],
		failedResponses: [],
		cspViolations: []
	};
	// Chromium also logs a violation as a console error; the event names the directive, which a test can check.
	await page.exposeBinding(CSP_REPORT_BINDING, (_source, violation: string) => guard.cspViolations.push(violation));
	await page.addInitScript((binding) => {
		addEventListener(
			'securitypolicyviolation',
			(e) => {
				const report = (window as unknown as Record<string, (v: string) => void>)[binding];
				report?.(`${e.effectiveDirective} ${e.blockedURI}`);
			},
			true
		);
	}, CSP_REPORT_BINDING);
	await page.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
		guard.foreignRequests.push(url);
		return route.abort();
	});
	page.on('response', (r) => {
		if (r.status() >= 400) guard.failedResponses.push(`${r.status()} ${r.url()}`);
	});
	page.on('pageerror', (e) => guard.pageErrors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') guard.consoleErrors.push(m.text());
	});
	return { page, guard };
}

/** Fails the test if the page requested another origin, threw, logged an error, got a 4xx/5xx or broke the CSP. */
export function expectClean(guard: PageGuard): void {
	expect(guard.foreignRequests, 'requests to another origin').toEqual([]);
	expect(guard.pageErrors, 'page errors').toEqual([]);
	expect(guard.consoleErrors, 'console errors').toEqual([]);
	expect(guard.failedResponses, 'failed same-origin requests').toEqual([]);
	expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([]);
}

/** Opens a route and waits for window.atlas.ready (and, with `plan`, for the plan layers too). */
export async function openAtlas(page: Page, url: string, { plan = false, timeout = 90_000 } = {}): Promise<void> {
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	const flag = plan ? 'atlasPlanReady' : 'atlasReady';
	await page.waitForFunction((f) => document.documentElement.dataset[f] === 'true', flag, { timeout });
}

/** Screen position (CSS px in the page) of [lng, lat] for the page's current north-up view (Web Mercator, 512 px tiles). */
export async function screenOf(p: Page, [lng, lat]: number[]) {
	const { center, zoom } = (await p.evaluate(() => window.atlas!.getState())).view;
	const box = (await p.locator('.maplibregl-canvas').boundingBox())!;
	const world = 512 * 2 ** zoom;
	const y = (l: number) => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
	return {
		x: box.x + box.width / 2 + ((lng - center[0]) / 360) * world,
		y: box.y + box.height / 2 - ((y(lat) - y(center[1])) / (2 * Math.PI)) * world
	};
}

/** Decodes a PNG screenshot and reports how varied it is: a blank map has one or two colours. */
export function imageStats(png: Buffer): {
	width: number;
	height: number;
	distinctColours: number;
	nonPaperShare: number;
} {
	const img = PNG.sync.read(png);
	const colours = new Map<number, number>();
	for (let i = 0; i < img.data.length; i += 4) {
		// Quantise to 5 bits per channel so anti-aliasing noise does not inflate the count.
		const key = ((img.data[i] >> 3) << 10) | ((img.data[i + 1] >> 3) << 5) | (img.data[i + 2] >> 3);
		colours.set(key, (colours.get(key) ?? 0) + 1);
	}
	const total = img.width * img.height;
	const top = Math.max(...colours.values());
	return { width: img.width, height: img.height, distinctColours: colours.size, nonPaperShare: 1 - top / total };
}

export interface UseAtlasOptions {
	/** Route opened in the shared page before the file's tests (default `/`); `false` leaves the page blank. */
	open?: string | false;
	/** Whether opening waits for the plan layers too, not only the base map (default true). */
	plan?: boolean;
	/** Whether to open the shared page at all (default true); without it tests open their own from `browser`/`context`. */
	page?: boolean;
	/** Options of the shared browser context (default: 1280×800, downloads accepted). */
	context?: BrowserContextOptions;
	/** Also launch a Chromium with WebGL off (`noWebgl`), for the SVG fallback. */
	noWebgl?: boolean;
	/** Time allowed for the setup (ms). */
	timeout?: number;
}

/** What `useAtlas` sets up, read through getters once `beforeAll` has run. */
export interface AtlasHarness {
	readonly origin: string;
	readonly browser: Browser;
	readonly context: BrowserContext;
	/** The shared, guarded page (throws when the file asked for none). */
	readonly page: Page;
	readonly guard: PageGuard;
	/** A Chromium launched with `--disable-webgl --disable-3d-apis` (throws unless asked for). */
	readonly noWebgl: Browser;
	/** Messages of the dialogs the shared page opened (each dismissed): a hostile cell must open none. */
	readonly dialogs: string[];
}

/**
 * The setup almost every browser-test file shares, registered as its `beforeAll`/`afterAll`: serve `build/`, launch
 * Chromium, open one context and one guarded page on the atlas, and close it all afterwards.
 */
export function useAtlas(options: UseAtlasOptions = {}): AtlasHarness {
	const { open = '/', plan = true, page: withPage = true, noWebgl: withoutWebgl = false, timeout } = options;
	let server: StaticServer | undefined;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page | undefined;
	let guard: PageGuard | undefined;
	let noWebgl: Browser | undefined;
	const dialogs: string[] = [];
	const need = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`useAtlas: no ${what} (not asked for, or beforeAll has not run)`);
		return value;
	};

	beforeAll(async () => {
		server = await serveStatic();
		browser = await launchChromium();
		if (withoutWebgl) noWebgl = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
		context = await browser.newContext(
			options.context ?? { viewport: { width: 1280, height: 800 }, acceptDownloads: true }
		);
		if (!withPage) return;
		({ page, guard } = await guardedPage(context, server.origin));
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		if (open !== false) await openAtlas(page, `${server.origin}${open}`, { plan });
	}, timeout);
	afterAll(async () => {
		await browser?.close();
		await noWebgl?.close();
		await server?.close();
	});

	return {
		get origin() {
			return need(server, 'server').origin;
		},
		get browser() {
			return need(browser, 'browser');
		},
		get context() {
			return need(context, 'context');
		},
		get page() {
			return need(page, 'page');
		},
		get guard() {
			return need(guard, 'page guard');
		},
		get noWebgl() {
			return need(noWebgl, 'browser without WebGL');
		},
		dialogs
	};
}

/**
 * Page-side init script (plain JS, for `context.addInitScript` so it runs before any page script): counts WebGL draw
 * calls. `window.__glDraws` is the running total; `window.__frames` gets one record per animation frame that drew:
 * `{ t, ms, draws, ready }` (frame time, time since the previous frame, draw calls in it, whether `ready` was set).
 * Shared by the first-paint test and scripts/bench/frames.ts.
 */
export const GL_DRAW_COUNTER = `
(() => {
	window.__glDraws = 0;
	let draws = 0;
	for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
		for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
			const orig = proto[name];
			if (!orig) continue;
			proto[name] = function (...a) { draws++; window.__glDraws++; return orig.apply(this, a); };
		}
	}
	const frames = [];
	let last = performance.now();
	const tick = (t) => {
		const ready = document.documentElement.dataset.atlasReady === 'true';
		if (draws) frames.push({ t: Math.round(t), ms: Math.round(t - last), draws, ready });
		draws = 0;
		last = t;
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
	window.__frames = frames;
})();
`;

/** One animation frame that drew, as `GL_DRAW_COUNTER` records it in `window.__frames`. */
export interface GlFrame {
	t: number;
	ms: number;
	draws: number;
	ready: boolean;
}

/**
 * Hovers the map at `at` (page CSS px) until the hovered user-data row card shows, and returns its first cell's text.
 * Moves off by 1 px and back each try, so a hover lost to a redraw or a paused pick is tried again. Returns at once
 * (null while no card shows): poll it with room for a pick on a loaded software GL.
 */
export async function hoverRowText(page: Page, at: { x: number; y: number }): Promise<string | null> {
	await page.mouse.move(at.x + 1, at.y);
	await page.mouse.move(at.x, at.y);
	const cell = page.locator('[data-user-row] dd').first();
	return (await cell.count()) ? cell.textContent() : null;
}
