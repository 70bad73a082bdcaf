/**
 * The glyphs URL template for the style. MapLibre needs an absolute URL; the atlas may be hosted under any path
 * (paths.relative), so it is resolved against the page.
 */
export function glyphsUrl(base: string, pageHref: string): string {
	const root = new URL(`${base}/glyphs/`, pageHref).href;
	return `${root}{fontstack}/{range}.pbf`;
}
