/**
 * Hands a lost WebGL context back as the browser made it, free of what deck.gl left on it.
 *
 * An interleaved deck.gl overlay draws with MapLibre's own WebGL context, and luma.gl (deck.gl's GPU layer) moves into
 * that context object: it keeps its device, extensions and shader caches on it (`gl.luma`), and wraps the state
 * setters and getters with own-property spies backed by a cache (`gl.lumaState`) that skip calls which look unchanged.
 * After a context loss the object survives but the GPU forgets everything, so all of that lies: kept, the spies would
 * swallow MapLibre's state calls on the restored context, and the next overlay would find the old device with its dead
 * shaders. Released, MapLibre restores on a clean context and the next overlay attaches as on first load.
 */

/** The parts of luma.gl's per-context record this touches (luma.gl's `WebGLDevice` and `CanvasContext`). */
interface LumaContextData {
	device?: { destroy(): void; canvasContext?: { destroy(): void } | null } | null;
}

/** Own properties luma.gl sets on a context besides its method spies. */
const LUMA_KEYS = ['luma', 'lumaState'];

/** Drops deck.gl's device and state tracking from `gl`. Call while the context is lost, before the overlay returns. */
export function releaseDeckContext(gl: WebGL2RenderingContext): void {
	const own = gl as unknown as Record<string, unknown> & { luma?: LumaContextData };
	const device = own.luma?.device;
	// Stops the device's canvas observers (they would resize a dead device) and unlinks it from the context.
	device?.canvasContext?.destroy();
	device?.destroy();
	const methods = Object.getPrototypeOf(gl) as object;
	for (const key of Object.getOwnPropertyNames(gl)) {
		// A spy shadows the prototype's method of the same name: deleting it uncovers the original.
		if (key in methods || LUMA_KEYS.includes(key)) delete own[key];
	}
}
