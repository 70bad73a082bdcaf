import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkTours } from './check-tours.ts';

const raw = JSON.parse(readFileSync('data/tours/tours.json', 'utf8'));
const planIds = (() => {
	try {
		const plan = JSON.parse(readFileSync('static/data/plan.geojson', 'utf8')) as { features: { id: string }[] };
		return new Set(plan.features.map((f) => f.id));
	} catch {
		return null;
	}
})();

describe('tours', () => {
	test.skipIf(!planIds)('the published tours quote the seeds verbatim and select what exists', () => {
		const { tours, problems } = checkTours(raw, planIds!);
		expect(problems).toEqual([]);
		expect(tours.map((t) => t.id)).toEqual(expect.arrayContaining(['ganzi', 'aba', 'five-regions']));
		const titles = tours.flatMap((t) => t.steps.map((s) => s.title_zh)).join(' ');
		for (const t of ['两极八核', '两轴一带', '四大片区', '两江一河', '五区协同']) expect(titles).toContain(t);
	});

	test('a changed quote, an unknown selection or layer, and a duplicate tour are each named', () => {
		const tour = structuredClone(raw.tours[0]);
		tour.steps[0].quote = tour.steps[0].quote.replace(/.$/, '！');
		tour.steps[1].selected = 'no-such-feature';
		const { problems } = checkTours({ tours: [tour, raw.tours[0]] }, new Set(['x']));
		expect(problems.join('\n')).toMatch(/step 1 .*quote is not in/);
		expect(problems.join('\n')).toMatch(/step 2 .*unknown "no-such-feature"/);
		expect(problems.join('\n')).toMatch(/duplicate id/);
		const bad = structuredClone(raw);
		bad.tours[0].steps[0].layers = ['not-a-layer'];
		expect(checkTours(bad, new Set()).problems[0]).toMatch(/layers/);
	});
});
