/**
 * A point layer's style as kept in IndexedDB with the layer, read back on the next visit. Apart from ./point-style.ts
 * (which needs d3) so the store that restores layers does not load the colour scales with the page.
 */
import type { PointStyle } from './point-style';

/**
 * A style kept in the browser, read back forgivingly: each choice is kept only when it names one of the layer's columns
 * (a stored value may be damaged, or the columns changed); null when neither is.
 */
export function keptStyle(value: unknown, columns: readonly string[]): PointStyle | null {
	if (!value || typeof value !== 'object') return null;
	const { colorBy, sizeBy } = value as Record<string, unknown>;
	const column = (c: unknown) => (typeof c === 'string' && columns.includes(c) ? c : null);
	const style = { colorBy: column(colorBy), sizeBy: column(sizeBy) };
	return style.colorBy || style.sizeBy ? style : null;
}
