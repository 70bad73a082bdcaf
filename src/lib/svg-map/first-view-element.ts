/**
 * The prerendered first map in the page (`#first-view`, put there by src/hooks.server.ts): adopted into the map's box
 * once the atlas runs (over the live canvas), then faded out and removed once the live map has everything on it.
 */
const ID = 'first-view';

/** Moves the first map into the map's box, above the live map (which draws beneath it until it is complete). */
export function adoptFirstView(box: HTMLElement): void {
	const el = document.getElementById(ID);
	if (!el || el.parentElement === box) return;
	box.append(el);
	el.classList.add('in-map');
}

/** Fades the first map out (or removes it at once) — the live map is complete, or the reader moved it. */
export function dismissFirstView({ now = false } = {}): void {
	const el = document.getElementById(ID);
	if (!el) return;
	if (now || matchMedia('(prefers-reduced-motion: reduce)').matches) return el.remove();
	el.classList.add('fading');
	setTimeout(() => el.remove(), 300);
}
