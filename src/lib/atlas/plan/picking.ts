/** What deck.gl picked: plan feature ids (power lines carry a feature; arcs carry their park's id). */
export function pickedIds(infos: { object?: unknown; layer?: { id: string } | null }[]): string[] {
	const ids: string[] = [];
	for (const info of infos) {
		const o = info.object as { properties?: { id?: string }; parkId?: string } | undefined;
		const id = o?.properties?.id ?? o?.parkId;
		if (id && !ids.includes(id)) ids.push(id);
	}
	return ids;
}
