/**
 * The atlas state that the automation/embedding API, share links and the UI agree on, and how a partial update from
 * outside is checked. Pure and tested (state.test.ts).
 */
import { formatIssues, z } from '$lib/data/zod';

export type Lang = 'zh' | 'en';

export interface ViewState {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
}

export interface AtlasState {
	view: ViewState;
	lang: Lang;
}

/** Sichuan's extent (WGS84) with a margin; the initial view frames it. */
export const SICHUAN_BOUNDS: [[number, number], [number, number]] = [
	[97.35, 26.05],
	[108.55, 34.32]
];
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 14;
export const MAX_PITCH = 60;

const viewSchema = z.strictObject({
	center: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-85), z.lte(85))]),
	zoom: z.number().check(z.gte(MIN_ZOOM), z.lte(MAX_ZOOM)),
	bearing: z.number().check(z.gte(-360), z.lte(360)),
	pitch: z.number().check(z.gte(0), z.lte(MAX_PITCH))
});

export const statePatchSchema = z.strictObject({
	view: z.optional(z.partial(viewSchema)),
	lang: z.optional(z.enum(['zh', 'en']))
});

export type StatePatch = z.infer<typeof statePatchSchema>;

export type PatchResult = { ok: true; patch: StatePatch } | { ok: false; error: string };

/** Checks a partial state from outside (API, postMessage, URL) and says precisely what is wrong. */
export function parseStatePatch(input: unknown): PatchResult {
	const r = statePatchSchema.safeParse(input);
	if (r.success) return { ok: true, patch: r.data };
	return { ok: false, error: formatIssues(r.error.issues) };
}

/** Applies a checked patch to a state, returning a new state. */
export function applyPatch(state: AtlasState, patch: StatePatch): AtlasState {
	return {
		view: { ...state.view, ...patch.view } as ViewState,
		lang: patch.lang ?? state.lang
	};
}

/** Rounds a view for reporting (6 decimals ≈ 0.1 m, zoom to 1/1000). */
export function roundView(v: ViewState): ViewState {
	const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
	return {
		center: [r(v.center[0], 6), r(v.center[1], 6)],
		zoom: r(v.zoom, 3),
		bearing: r(v.bearing, 2),
		pitch: r(v.pitch, 2)
	};
}
