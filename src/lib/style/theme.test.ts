import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { theme } from './theme';

test('CSS custom properties in app.css equal the theme tokens they mirror', () => {
	const css = readFileSync('src/app.css', 'utf8');
	const value = (name: string) => css.match(new RegExp(`--${name}:\\s*([^;]+);`))?.[1].trim();
	expect(value('paper')).toBe(theme.paper);
	expect(value('ink')).toBe(theme.ink);
	expect(value('ink-soft')).toBe(theme.inkSoft);
	expect(value('ink-faint')).toBe(theme.inkFaint);
	expect(value('accent')).toBe(theme.accent);
	expect(value('focus')).toBe(theme.focus);
});
