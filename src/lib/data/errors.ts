/** A data problem the user should read about (a missing or broken file), as opposed to a programming error. */
export class AtlasDataError extends Error {
	constructor(
		message: string,
		readonly url?: string
	) {
		super(message);
		this.name = 'AtlasDataError';
	}
}

/** Fetches JSON from our own origin with a message that names the file when anything goes wrong. */
export async function fetchJson<T>(url: string, fetcher: typeof fetch = fetch): Promise<T> {
	let response: Response;
	try {
		response = await fetcher(url);
	} catch (e) {
		throw new AtlasDataError(`Could not load ${url}: ${(e as Error).message}`, url);
	}
	if (!response.ok) throw new AtlasDataError(`Could not load ${url}: HTTP ${response.status}`, url);
	try {
		return (await response.json()) as T;
	} catch {
		throw new AtlasDataError(`${url} is not valid JSON`, url);
	}
}
