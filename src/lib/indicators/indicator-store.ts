/**
 * Loads static/data/indicators.json once per data folder and validates it, so a broken file gives a clear message
 * (an AtlasDataError) rather than a broken panel. The profile panel and `atlas.query.indicators` share the load.
 */
import { AtlasDataError, fetchJson } from '../data/errors';
import { formatIssues } from '../data/zod';
import { IndicatorFileSchema, type IndicatorFile } from './indicator-schema';

const loads = new Map<string, Promise<IndicatorFile>>();

export function loadIndicators(dataRoot: string, fetcher: typeof fetch = fetch): Promise<IndicatorFile> {
	let load = loads.get(dataRoot);
	if (!load) {
		const url = `${dataRoot}/indicators.json`;
		load = fetchJson<unknown>(url, fetcher).then((raw) => {
			const parsed = IndicatorFileSchema.safeParse(raw);
			if (!parsed.success) throw new AtlasDataError(`${url}: ${formatIssues(parsed.error.issues)}`, url);
			return parsed.data;
		});
		// a failed load may be retried (the next panel opened asks again)
		load.catch(() => loads.delete(dataRoot));
		loads.set(dataRoot, load);
	}
	return load;
}
