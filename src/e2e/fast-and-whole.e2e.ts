/**
 * Fast and whole on every machine (issue 12): every page runs under a Content-Security-Policy that lets nothing load
 * from or go to another origin, and the map draws everything again after the GPU drops its WebGL context.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, guardedPage, openAtlas, type PageGuard, screenOf, useAtlas } from './harness';
import { kindColour } from '$lib/style/plan-palette';

const env = useAtlas({ page: false });

/** The directives every built page must carry (SvelteKit adds the hash of its bootstrap script to script-src). */
const REQUIRED_DIRECTIVES: Record<string, string[]> = {
	'default-src': ["'self'"],
	'connect-src': ["'self'"],
	'img-src': ["'self'", 'data:', 'blob:'],
	'worker-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"]
};

/** The policy in a built page's `<meta http-equiv="content-security-policy">`, as directive → sources. */
function metaPolicy(file: string): Map<string, string[]> {
	const html = readFileSync(file, 'utf8');
	const content = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i)?.[1];
	expect(content, `${file} has no CSP meta tag`).toBeTruthy();
	// The tag must come before any script or stylesheet, or those load unchecked.
	expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(
		html.search(/<script|<link[^>]+(modulepreload|stylesheet)/)
	);
	return new Map(
		content!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.map(([name, ...sources]) => [name, sources])
	);
}

describe('Content-Security-Policy', () => {
	test.each(['index.html', 'embed/index.html', 'sources/index.html', 'test/bare/index.html'])(
		'build/%s carries the policy in a meta tag',
		(file) => {
			const policy = metaPolicy(`build/${file}`);
			for (const [name, sources] of Object.entries(REQUIRED_DIRECTIVES))
				expect(policy.get(name), name).toEqual(sources);
			// No inline script runs unless SvelteKit hashed it; nothing may eval.
			const scripts = policy.get('script-src')!;
			expect(scripts[0]).toBe("'self'");
			expect(scripts.slice(1).every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s))).toBe(true);
			expect(scripts.length).toBeGreaterThan(1);
		}
	);

	test('a fetch to another origin is refused by the page itself, before any request is made', async () => {
		const { page, guard } = await guardedPage(env.context, env.origin);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(r.url()));
		await openAtlas(page, `${env.origin}/`);
		const outcome = await page.evaluate(async () => {
			const violation = new Promise<{ directive: string; blocked: string }>((resolve) =>
				addEventListener(
					'securitypolicyviolation',
					(e) => resolve({ directive: e.effectiveDirective, blocked: e.blockedURI }),
					{
						once: true
					}
				)
			);
			const fetched = await fetch('https://example.com/x').then(
				() => 'resolved',
				(e: Error) => `rejected: ${e.name}`
			);
			return { fetched, violation: await violation };
		});
		expect(outcome.fetched).toBe('rejected: TypeError');
		expect(outcome.violation).toEqual({ directive: 'connect-src', blocked: 'https://example.com/x' });
		// The browser never asked the network: neither the request event nor the harness's abort-all route saw it.
		expect(requested.filter((u) => !u.startsWith(env.origin))).toEqual([]);
		expect(guard.foreignRequests).toEqual([]);
		// ...and the harness's own violation record caught it, so any other violation fails every test.
		expect(guard.cspViolations).toEqual(['connect-src https://example.com/x']);
		await page.close();
	});

	test('an image from another origin is refused too (img-src)', async () => {
		const { page, guard } = await guardedPage(env.context, env.origin);
		await openAtlas(page, `${env.origin}/embed/`);
		const loaded = await page.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const img = new Image();
					img.onload = () => resolve('loaded');
					img.onerror = () => resolve('refused');
					img.src = 'https://example.com/x.png';
				})
		);
		expect(loaded).toBe('refused');
		expect(guard.cspViolations).toEqual(['img-src https://example.com/x.png']);
		expect(guard.foreignRequests).toEqual([]);
		await page.close();
	});
});

/** A plan point drawn by deck.gl at its own site (precise placement: filled with its kind's colour). */
const POINT_ID = 'hydro-station-lianghekou';
const POINT_COLOUR = kindColour('hydro_station')
	.match(/^#(..)(..)(..)$/)!
	.slice(1)
	.map((h) => parseInt(h, 16));

/** The colour of the page's pixel at a screen position (CSS px). */
async function pixelAt(page: Page, { x, y }: { x: number; y: number }): Promise<number[]> {
	const png = PNG.sync.read(
		await page.screenshot({ clip: { x: Math.round(x) - 1, y: Math.round(y) - 1, width: 3, height: 3 } })
	);
	const i = (png.width + 1) * 4; // the middle of the 3 × 3 clip
	return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

const near = (a: number[], b: number[], tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Makes the GPU drop the map's WebGL context, as a driver reset or a sleeping laptop does, then gives it back. */
function loseContext(page: Page, action: 'loseContext' | 'restoreContext') {
	return page.evaluate((a) => {
		// A lost context hands out no extensions: keep the one that lost it, to restore it.
		const w = window as unknown as { loseContextExtension?: WEBGL_lose_context };
		const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
		w.loseContextExtension ??= canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
		w.loseContextExtension[a]();
	}, action);
}

describe('a lost GPU context', () => {
	let page: Page;
	let guard: PageGuard;

	beforeAll(async () => {
		({ page, guard } = await guardedPage(env.context, env.origin));
		await openAtlas(page, `${env.origin}/`, { plan: true });
	});
	afterAll(() => page?.close());

	test('every layer draws again, the state is unchanged and picking works', async () => {
		const plan = JSON.parse(readFileSync('build/data/plan-atlas.json', 'utf8')) as {
			features: { properties: { id: string }; geometry: { coordinates: number[] } }[];
		};
		const site = plan.features.find((f) => f.properties.id === POINT_ID)!.geometry.coordinates;
		// The point off-centre (the recovery notice sits in the middle), hydropower with the industry filter on.
		await page.evaluate(
			([lng, lat]) =>
				window.atlas!.setState({
					view: { center: [lng - 0.25, lat - 0.1], zoom: 9, bearing: 0, pitch: 0 },
					layers: ['energy-hydro', 'ganzi-poles-cores'],
					filter: ['hydropower'],
					selected: null
				}),
			site
		);
		const before = await page.evaluate(() => window.atlas!.getState());
		const at = await screenOf(page, site);
		await expect.poll(() => pixelAt(page, at), { timeout: 30_000 }).toSatisfy((c: number[]) => near(c, POINT_COLOUR));
		const drawn = () =>
			page.evaluate(() =>
				['plan-area-fill', 'plan-label-point'].map((id) => window.atlas!.inspect.rendered(id).length)
			);
		const mapLibreDrew = await drawn();
		expect(mapLibreDrew.every((n) => n > 0)).toBe(true);

		await loseContext(page, 'loseContext');
		const notice = page.getByRole('status').filter({ hasText: '正在恢复' });
		await expect.poll(() => notice.count()).toBe(1);
		expect(near(await pixelAt(page, at), POINT_COLOUR)).toBe(false);

		await loseContext(page, 'restoreContext');
		await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(0);
		await expect.poll(() => pixelAt(page, at), { timeout: 60_000 }).toSatisfy((c: number[]) => near(c, POINT_COLOUR));
		// MapLibre's labels are back too (their glyph textures are uploaded again a few frames after the circles), and
		// nothing about the atlas moved.
		await expect.poll(drawn, { timeout: 60_000 }).toEqual(mapLibreDrew);
		expect(await page.evaluate(() => window.atlas!.getState())).toEqual(before);

		// Picking works on the restored context: a click on the point selects it (on its left edge, away from its label,
		// so the label's hit test cannot be what finds it).
		await page.mouse.click(at.x - 4, at.y);
		await expect.poll(() => page.evaluate(() => window.atlas!.getState().selected)).toBe(POINT_ID);
		expectClean(guard);
	}, 300_000);
});
