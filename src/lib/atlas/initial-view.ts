/**
 * Padding used to frame Sichuan at start: leave room for the title card (top-left on desktop, top on phones)
 * and the attribution line, so the whole province is visible and centred in the free area.
 */
export const PHONE_MAX_WIDTH = 640;

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export function initialPadding(width: number, height: number): Padding {
	const edge = Math.round(Math.min(width, height) * 0.04) + 8;
	if (width <= PHONE_MAX_WIDTH) {
		// Title card spans the top; the attribution line sits at the bottom.
		return { top: Math.min(96, height * 0.2), right: edge, bottom: Math.min(56, height * 0.12), left: edge };
	}
	return { top: edge + 24, right: edge + 40, bottom: edge + 28, left: edge };
}
