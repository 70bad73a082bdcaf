import { readdirSync } from 'node:fs';

/** The hand-written plan files, in a stable order. */
export function planFiles(dir = 'data/plan'): string[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => `${dir}/${f}`);
}
