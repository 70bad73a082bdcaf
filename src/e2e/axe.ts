/**
 * Accessibility audits in the browser tests: axe-core's own source evaluated in the page (no network), run over
 * the document, and the serious and critical violations returned in a form a failing test can print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
	id: string;
	impact: string;
	help: string;
	nodes: string[];
}

/** Serious and critical violations on the page as it is now (WCAG 2.x A/AA and best practices). */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
	// Evaluated by the test driver, not added as an inline <script>: the atlas's Content-Security-Policy refuses those.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
		interface AxeResults {
			violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
		}
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
	});
}
