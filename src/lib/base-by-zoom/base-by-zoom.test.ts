import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { baseStyle, BASE_SOURCE_IDS } from '$lib/style/base-style';
import { BaseByZoom, baseSourceData, overviewFits } from './base-by-zoom';
import { OVERVIEW_MAX_ZOOM } from './overview-zoom';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const topo = (objects: string[]) => ({
	type: 'Topology',
	arcs: [],
	objects: Object.fromEntries(objects.map((o) => [o, { type: 'GeometryCollection', geometries: [] }]))
});
const BASE = ['province', 'prefectures', 'counties', 'county_seats', 'prefecture_seats'];
const files: Record<string, unknown> = {
	'overview.topo.json': topo([...BASE, 'neighbours', 'rivers', 'river_labels']),
	'base.topo.json': topo(BASE),
	'context.topo.json': topo(['neighbours']),
	'rivers.geojson': empty
};

/** A fetcher over `files` that counts what was asked for. */
function fakeFetch() {
	const asked: string[] = [];
	const fetcher = (async (url: string) => {
		const name = url.split('/').pop()!;
		asked.push(name);
		return new Response(JSON.stringify(files[name]), { status: name in files ? 200 : 404 });
	}) as unknown as typeof fetch;
	return { asked, fetcher };
}

/** A map with a zoom, zoomend listeners and sources that record setData. */
function fakeMap(zoom: number) {
	const set: string[] = [];
	const listeners = new Set<() => void>();
	const map = {
		zoom,
		getZoom: () => map.zoom,
		on: (_: string, f: () => void) => listeners.add(f),
		off: (_: string, f: () => void) => listeners.delete(f),
		getSource: (id: string) => ({ setData: () => set.push(id) }),
		zoomTo(z: number) {
			map.zoom = z;
			listeners.forEach((f) => f());
		}
	};
	return { map, set, asMap: map as unknown as MapLibreMap };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('baseSourceData', () => {
	test('fills every GeoJSON source of the base style (the empty minor rivers come later on their own)', () => {
		const data = {
			neighbours: empty,
			province: empty,
			prefectures: empty,
			counties: empty,
			countySeats: empty,
			prefectureSeats: empty,
			rivers: empty
		};
		const sources = Object.keys(baseStyle(data, 'zh', 'x/{fontstack}/{range}.pbf').sources);
		expect(baseSourceData(data).map(([id]) => id)).toEqual(sources.filter((s) => s !== 'rivers-minor'));
		expect(sources).toEqual(expect.arrayContaining([...BASE_SOURCE_IDS]));
	});
});

describe('overviewFits', () => {
	test('only the WebGL map at the first camera draws the overview', () => {
		expect(overviewFits({ linkView: false, svgRenderer: false })).toBe(true);
		expect(overviewFits({ linkView: true, svgRenderer: false })).toBe(false);
		expect(overviewFits({ linkView: false, svgRenderer: true })).toBe(false);
	});
});

describe('BaseByZoom', () => {
	test('the first view fetches the overview alone; the detail once, when asked for', async () => {
		const { asked, fetcher } = fakeFetch();
		const base = new BaseByZoom('/data', { overview: true }, fetcher);
		const first = await base.first;
		expect(first.riverLabels).toBeDefined();
		expect(asked).toEqual(['overview.topo.json']);
		await Promise.all([base.detail(), base.detail()]);
		expect(asked.sort()).toEqual(['base.topo.json', 'context.topo.json', 'overview.topo.json', 'rivers.geojson']);
	});

	test('without the overview (a link’s own view, the SVG map) the first view is the detail', async () => {
		const { asked, fetcher } = fakeFetch();
		const base = new BaseByZoom('/data', { overview: false }, fetcher);
		expect((await base.first).counties).toEqual(empty);
		expect(await base.detail()).toBe(await base.first);
		expect(asked).not.toContain('overview.topo.json');
	});

	test('swaps the detail in once the map has settled, every source at once', async () => {
		const { fetcher } = fakeFetch();
		const base = new BaseByZoom('/data', { overview: true }, fetcher);
		const { set, asMap } = fakeMap(5.5);
		let settle!: () => void;
		base.attach(asMap, new Promise<void>((r) => (settle = r)));
		await tick();
		expect(set).toEqual([]);
		settle();
		await tick();
		await tick();
		expect(set.sort()).toEqual(
			baseSourceData(await base.first)
				.map(([id]) => id)
				.sort()
		);
	});

	test('swaps at once when zoomed past the overview, and only once', async () => {
		const { asked, fetcher } = fakeFetch();
		const base = new BaseByZoom('/data', { overview: true }, fetcher);
		const { map, set, asMap } = fakeMap(5.5);
		const settled = new Promise<void>(() => {});
		let swaps = 0;
		base.attach(asMap, settled, () => swaps++);
		map.zoomTo(OVERVIEW_MAX_ZOOM - 0.1);
		await tick();
		expect(asked).toEqual(['overview.topo.json']);
		expect(swaps).toBe(0);
		map.zoomTo(OVERVIEW_MAX_ZOOM + 1);
		map.zoomTo(OVERVIEW_MAX_ZOOM + 2);
		await tick();
		await tick();
		expect(set).toHaveLength(8);
		// told once, after the sources hold the detail (the plan's areas follow it)
		expect(swaps).toBe(1);
	});

	test('a missing overview fails with the file’s name', async () => {
		const fetcher = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
		await expect(new BaseByZoom('/data', { overview: true }, fetcher).first).rejects.toThrow(/overview\.topo\.json/);
	});

	test('the published overview decodes (after npm run data)', () => {
		const t = JSON.parse(readFileSync('static/data/overview.topo.json', 'utf8'));
		expect(Object.keys(t.objects)).toContain('river_labels');
	});
});
