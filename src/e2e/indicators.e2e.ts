/**
 * The plans' targets in real Chromium against the built site: 甘孜's profile shows its 2025 industry targets (专栏1 of
 * the 工业 plan) with baseline and target as the seed writes them, each row's quote on demand, the two plan periods side
 * by side, in both languages; `atlas.query.indicators` returns the same rows and refuses an unknown place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectClean, useAtlas } from './harness';

const GANZI = 'prefecture-513300';
const SEED = '000_c35a7d169af5c8ce.txt';
const seedLines = readFileSync(`seeds/${SEED}`, 'utf8').split('\n');

const env = useAtlas();

const panel = () => env.page.locator('aside.side-panel');

describe("甘孜's plan targets", () => {
	test('atlas.query.indicators returns its rows, each matching its seed line', async () => {
		const rows = await env.page.evaluate((id) => window.atlas!.query.indicators(id), GANZI);
		const industry = rows.filter((r) => r.seed === SEED);
		expect(industry).toHaveLength(25);
		for (const r of industry) {
			const cells = seedLines[r.line - 1].split('\t').map((c) => c.trim());
			expect(cells, r.id).toContain(r.baseline!.raw);
			expect(cells, r.id).toContain(r.target.raw);
			expect(r.target.year).toBe(2025);
		}
		expect(
			await env.page.evaluate(() => window.atlas!.query.indicators('county-000000').catch((e: Error) => e.message))
		).toMatch(/atlas\.query\.indicators: no county/);
		// an economic region's 发展目标 figures (prose in 004)
		const nw = await env.page.evaluate(() => window.atlas!.query.indicators('economic-region-northwest-sichuan'));
		expect(nw.map((r) => r.target.raw)).toContain('2750 万千瓦');
		// a place the plans set no targets for has none
		expect(await env.page.evaluate(() => window.atlas!.query.indicators('prefecture-510100'))).toEqual([]);
	});

	test('the profile shows the 2025 industry targets with baseline and target as the seed writes them', async () => {
		await env.page.evaluate((id) => window.atlas!.setState({ selected: id, lang: 'zh' }), GANZI);
		const table = panel().locator(`[data-indicator-table="${SEED}"]`);
		await expect.poll(() => table.count()).toBe(1);
		// 25 rows: collapsed until opened
		expect(await table.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
		await table.locator(':scope > summary').click();
		const row = table.locator('[data-indicator="ganzi-industry-industrial-va"]');
		await expect.poll(() => row.isVisible()).toBe(true);
		// seed line 170: 产业能级	工业增加值(亿元)	89.01	140	预期性
		expect(seedLines[169]).toBe('产业能级\t工业增加值(亿元)\t89.01\t140\t预期性');
		expect(await row.locator('[data-value]').allTextContents()).toEqual(['89.01', '140']);
		expect(await row.textContent()).toContain('工业增加值(亿元)');
		expect(await row.locator('[data-binding]').textContent()).toBe('预期性');
		expect(await row.locator('svg[data-slope]').count()).toBe(1);
		// the binding energy target, and its quote on demand
		const energy = table.locator('[data-indicator="ganzi-industry-energy-per-va"]');
		expect(await energy.locator('[data-value]').allTextContents()).toEqual(['0.574', '0.528']);
		expect(await energy.locator('[data-binding]').textContent()).toBe('约束性');
		const quote = energy.locator('details.source blockquote').first();
		expect(await quote.isVisible()).toBe(false);
		await energy.locator('details.source summary').click();
		await expect.poll(() => quote.isVisible()).toBe(true);
		expect(await quote.textContent()).toContain('0.574');
		expect(await energy.locator('details.source').textContent()).toContain('182');
		// the previous period against this one, and the 碳达峰 2025 → 2030 targets
		const periods = panel().locator('[data-period-row="ganzi-industry-industrial-investment"]');
		expect(await periods.textContent()).toContain('870 (“十三五”期)');
		expect(await periods.textContent()).toContain('1000 (“十四五”期)');
		expect(await panel().locator('[data-period-row="ganzi-carbon-clean-capacity"]').textContent()).toContain(
			'3000 万千瓦以上'
		);
	});

	test('in English the labels change and the plan’s words stay', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ lang: 'en' }));
		await expect
			.poll(() => panel().locator('[data-indicators] h3').textContent())
			.toBe('Plan targets (main indicators)');
		const row = panel().locator('[data-indicator="ganzi-industry-industrial-va"]');
		expect(await row.textContent()).toContain('Industrial value added');
		expect(await row.locator('[data-binding]').textContent()).toBe('Expected');
		expect(await row.locator('[data-value]').allTextContents()).toEqual(['89.01', '140']);
		expectClean(env.guard);
	});
});
