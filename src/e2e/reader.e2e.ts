/**
 * The source reader in real Chromium against the built site: a feature's citation opens the reader at its passage,
 * highlighted and in view; clicking the passage and "show on the map" selects its features on the map; a mention not
 * mapped is marked with its reason; search within the document finds a phrase; `atlas.reader.open` goes to a line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REASON_LABELS } from '$lib/i18n/reader-strings';
import { expectClean, openAtlas, useAtlas } from './harness';
import { seriousViolations } from './axe';

const SEED = '000_c35a7d169af5c8ce.txt';
const SLUG = '000_c35a7d169af5c8ce';
const FEATURE = 'hydro-station-lianghekou';
const seedText = readFileSync(`seeds/${SEED}`, 'utf8');

const env = useAtlas({ open: false });

const readerReady = () =>
	env.page.waitForFunction(() => document.documentElement.dataset.readerReady === 'true', null, { timeout: 30_000 });

/** Whether an element's box lies within the viewport. */
const inView = (selector: string) =>
	env.page
		.locator(selector)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
		});

describe('from the map to the passage and back', () => {
	test("a feature's citation opens the reader at its passage, highlighted and scrolled into view", async () => {
		await openAtlas(env.page, `${env.origin}/`, { plan: true });
		await env.page.evaluate((id) => window.atlas!.setState({ selected: id }), FEATURE);
		const link = env.page.locator(`aside.side-panel a.in-reader[data-seed="${SEED}"]`).first();
		await expect.poll(() => link.count()).toBeGreaterThan(0);
		const line = Number(await link.getAttribute('data-line'));
		expect(await link.getAttribute('href')).toMatch(new RegExp(`read/${SLUG}/#L${line}$`));
		await link.click();
		await env.page.waitForURL(new RegExp(`/read/${SLUG}/#L${line}$`));
		await readerReady();

		const target = env.page.locator('[data-block].target');
		await expect.poll(() => target.count()).toBe(1);
		const [from, to] = await target.evaluate((el) => [Number(el.dataset.from), Number(el.dataset.to)]);
		expect(from <= line && line <= to, `block ${from}–${to} holds line ${line}`).toBe(true);
		// the cited passage is marked, names the feature, and is on screen
		const mark = target.locator(`a.cite[data-features~="${FEATURE}"]`);
		expect(await mark.count()).toBeGreaterThan(0);
		expect(await inView('[data-block].target')).toBe(true);
		// the mark holds the feature's quote
		const quote = await env.page.evaluate(async (id) => {
			const r = await fetch('../../data/plan.geojson').then((x) => x.json());
			const f = r.features.find((x: { properties: { id: string } }) => x.properties.id === id);
			return f.properties.sources.find((s: { seed: string }) => s.seed === '000_c35a7d169af5c8ce.txt').quote as string;
		}, FEATURE);
		expect((await mark.first().textContent())!.replace(/\s/g, '')).toContain(quote.replace(/\s|\*/g, '').slice(0, 12));
	});

	test('clicking the highlighted passage lists its features; "show on the map" selects them there', async () => {
		const mark = env.page.locator(`[data-block].target a.cite[data-features~="${FEATURE}"]`).first();
		await mark.click();
		const card = env.page.locator('aside.passage-card');
		await expect.poll(() => card.isVisible()).toBe(true);
		const ids = await card
			.locator('[data-feature]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')));
		expect(ids).toContain(FEATURE);
		await card.locator('a.show-all').click();
		await env.page.waitForFunction(() => document.documentElement.dataset.atlasReady === 'true', null, {
			timeout: 90_000
		});
		await expect.poll(() => env.page.evaluate(() => window.atlas!.getState().selected)).toBe(ids[0]);
		const state = await env.page.evaluate(() => window.atlas!.getState());
		if (ids.length > 1) expect(state.compare).toEqual(ids.slice(0, 4));
		expect(state.lang).toBe('zh');
	});
});

describe('in the reader', () => {
	test('a mention not mapped is marked with its reason, in the text and in the list', async () => {
		await env.page.goto(`${env.origin}/read/${SLUG}/#L215`);
		await readerReady();
		const nm = await env.page.evaluate(async () => {
			const doc = await fetch('../../data/reader/000_c35a7d169af5c8ce.json').then((r) => r.json());
			return doc.notMapped.find((n: { line: number }) => n.line === 215) as { reason: string; why: string };
		});
		expect(nm.why).toMatch(/六大片区|six agricultural/);
		const label = REASON_LABELS[nm.reason].zh;
		const mark = env.page.locator(`[data-block].target a.nm[data-reason~="${nm.reason}"]`).first();
		expect(await mark.count()).toBe(1);
		expect(await mark.getAttribute('title')).toContain(label);
		expect(await env.page.locator('[data-block].target .nm-tag').first().textContent()).toBe(label);
		// the passage card says why, in the data's words
		await mark.click();
		const card = env.page.locator('aside.passage-card');
		expect(await card.locator(`li[data-reason="${nm.reason}"] .why`).first().textContent()).toBe(nm.why);
		await env.page.keyboard.press('Escape');
		await expect.poll(() => card.count()).toBe(0);
		// the list at the end: filter by reason, then by words
		const list = env.page.locator('section.not-mapped');
		await list.locator('select').selectOption(nm.reason);
		const rows = list.locator('tbody tr');
		expect(
			await rows.evaluateAll((trs) =>
				trs.every((tr) => tr.getAttribute('data-reason') === trs[0].getAttribute('data-reason'))
			)
		).toBe(true);
		await list.locator('input[type="search"]').fill('六大片区');
		await expect.poll(() => rows.count()).toBe(1);
	});

	test('search within the document highlights every occurrence of a phrase and steps through them', async () => {
		const phrase = '两河口';
		const expected = seedText.split(phrase).length - 1;
		expect(expected).toBeGreaterThan(1);
		await env.page.locator('form.find input').fill(phrase);
		await expect.poll(() => env.page.locator('.find-count').textContent()).toBe(`1 / ${expected}`);
		expect(await env.page.evaluate(() => CSS.highlights.get('reader-find')?.size)).toBe(expected);
		await env.page.locator('form.find input').press('Enter');
		await expect.poll(() => env.page.locator('.find-count').textContent()).toBe(`2 / ${expected}`);
		const current = await env.page.evaluate(() => [...CSS.highlights.get('reader-find-current')!][0].toString());
		expect(current).toBe(phrase);
	});

	test('the reader has no serious accessibility problem, and made no request elsewhere', async () => {
		const problems = await seriousViolations(env.page);
		expect(problems, JSON.stringify(problems)).toEqual([]);
		expectClean(env.guard);
	});

	test('English interface; the list of documents; atlas.reader.open goes to a line and refuses a bad one', async () => {
		await env.page.goto(`${env.origin}/read/${SLUG}/#L170&lang=en`);
		await readerReady();
		expect(await env.page.locator('.reader').getAttribute('data-lang')).toBe('en');
		expect(await env.page.locator('[data-count="features"]').textContent()).toMatch(/\d+ features? cite this document/);
		await env.page.goto(`${env.origin}/read/`);
		await expect.poll(() => env.page.locator('ol.docs > li').count()).toBe(5);

		await openAtlas(env.page, `${env.origin}/`);
		expect(
			await env.page.evaluate(() => window.atlas!.reader.open('nope.txt', 3).catch((e: Error) => e.message))
		).toMatch(/^atlas\.reader\.open: unknown document "nope.txt"/);
		await env.page.evaluate(() => void window.atlas!.reader.open('003_734b95398a35004a', 19));
		await env.page.waitForURL(/\/read\/003_734b95398a35004a\/#L19$/);
		await readerReady();
		const [from, to] = await env.page
			.locator('[data-block].target')
			.evaluate((el) => [Number(el.dataset.from), Number(el.dataset.to)]);
		expect(from <= 19 && 19 <= to).toBe(true);
		expectClean(env.guard);
	});
});
