import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PMTiles } from 'pmtiles';
import { BlobSource, readArchive } from './archive';
import { MAX_VIEW_TILES, tileFeatureAt, tileLayersFor, tilesInView } from './svg-tiles';
import { renderMapSvg } from '$lib/svg-map/render-svg';
import type { SvgView } from '$lib/svg-map/web-mercator';
import { twoCountyBase } from '$lib/svg-map/test-geometry';

const fixture = new Uint8Array(readFileSync(new URL('../user-data/fixtures/sites.pmtiles', import.meta.url)));
const base = twoCountyBase();

describe('an archive in the SVG renderer', () => {
	test('the tiles of a view: at its zoom within the archive’s, inside the archive’s bounds, never too many', () => {
		const info = { minZoom: 0, maxZoom: 7, bounds: [101, 27, 105, 32] as [number, number, number, number] };
		const chengdu: SvgView = { center: [104.07, 30.66], zoom: 9.6, width: 1280, height: 800 };
		const tiles = tilesInView(chengdu, info);
		expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([7]));
		expect(tiles.length).toBeGreaterThan(0);
		expect(tiles.length).toBeLessThanOrEqual(2);
		expect(tilesInView({ ...chengdu, center: [120, 40] }, info)).toEqual([]);
		expect(
			tilesInView({ ...chengdu, zoom: 14, width: 100_000, height: 100_000 }, { ...info, maxZoom: 14 })
		).toHaveLength(MAX_VIEW_TILES);
	});

	test('the fixture’s points and zone are read, drawn clipped to their tiles, and a drawn feature gives its properties', async () => {
		const archive = new PMTiles(new BlobSource(new Blob([fixture]), 'k'));
		const info = await readArchive(archive);
		const view: SvgView = { center: [103.3, 29.6], zoom: 6.2, width: 1280, height: 800 };
		const [layer] = await tileLayersFor([{ id: 'tiles-1', archive, info, color: '#e6550d', visible: true }], view);
		const names = layer.tiles.flatMap((t) =>
			t.layers.flatMap((l) => l.features.map((f) => String(f.properties?.name)))
		);
		expect(new Set(names)).toContain('测试点 成都');
		expect(new Set(names)).toContain('测试区');
		const svg = renderMapSvg({ view, lang: 'zh', base, user: [layer] });
		const group = svg.match(/<g data-tiles-layer="tiles-1"[^]*?<\/g>/)![0];
		// each of the five sites once (a point in a neighbouring tile's buffer is left to that tile)
		expect(group.match(/<circle /g)).toHaveLength(5);
		// the zone: a fill (0.3) and an outline drawn from its ring, per tile it crosses
		expect(group).toContain('fill-opacity="0.3"');
		expect(group).toContain('stroke-width="1.5"');
		// the hostile name stays text in the data; the markup has no element made from it
		expect(svg).not.toContain('<img');
		const ref = group.match(/<circle data-tile="tiles-1" data-tile-ref="([\d/]+)"/)![1];
		const hit = tileFeatureAt(layer, ref)!;
		expect(hit.layer).toBe('sites');
		expect(Object.keys(hit.props).sort()).toEqual(['n', 'name']);
		expect(svg.indexOf('id="layer-user-tiles"')).toBeGreaterThan(svg.indexOf('id="layer-boundaries"'));
	});
});
