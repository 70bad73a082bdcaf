/**
 * Users' workbooks, shapes and GeoJSON exports in real Chromium against the built site (small files): an XLSX of
 * points, chosen through the file input, lands in the right counties and offers its sheets; a polygon GeoJSON is drawn
 * and, clicked, its profile lists the counties it covers; the GeoJSON export of the joined table has the plan columns.
 * Screenshots go to SHOTS_DIR when it is set.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { expectClean, screenOf, useAtlas } from './harness';

/** 宽窄巷子 (青羊区) and a point in 康定市, in WGS84; a bad row on the sheet's row 4. */
function pointsWorkbook(): Buffer {
	const book = utils.book_new();
	const points = [
		['名称', '经度', '纬度', '投资（万元）'],
		['宽窄巷子', 104.0535, 30.6695, 12000],
		['康定', 101.9564, 30.0, 800],
		['坏行', 'abc', 30, 1]
	];
	utils.book_append_sheet(book, utils.aoa_to_sheet(points), '点位');
	utils.book_append_sheet(book, utils.aoa_to_sheet([['说明'], ['第二个工作表']]), '说明');
	return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** A zone far from the plan's points (northern 石渠县), and a road across 康定. */
const ZONE: [number, number][] = [
	[98.5, 33.3],
	[98.9, 33.3],
	[98.9, 33.6],
	[98.5, 33.6],
	[98.5, 33.3]
];
const SHAPES = {
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { name: '石渠片区' }, geometry: { type: 'Polygon', coordinates: [ZONE] } },
		{
			type: 'Feature',
			properties: { name: '规划道路' },
			geometry: {
				type: 'LineString',
				coordinates: [
					[101.9, 30.0],
					[101.97, 30.05]
				]
			}
		}
	]
};

const SHOTS = process.env.SHOTS_DIR;

const env = useAtlas();

const join = (id: string) => env.page.evaluate((i) => window.atlas!.data.join(i), id);
const card = () => env.page.locator('details.user-data');

describe('workbooks, shapes and GeoJSON exports', () => {
	test('an XLSX of points lands in the right counties; its bad row is named by sheet and row; its sheets offered', async () => {
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await env.page.locator('[data-user-file]').setInputFiles({
			name: 'sites.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: pointsWorkbook()
		});
		const item = card().locator('[data-user-layer]').filter({ hasText: 'sites.xlsx' });
		await expect.poll(() => item.count()).toBe(1);
		const id = (await item.getAttribute('data-user-layer'))!;
		const rows = (await join(id)).rows;
		expect(rows.map((r) => [r['名称'], r['投资（万元）'], r.county])).toEqual([
			['宽窄巷子', '12000', '青羊区'],
			['康定', '800', '康定市']
		]);
		await item.locator('[data-bad-rows] summary').click();
		expect(await item.locator('[data-bad-rows] li').allTextContents()).toEqual([
			expect.stringMatching(/工作表“点位” 第 4 行.*abc/)
		]);
		expect(await item.locator('[data-sheet] option').allTextContents()).toEqual(['点位', '说明']);
		if (SHOTS) await env.page.screenshot({ path: `${SHOTS}/xlsx-card-zh.png` });
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('a polygon GeoJSON is drawn and, clicked, its profile lists the counties it covers', async () => {
		const result = await env.page.evaluate((fc) => window.atlas!.data.add(fc, { name: 'zones.geojson' }), SHAPES);
		expect(result).toMatchObject({ kind: 'shapes', rows: 2, skipped: 0, crs: 'wgs84' });
		const fill = `user-data-${result.id}-shape-fill`;
		expect(await env.page.evaluate(() => window.atlas!.inspect.styleLayers())).toContain(fill);
		const centre: [number, number] = [98.7, 33.45];
		await env.page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 8 } }), centre);
		await expect
			.poll(async () => (await env.page.evaluate((l) => window.atlas!.inspect.rendered(l), fill)).length)
			.toBe(1);
		const at = await screenOf(env.page, centre);
		await expect
			.poll(async () => {
				await env.page.mouse.click(at.x, at.y);
				return env.page.locator('[data-shape-profile]').count();
			})
			.toBe(1);
		expect(await env.page.locator('[data-user-row] dd').first().textContent()).toBe('石渠片区');
		expect(await env.page.locator('[data-shape-counties]').textContent()).toBe('石渠县');
		if (SHOTS) await env.page.screenshot({ path: `${SHOTS}/shape-profile-zh.png` });
		await env.page.locator('[data-user-row] button').click();
		const joined = (await join(result.id)).rows;
		expect(joined.map((r) => r.counties)).toEqual(['石渠县', '康定市']);
		expectClean(env.guard);
	});

	test('the GeoJSON export of the joined table has the plan columns (panel button and API)', async () => {
		const { id } = await env.page.evaluate(
			(t) => window.atlas!.data.add(t, { name: 'pts.csv', crs: 'wgs84' }),
			'name,lon,lat\n宽窄巷子,104.0535,30.6695\n'
		);
		const item = card().locator(`[data-user-layer="${id}"]`);
		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			item.locator('[data-export-geojson]').click()
		]);
		expect(download.suggestedFilename()).toBe('pts-joined.geojson');
		const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [104.0535, 30.6695] });
		for (const c of ['county', 'prefecture', 'economic_region', 'nearest_park', 'nearest_park_km'])
			expect(fc.features[0].properties).toHaveProperty(c);
		expect(fc.features[0].properties.county).toBe('青羊区');
		const shapes = (await env.page.evaluate(() => window.atlas!.data.list())).find((l) => l.kind === 'shapes')!;
		const shapeFc = JSON.parse(await env.page.evaluate((i) => window.atlas!.data.export(i, 'geojson'), shapes.id));
		expect(shapeFc.features[0].geometry.type).toBe('Polygon');
		expect(shapeFc.features[0].properties).toMatchObject({ name: '石渠片区', counties: '石渠县' });
		await expect(env.page.evaluate((i) => window.atlas!.data.export(i, 'kml' as 'csv'), id)).rejects.toThrow(
			/csv.*geojson/
		);
		expectClean(env.guard);
	});
});
