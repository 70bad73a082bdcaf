/** Small helpers of the SVG renderer's markup (render-svg.ts, render-user.ts, render-overlays.ts). */

/** Text and attribute values escaped for SVG/XML markup: a reader's string never becomes markup. */
export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
	);
}

/** A number in markup, to a tenth of a pixel. */
export const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** Strokes keep their screen width when the SVG is scaled. */
export const NON_SCALING = 'vector-effect="non-scaling-stroke"';
