/**
 * The first view as a static SVG: the live map's opening camera (Sichuan fitted with `initialPadding`) drawn on a
 * reference screen. The SVG frames exactly Sichuan's bounds and is laid over the padded part of the map's box by CSS
 * (`FIRST_VIEW_CSS`), so on any screen size it shows the ground the live map's first camera shows; strokes and marks
 * keep their pixel size, text scales with the screen (and is hidden on phones, where it would be too small).
 */
import { SICHUAN_BOUNDS } from '$lib/atlas/state';
import { initialPadding, PHONE_MAX_WIDTH } from '$lib/atlas/initial-view';
import { theme } from '$lib/style/theme';
import { renderMapSvg, type SvgBase, type SvgPlan } from './render-svg';
import { fitView, project } from './web-mercator';

/** The reference screen the first view is drawn for (the benchmark's and a common laptop's). */
export const REFERENCE_SIZE = { width: 1280, height: 800 };
/** Drawn beyond the reference screen by this share on each side, for wider or taller screens. */
const OVERDRAW = 0.5;

/** The reference camera and the px rectangle of Sichuan's bounds in it. */
export function firstViewFrame() {
	const view = fitView(SICHUAN_BOUNDS, REFERENCE_SIZE, {
		padding: initialPadding(REFERENCE_SIZE.width, REFERENCE_SIZE.height)
	});
	const [x0, y1] = project(view, SICHUAN_BOUNDS[0]);
	const [x1, y0] = project(view, SICHUAN_BOUNDS[1]);
	return { view, frame: [x0, y0, x1 - x0, y1 - y0] as [number, number, number, number] };
}

export function firstViewSvg({ base, plan }: { base: SvgBase; plan: SvgPlan }): string {
	const { view, frame } = firstViewFrame();
	const dx = REFERENCE_SIZE.width * OVERDRAW;
	const dy = REFERENCE_SIZE.height * OVERDRAW;
	// The same camera on a larger canvas: the frame moves by the extra margin.
	const big = { ...view, width: REFERENCE_SIZE.width + 2 * dx, height: REFERENCE_SIZE.height + 2 * dy };
	return renderMapSvg({
		view: big,
		lang: 'zh',
		base,
		plan,
		background: false,
		margin: 0,
		hitAreas: false,
		tolerance: 1.5,
		digits: 0,
		idPrefix: 'first-view',
		frame: [frame[0] + dx, frame[1] + dy, frame[2], frame[3]],
		attributes: { class: 'first-view-map', 'aria-hidden': 'true', focusable: 'false' }
	});
}

/**
 * CSS that lays the SVG over the padded box of `initialPadding` (the same numbers, in CSS: `edge` is
 * min(width, height) × 0.04 + 8 px), assuming the map fills the window as it does on the atlas pages. It lives in
 * src/app.css (a stylesheet, so no inline style is needed under the Content-Security-Policy); a unit test keeps the
 * two the same. Once the atlas runs, the drawing moves into the map's box (`in-map`, above the live canvas) and fades
 * out (`fading`) when the live map has drawn the plan layers or is moved.
 */
export const FIRST_VIEW_CSS = `
#first-view { position: fixed; inset: 0; background: ${theme.paper}; overflow: hidden; pointer-events: none; transition: opacity 0.25s; }
#first-view.in-map { position: absolute; }
#first-view.fading { opacity: 0; }
#first-view svg { position: absolute; overflow: visible; --edge: calc(min(100vw, 100vh) * 0.04 + 8px);
top: calc(var(--edge) + 24px); left: var(--edge);
width: calc(100% - 2 * var(--edge) - 40px); height: calc(100% - 2 * var(--edge) - 52px); }
@media (max-width: ${PHONE_MAX_WIDTH}px) {
#first-view svg { top: min(96px, 20vh); width: calc(100% - 2 * var(--edge)); height: calc(100% - min(96px, 20vh) - min(56px, 12vh)); }
#first-view text { display: none; }
}
`.trim();
