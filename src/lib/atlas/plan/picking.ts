/** What deck.gl picked: plan feature ids (points and lines carry a feature; arcs carry their park's id), and the seat
 * stack under the pointer, if the top-most pick is one. */
export function pickedIds(infos: { object?: unknown; layer?: { id: string } | null }[]): string[] {
	const ids: string[] = [];
	for (const info of infos) {
		const o = info.object as { properties?: { id?: string }; parkId?: string } | undefined;
		const id = o?.properties?.id ?? o?.parkId;
		if (id && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

/** The key of the seat stack picked on top, if the top-most object is a stack mark. */
export function pickedStack(infos: { object?: unknown }[]): string | null {
	const o = infos[0]?.object as { key?: string; members?: unknown } | undefined;
	return o && Array.isArray(o.members) && typeof o.key === 'string' ? o.key : null;
}
