/**
 * Prerendering only (the site is static): puts the first map (static/data/first-view.svg, drawn at build time by
 * scripts/first-view) into the atlas's pages, so a map is on screen before any script runs. Its CSS is in app.css.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Handle } from '@sveltejs/kit';

/** Pages that open on the atlas's first camera. */
const FIRST_VIEW_PAGES = new Set(['/', '/embed/']);
const MARKER = '<!--first-view-->';
const SVG_FILE = 'static/data/first-view.svg';

let svg: string | null = null;
function firstView(): string {
	svg ??= existsSync(SVG_FILE) ? readFileSync(SVG_FILE, 'utf8') : '';
	return svg;
}

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(
				MARKER,
				FIRST_VIEW_PAGES.has(event.url.pathname) && firstView()
					? `<div id="first-view" aria-hidden="true">${firstView()}</div>`
					: ''
			)
	});
