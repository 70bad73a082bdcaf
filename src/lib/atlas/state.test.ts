import { describe, expect, test } from 'vitest';
import { applyPatch, parseStatePatch, roundView, type AtlasState } from './state';

const state: AtlasState = {
	view: { center: [102, 30], zoom: 6, bearing: 0, pitch: 0 },
	lang: 'zh',
	layers: ['energy-hydro'],
	selected: null,
	filter: [],
	drawn: null,
	tour: null,
	step: null,
	table: { open: false },
	lens: null,
	compare: []
};

describe('parseStatePatch', () => {
	test('accepts a partial view and a language', () => {
		const r = parseStatePatch({ view: { zoom: 8 }, lang: 'en' });
		expect(r).toEqual({ ok: true, patch: { view: { zoom: 8 }, lang: 'en' } });
	});
	test('names every wrong field', () => {
		const r = parseStatePatch({ view: { zoom: 'near', center: [500, 30] }, lang: 'fr' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error).toMatch(/view\.zoom/);
			expect(r.error).toMatch(/view\.center/);
			expect(r.error).toMatch(/lang/);
		}
	});
	test('rejects unknown keys and non-objects instead of ignoring them silently', () => {
		expect(parseStatePatch({ colour: 'red' }).ok).toBe(false);
		expect(parseStatePatch('zoom=5').ok).toBe(false);
		expect(parseStatePatch(null).ok).toBe(false);
	});
	test('rejects zoom and pitch outside what the map allows', () => {
		expect(parseStatePatch({ view: { zoom: 40 } }).ok).toBe(false);
		expect(parseStatePatch({ view: { pitch: 80 } }).ok).toBe(false);
	});
});

describe('layers, selection and filter', () => {
	test('accepts known layers, a feature or place id, known categories; dedupes', () => {
		const r = parseStatePatch({
			layers: ['energy-hydro', 'energy-hydro', 'enclave-links'],
			selected: 'county-513334',
			filter: ['lithium']
		});
		expect(r.ok).toBe(true);
		if (r.ok)
			expect(applyPatch(state, r.patch)).toMatchObject({
				layers: ['energy-hydro', 'enclave-links'],
				selected: 'county-513334',
				filter: ['lithium']
			});
	});
	test('null clears the selection; unknown layers, categories and hostile ids are refused', () => {
		const r = parseStatePatch({ selected: null });
		expect(r.ok && applyPatch({ ...state, selected: 'x' }, r.patch).selected).toBeNull();
		expect(parseStatePatch({ layers: ['dragons'] }).ok).toBe(false);
		expect(parseStatePatch({ filter: ['magic'] }).ok).toBe(false);
		expect(parseStatePatch({ selected: '<img src=x onerror=alert(1)>' }).ok).toBe(false);
	});
});

describe('applyPatch', () => {
	test('merges a partial view and keeps the rest', () => {
		const next = applyPatch(state, { view: { zoom: 9 } });
		expect(next).toEqual({ ...state, view: { center: [102, 30], zoom: 9, bearing: 0, pitch: 0 } });
		expect(state.view.zoom).toBe(6);
	});
	test('roundView keeps six decimals of position', () => {
		expect(roundView({ center: [101.123456789, 30.987654321], zoom: 7.12345, bearing: 1.234, pitch: 0 })).toEqual({
			center: [101.123457, 30.987654],
			zoom: 7.123,
			bearing: 1.23,
			pitch: 0
		});
	});
});
