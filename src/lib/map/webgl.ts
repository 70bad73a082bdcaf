/**
 * Whether the browser can draw with WebGL (MapLibre needs WebGL 2), checked on a throwaway canvas before any map code
 * loads, and whether the page asked for the SVG map instead (`?renderer=svg`, for machines whose GPU misbehaves).
 */
export function webglAvailable(): boolean {
	try {
		const canvas = document.createElement('canvas');
		const gl = canvas.getContext('webgl2');
		if (!gl) return false;
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return true;
	} catch {
		return false;
	}
}

export function wantsSvgRenderer(search: string): boolean {
	return new URLSearchParams(search).get('renderer') === 'svg';
}
