/**
 * Browser-test harness: serves the built static site on 127.0.0.1 and drives Debian's Chromium with playwright-core.
 * Every page opened through `openAtlas` fails the test on a request to another origin, a page error or a console error.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH))
		throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** What a page did that a test must see: foreign requests, page errors, console errors. */
export interface PageGuard {
	foreignRequests: string[];
	pageErrors: string[];
	consoleErrors: string[];
	/** Same-origin responses with status >= 400 (a missing glyph range or data file). */
	failedResponses: string[];
}

export async function guardedPage(
	context: BrowserContext | Browser,
	origin: string
): Promise<{ page: Page; guard: PageGuard }> {
	const page = await context.newPage();
	const guard: PageGuard = { foreignRequests: [], pageErrors: [], consoleErrors: [], failedResponses: [] };
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

/** Opens a route and waits for window.atlas.ready (and, with `plan`, for the plan layers too). */
export async function openAtlas(page: Page, url: string, { plan = false, timeout = 90_000 } = {}): Promise<void> {
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	const flag = plan ? 'atlasPlanReady' : 'atlasReady';
	await page.waitForFunction((f) => document.documentElement.dataset[f] === 'true', flag, { timeout });
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
