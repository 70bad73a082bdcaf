/**
 * The postMessage contract between an embedded atlas (/embed in an iframe) and its host page. Documented in
 * README.md "Embedding". Pure and tested (embed-messages.test.ts).
 *
 * The atlas posts to its parent:
 *   {type: 'atlas:ready', version}            once the map (and its plan layers) are drawn
 *   {type: 'atlas:state', state}              after every change of view, layers, selection, filter, language, tour
 *   {type: 'atlas:select', id}                when the selection changes (id or null)
 *   {type: 'atlas:resize', width, height}     when the frame changes size
 *   {type: 'atlas:error', message, request}   when a message it received could not be applied
 * It accepts from its parent:
 *   {type: 'atlas:setState', state}           any part of the state, as window.atlas.setState takes it
 *   {type: 'atlas:getState'}                  answered with atlas:state
 */
import type { AtlasState } from '../state';

export type AtlasMessage =
	| { type: 'atlas:ready'; version: string }
	| { type: 'atlas:state'; state: AtlasState }
	| { type: 'atlas:select'; id: string | null }
	| { type: 'atlas:resize'; width: number; height: number }
	| { type: 'atlas:error'; message: string; request?: string };

export type HostRequest = { type: 'atlas:setState'; state: unknown } | { type: 'atlas:getState' };

/** A message from the host, or null if it is not for us (other scripts share the channel; those are ignored). */
export function readHostRequest(data: unknown): HostRequest | { type: 'invalid'; message: string } | null {
	if (!data || typeof data !== 'object' || typeof (data as { type?: unknown }).type !== 'string') return null;
	const msg = data as { type: string; state?: unknown };
	if (!msg.type.startsWith('atlas:')) return null;
	if (msg.type === 'atlas:getState') return { type: 'atlas:getState' };
	if (msg.type === 'atlas:setState') {
		if (!msg.state || typeof msg.state !== 'object') {
			return {
				type: 'invalid',
				message: 'atlas:setState needs a state object, e.g. {type: "atlas:setState", state: {zoom…}}'
			};
		}
		return { type: 'atlas:setState', state: msg.state };
	}
	return {
		type: 'invalid',
		message: `unknown message type "${msg.type.slice(0, 40)}" (accepted: atlas:setState, atlas:getState)`
	};
}

/** Options of the /embed page, from its query string: what chrome to show. */
export interface EmbedOptions {
	title: boolean;
	legend: boolean;
	controls: boolean;
}
export const EMBED_DEFAULTS: EmbedOptions = { title: true, legend: true, controls: false };

export function readEmbedOptions(search: string): EmbedOptions {
	const q = new URLSearchParams(search);
	const flag = (name: keyof EmbedOptions) => {
		const v = q.get(name);
		return v === null ? EMBED_DEFAULTS[name] : v === '1' || v === 'true' || v === '';
	};
	return { title: flag('title'), legend: flag('legend'), controls: flag('controls') };
}

/** The `<iframe>` snippet for a state link (`#…`) and options. Attribute values are escaped. */
export function embedSnippet(
	embedUrl: string,
	options: EmbedOptions,
	width: number | string,
	height: number,
	title: string
): string {
	const q = (Object.keys(EMBED_DEFAULTS) as (keyof EmbedOptions)[])
		.filter((k) => options[k] !== EMBED_DEFAULTS[k])
		.map((k) => `${k}=${options[k] ? 1 : 0}`)
		.join('&');
	const [path, hash = ''] = embedUrl.split('#');
	const src = `${path}${q ? `?${q}` : ''}${hash ? `#${hash}` : ''}`;
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	const w = typeof width === 'number' ? `${width}` : width;
	return `<iframe src="${esc(src)}" width="${esc(w)}" height="${height}" title="${esc(title)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}
