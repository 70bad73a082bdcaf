import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A folder of static files any web server or intranet share can host, at any sub-path.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { relative: true },
		alias: {
			$data: 'data'
		},
		prerender: { handleHttpError: 'fail' },
		// Every page runs under a Content-Security-Policy: nothing loads from, or is sent to, another origin. Pages are
		// prerendered, so SvelteKit writes it as a <meta http-equiv> tag with the hash of its inline bootstrap script
		// (a meta tag cannot carry frame-ancestors, so /embed stays embeddable anywhere).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'connect-src': ['self'],
				// data: and blob: for MapLibre's decoded sprites and images, html-to-image's SVG snapshots and exported PNGs.
				'img-src': ['self', 'data:', 'blob:'],
				// MapLibre's worker is a module on our own origin (src/lib/map/worker.ts); it needs blob: only when the
				// worker URL is on another origin, which ours never is.
				'worker-src': ['self'],
				// MapLibre, deck.gl and Svelte set style attributes (and Svelte transitions insert <style>) at run time.
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
