import type { AtlasApi } from '$lib/atlas/api';

declare global {
	namespace App {}
	interface Window {
		atlas?: AtlasApi;
	}
}

export {};

declare global {
	/** package.json version, injected by Vite. */
	const __ATLAS_VERSION__: string;
}
