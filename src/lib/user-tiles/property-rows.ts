/** A feature's properties as text pairs (never markup); long values cut. Apart from archive.ts (no pmtiles): the card is in the first view. */
export function propertyRows(props: Record<string, unknown> | null | undefined, max = 200): [string, string][] {
	return Object.entries(props ?? {}).map(([k, v]) => {
		const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
		return [k, s.length > max ? `${s.slice(0, max)}…` : s];
	});
}
