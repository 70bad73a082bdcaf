import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { maplibreCss } from './scripts/vite/maplibre-css.ts';
import { maplibreFromSource } from './scripts/vite/maplibre-source.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
	plugins: [maplibreCss(), ...maplibreFromSource(), sveltekit()],
	define: { __ATLAS_VERSION__: JSON.stringify(version) },
	build: {
		// maplibre-gl is one large chunk by design; everything else should stay small.
		chunkSizeWarningLimit: 1100
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000
				}
			},
			{
				// Real headless Chromium against the built site (npm run build first); one file at a time, WebGL is software.
				extends: true,
				test: {
					name: 'browser',
					include: ['src/e2e/**/*.e2e.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
