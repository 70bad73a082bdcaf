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
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
