import { error } from '@sveltejs/kit';
import { SEED_FILES } from '$lib/data/plan-schema';
import { seedSlug } from '$lib/reader/links';
import type { EntryGenerator, PageLoad } from './$types';

/** One page per seed, prerendered. */
export const entries: EntryGenerator = () => SEED_FILES.map((seed) => ({ seed: seedSlug(seed) }));

export const load: PageLoad = ({ params }) => {
	const seed = SEED_FILES.find((s) => seedSlug(s) === params.seed);
	if (!seed) error(404, `No document ${params.seed}`);
	return { seed, slug: params.seed };
};
