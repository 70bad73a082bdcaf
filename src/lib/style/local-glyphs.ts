/**
 * Chinese labels are drawn by MapLibre from a local font (its `localIdeographFontFamily` option, rendered to SDF in the
 * browser), so no CJK glyph files are shipped; Latin letters, digits and general punctuation come from the glyph PBFs
 * scripts/glyphs generates. Measured (README "Labels"): shipping CJK glyphs for our ~750 label characters costs
 * ~450 KB gzip per font stack; the Latin/punctuation PBFs cost a few KB.
 */

/** Fonts MapLibre asks the browser for when it draws CJK labels: one of these exists on every Chinese-language system. */
export const LOCAL_CJK_FONT_FAMILY =
	'"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

/**
 * The code points MapLibre draws with localIdeographFontFamily — the character class of maplibre-gl 6's
 * `codePointUsesLocalIdeographFontFamily`, BMP part (a contract test checks it against the installed MapLibre).
 */
export const LOCAL_IDEOGRAPH_CLASS =
	'\\u02EA\\u02EB\\u1100-\\u11FF\\u2E80-\\u2FDF\\u3000-\\u30FF\\u3105-\\u312F\\u3131-\\u318E\\u31A0-\\u4DBF\\u4E00-\\uA48C\\uA490-\\uA4C6\\uA960-\\uA97C\\uAC00-\\uD7C6\\uD7CB-\\uD7FB\\uF900-\\uFA6D\\uFA70-\\uFAD9\\uFE10-\\uFE1F\\uFE30-\\uFE4F\\uFF00-\\uFFEF';

const LOCAL = new RegExp(`[${LOCAL_IDEOGRAPH_CLASS}]`, 'u');

/** True if MapLibre will draw this character from the local font, so it needs no glyph PBF. */
export function drawnLocally(char: string): boolean {
	return LOCAL.test(char);
}
