/** Validation of the tours file (used by tours.json.ts and its test). */
import { toursFileSchema, type Tour } from '../../src/lib/atlas/tours/tour-schema.ts';
import { formatIssues } from '../../src/lib/data/zod.ts';
import { SeedIndex } from '../plan/seed-quotes.ts';

export function checkTours(
	raw: unknown,
	ids: Set<string>,
	seeds = new SeedIndex()
): { tours: Tour[]; problems: string[] } {
	const parsed = toursFileSchema.safeParse(raw);
	if (!parsed.success) return { tours: [], problems: [formatIssues(parsed.error.issues, 20)] };
	const problems: string[] = [];
	const tourIds = new Set<string>();
	for (const tour of parsed.data.tours) {
		if (tourIds.has(tour.id)) problems.push(`tour ${tour.id}: duplicate id`);
		tourIds.add(tour.id);
		tour.steps.forEach((step, i) => {
			const where = `tour ${tour.id} step ${i + 1} (${step.title_zh})`;
			let quoteProblem: string | null;
			try {
				quoteProblem = seeds.checkQuote(step.source.file, step.source.line, step.quote);
			} catch (e) {
				quoteProblem = (e as Error).message;
			}
			if (quoteProblem) problems.push(`${where}: ${quoteProblem}`);
			if (step.selected && !ids.has(step.selected)) problems.push(`${where}: selects unknown "${step.selected}"`);
		});
	}
	return { tours: parsed.data.tours, problems };
}
