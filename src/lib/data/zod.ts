/**
 * The schema library for everything the atlas validates (URL state, API input, plan data): zod's tree-shakable
 * "mini" build, with English messages, so the browser bundle pays only for the checks it uses.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };

/** One line naming every problem: `view.zoom: Too big: …; lang: Invalid option: …`. */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], max = 6): string {
	return issues
		.slice(0, max)
		.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
		.join('; ');
}
