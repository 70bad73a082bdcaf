import { describe, expect, it } from 'vitest';
import type { FilterSpecification } from 'maplibre-gl';
import { setFilter, setLayout, type StyleMap } from './quiet-style';

/** A fake map that records the changes it is asked for. */
function fakeMap(layers: Record<string, { filter?: unknown; layout: Record<string, unknown> }>) {
	const calls: string[] = [];
	const map: StyleMap = {
		getLayer: (id) => layers[id],
		getFilter: (id) => structuredClone(layers[id].filter) as FilterSpecification | undefined,
		setFilter: (id, filter) => {
			calls.push(`filter ${id}`);
			layers[id].filter = filter ?? undefined;
		},
		getLayoutProperty: (id, name) => layers[id].layout[name],
		setLayoutProperty: (id, name, value) => {
			calls.push(`layout ${id} ${name}`);
			layers[id].layout[name] = value;
		}
	};
	return { map, calls };
}

describe('setFilter', () => {
	it('sets a changed filter, and leaves an equal one (or a missing layer) alone', () => {
		const { map, calls } = fakeMap({
			a: { filter: ['in', ['id'], ['literal', ['x']]], layout: {} },
			b: { layout: {} }
		});
		setFilter(map, 'a', ['in', ['id'], ['literal', ['x']]]);
		setFilter(map, 'b', null);
		setFilter(map, 'b', undefined);
		setFilter(map, 'missing', ['==', 1, 1]);
		expect(calls).toEqual([]);
		setFilter(map, 'a', ['in', ['id'], ['literal', ['x', 'y']]]);
		setFilter(map, 'b', ['==', 1, 1]);
		setFilter(map, 'b', null);
		expect(calls).toEqual(['filter a', 'filter b', 'filter b']);
	});
});

describe('setLayout', () => {
	it('sets a changed value only; a layer without visibility counts as visible', () => {
		const { map, calls } = fakeMap({ a: { layout: { 'text-field': ['get', 'name_zh'] } }, b: { layout: {} } });
		setLayout(map, 'a', 'text-field', ['get', 'name_zh']);
		setLayout(map, 'b', 'visibility', 'visible');
		setLayout(map, 'missing', 'visibility', 'none');
		expect(calls).toEqual([]);
		setLayout(map, 'a', 'text-field', ['get', 'name_en']);
		setLayout(map, 'b', 'visibility', 'none');
		setLayout(map, 'b', 'visibility', 'none');
		setLayout(map, 'b', 'visibility', 'visible');
		expect(calls).toEqual(['layout a text-field', 'layout b visibility', 'layout b visibility']);
	});
});
