/**
 * Users' own data in real Chromium against the built site (small files, so it stays quick): a CSV of points in GCJ-02
 * lands in the right counties after conversion; a county table shades the right counties; a file with bad rows loads
 * the good ones and names the bad; a cell holding HTML shows as text (no dialog fires); a reload keeps the layers; the
 * joined CSV has the plan columns; the share dialog says that a link cannot carry the data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PNG } from 'pngjs';
import { expectClean, openAtlas, screenOf, hoverRowText, useAtlas } from './harness';

/** Points near county borders, as a Chinese web map gives them (GCJ-02): read as WGS84 they would fall in the
 * neighbouring county (洪雅县, 珙县, 邛崃市), converted they land where they are. */
const GCJ_CSV = 'name,lng,lat\n雨城点,103.131786,29.924767\n长宁点,104.742971,28.428480\n大邑点,103.375349,30.542821\n';
const COUNTY_CSV = '县,企业数\n理塘,12\n康定市,30\n513401,4\n';
const BAD_CSV = 'name,lon,lat\nok,104.06,30.66\nbad,abc,30\nshort,104\nok2,104.1,30.7\n';
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_CSV = `name,lon,lat\n"${HOSTILE}",104.0657,30.6574\n`;

/** 2 000 points around 成都 (dense enough to be counted in cells at province zoom), a category and a number. */
const DENSE_N = 2000;
const KINDS = ['园区', '园区', '园区', '园区', '园区', '企业', '企业', '企业', '仓库', '仓库'];
const DENSE_CSV =
	'name,lon,lat,kind,staff\n' +
	Array.from({ length: DENSE_N }, (_, i) => {
		const lon = (104.0 + ((i * 7919) % 2000) / 10000).toFixed(5);
		const lat = (30.5 + ((i * 104729) % 2000) / 10000).toFixed(5);
		return `点${i},${lon},${lat},${KINDS[i % 10]},${i + 1}`;
	}).join('\n');

const env = useAtlas();

const add = (text: string, options: Record<string, unknown> = {}) =>
	env.page.evaluate(([t, o]) => window.atlas!.data.add(t as string, o as object), [text, options] as const);
const join = (id: string) => env.page.evaluate((i) => window.atlas!.data.join(i), id);
const card = () => env.page.locator('details.user-data');

/** Whether a pixel near [lng, lat] on screen has (about) the colour of the first user layer, drawn by deck.gl. */
async function drawnAt(position: [number, number]): Promise<boolean> {
	const { x, y } = await screenOf(env.page, position);
	const png = PNG.sync.read(await env.page.screenshot({ clip: { x: x - 6, y: y - 6, width: 12, height: 12 } }));
	for (let i = 0; i < png.data.length; i += 4) {
		const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
		if (Math.hypot(r - 31, g - 119, b - 180) < 60) return true;
	}
	return false;
}

/** The point styles kept with the layers in IndexedDB (idb-keyval's default store), in layer order. */
const keptStyles = () =>
	env.page.evaluate(
		() =>
			new Promise<unknown[]>((resolve, reject) => {
				const open = indexedDB.open('keyval-store');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('keyval').objectStore('keyval').get('atlas-user-data-v1');
					get.onsuccess = () => {
						open.result.close();
						resolve(((get.result ?? []) as { style?: unknown }[]).map((s) => s.style ?? null));
					};
				};
			})
	);

describe('your data on the plans', () => {
	test('a GCJ-02 CSV of points lands in the right counties after conversion, drawn by deck.gl', async () => {
		const asGcj = await add(GCJ_CSV, { crs: 'gcj02', name: 'gcj.csv' });
		expect(asGcj).toMatchObject({ kind: 'points', rows: 3, skipped: 0, crs: 'gcj02', columns: ['name', 'lng', 'lat'] });
		expect((await join(asGcj.id)).rows.map((r) => r.county)).toEqual(['雨城区', '长宁县', '大邑县']);
		// the same file read without conversion lands across the border: the test can tell the difference
		const asWgs = await add(GCJ_CSV, { crs: 'wgs84', name: 'wgs.csv' });
		expect((await join(asWgs.id)).rows.map((r) => r.county)).toEqual(['洪雅县', '珙县', '邛崃市']);
		await env.page.evaluate((id) => window.atlas!.data.remove(id), asWgs.id);
		const [first] = (await join(asGcj.id)).rows;
		const at: [number, number] = [Number(first.wgs84_lon), Number(first.wgs84_lat)];
		await env.page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 10 } }), at);
		await expect.poll(() => drawnAt(at)).toBe(true);
		expect(await env.page.evaluate(() => window.atlas!.getState().userData)).toEqual([asGcj.id]);
		await expect.poll(() => card().locator('[data-user-layer]').count()).toBe(1);
		await expect.poll(() => card().locator('[data-crs]').textContent()).toContain('GCJ-02');
	});

	test('a county table shades the right counties', async () => {
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [101.5, 29.5], zoom: 5.5 } }));
		const result = await add(COUNTY_CSV, { name: 'counties.csv' });
		expect(result).toMatchObject({ kind: 'regions', rows: 3, skipped: 0 });
		const layer = `user-data-${result.id}-fill`;
		await expect
			.poll(async () =>
				[
					...new Set((await env.page.evaluate((l) => window.atlas!.inspect.rendered(l), layer)).map((p) => p.code))
				].sort()
			)
			.toEqual(['513301', '513334', '513401']);
		const fill = JSON.stringify(await env.page.evaluate((l) => window.atlas!.inspect.paint(l, 'fill-color'), layer));
		for (const code of ['513301', '513334', '513401']) expect(fill).toContain(code);
		await env.page.evaluate((id) => window.atlas!.data.remove(id), result.id);
	});

	test('a file with bad rows loads the good ones and names the bad, in the card too', async () => {
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await env.page.locator('[data-user-file]').setInputFiles({
			name: 'bad.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(BAD_CSV)
		});
		const item = card().locator('[data-user-layer]').filter({ hasText: 'bad.csv' });
		await expect.poll(() => item.count()).toBe(1);
		const id = (await item.getAttribute('data-user-layer'))!;
		const list = await env.page.evaluate(() => window.atlas!.data.list());
		expect(list.find((l) => l.id === id)).toMatchObject({ rows: 2, skipped: 2 });
		await item.locator('[data-bad-rows] summary').click();
		const bad = await item.locator('[data-bad-rows] li').allTextContents();
		expect(bad).toHaveLength(2);
		expect(bad[0]).toMatch(/第 3 行.*abc/);
		expect(bad[1]).toMatch(/第 4 行/);
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('a cell holding HTML shows as text, and no dialog fires', async () => {
		const { id } = await add(HOSTILE_CSV, { name: 'hostile.csv' });
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [104.0657, 30.6574], zoom: 11 } }));
		// click the point where it is drawn (the WGS84 position the join used)
		const [row] = (await join(id)).rows;
		const at = await screenOf(env.page, [Number(row.wgs84_lon), Number(row.wgs84_lat)]);
		await expect
			.poll(async () => {
				await env.page.mouse.click(at.x, at.y);
				return env.page.locator('[data-user-row]').count();
			})
			.toBe(1);
		const rowCard = env.page.locator('[data-user-row]');
		expect(await rowCard.locator('dd').first().textContent()).toBe(HOSTILE);
		expect(await rowCard.locator('img').count()).toBe(0);
		expect(env.dialogs).toEqual([]);
		await env.page.locator('[data-user-row] button').click();
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('hover after a wheel: a move made while the wheeled view is drawn is picked once it is drawn', async () => {
		const { id } = await add('name,lon,lat\n停点,104.0657,30.6574\n', { name: 'rest.csv' });
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [104.0657, 30.6574], zoom: 11 } }));
		const p = await screenOf(env.page, [104.0657, 30.6574]);
		// the wheel turns at q, off the point; one notch scales the picture about q by f (as in motion.e2e.ts)
		const q = { x: p.x - 150, y: p.y - 100 };
		const f = 2 / (1 + Math.exp(-100 / 450));
		await env.page.mouse.move(q.x, q.y);
		expect(await env.page.locator('[data-user-row]').count()).toBe(0);
		await env.page.mouse.wheel(0, -100);
		// one move onto where the point is after the notch, made while picking waits for the wheel: no retries
		await env.page.mouse.move(q.x + (p.x - q.x) * f, q.y + (p.y - q.y) * f);
		await expect
			.poll(async () => (await env.page.evaluate(() => window.atlas!.getState().view)).zoom)
			.toBeGreaterThan(11.1);
		await expect.poll(() => env.page.locator('[data-user-row] dd').first().textContent()).toBe('停点');
		await env.page.mouse.move(5, 400);
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('many points show as counts in cells at low zoom (hover: the count) and as points once zoomed in', async () => {
		const { id, rows } = await add(DENSE_CSV, { name: 'dense.csv' });
		expect(rows).toBe(DENSE_N);
		const item = card().locator(`[data-user-layer="${id}"]`);
		await env.page.evaluate(() => window.atlas!.setState({ view: { center: [104.1, 30.6], zoom: 7 } }));
		await expect.poll(() => item.locator('[data-shown]').getAttribute('data-shown')).toBe('cells');
		const centre = await screenOf(env.page, [104.1, 30.6]);
		await expect
			.poll(async () => {
				await env.page.mouse.move(centre.x + 1, centre.y + 1);
				await env.page.mouse.move(centre.x, centre.y);
				return env.page.locator('[data-user-cell]').count();
			})
			.toBe(1);
		const count = Number(await env.page.locator('[data-user-cell]').getAttribute('data-user-cell'));
		expect(count).toBeGreaterThan(1);
		expect(await env.page.locator('[data-user-cell] p').textContent()).toContain(count.toLocaleString('zh-CN'));
		// zoomed in, the points themselves: hover one and its fields show as text
		const [first] = (await join(id)).rows;
		const at: [number, number] = [Number(first.wgs84_lon), Number(first.wgs84_lat)];
		await env.page.evaluate((c) => window.atlas!.setState({ view: { center: c, zoom: 14 } }), at);
		await expect.poll(() => item.locator('[data-shown]').getAttribute('data-shown')).toBe('points');
		const p = await screenOf(env.page, at);
		await expect.poll(() => hoverRowText(env.page, p), { timeout: 30_000 }).toBe(first.name);
		await env.page.mouse.move(5, 400);
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('colour by a column changes the legend: categories with counts, or a ramp with min and max', async () => {
		const { id } = await add(DENSE_CSV, { name: 'dense.csv' });
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		const item = card().locator(`[data-user-layer="${id}"]`);
		const colour = item.locator('[data-point-style] select').first();
		await colour.selectOption('kind');
		const legend = item.locator('[data-legend="category"] li');
		await expect.poll(() => legend.count()).toBe(3);
		const texts = (await legend.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
		expect(texts).toEqual(['园区 1,000', '企业 600', '仓库 400']);
		await colour.selectOption('staff');
		await expect.poll(() => item.locator('[data-legend="continuous"]').textContent()).toMatch(/1.*2,000/);
		await item.locator('[data-point-style] select').nth(1).selectOption('staff');
		await expect.poll(() => item.locator('[data-legend="size"]').count()).toBe(1);
		await env.page.evaluate((i) => window.atlas!.data.remove(i), id);
	});

	test('the joined CSV has the plan columns', async () => {
		const list = await env.page.evaluate(() => window.atlas!.data.list());
		const id = list[0].id;
		const item = card().locator(`[data-user-layer="${id}"]`);
		const [download] = await Promise.all([
			env.page.waitForEvent('download'),
			item.getByRole('button', { name: /导出合并表|joined/ }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
		const header = text.split('\r\n')[0].split(',');
		for (const c of [
			'county',
			'prefecture',
			'economic_region',
			'nearest_park',
			'nearest_park_km',
			'nearest_park_placement'
		])
			expect(header).toContain(c);
		expect(text).toContain('雨城区');
	});

	test('the share dialog says a link cannot carry the data', async () => {
		await env.page
			.getByRole('button', { name: /分享|Share/ })
			.first()
			.click();
		await expect.poll(() => env.page.locator('[data-share-user-data]').count()).toBe(1);
		await env.page.keyboard.press('Escape');
	});

	test('a reload keeps the layer, coloured by the column chosen', async () => {
		const before = await env.page.evaluate(() => window.atlas!.data.list());
		expect(before).toHaveLength(1);
		const colourSelect = () => card().locator(`[data-user-layer="${before[0].id}"] [data-point-style] select`).first();
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await colourSelect().selectOption('name');
		// the choice is written to IndexedDB (idb-keyval's store) before the page goes
		await expect.poll(keptStyles).toEqual([{ colorBy: 'name', sizeBy: null }]);
		await env.page.reload();
		await openAtlas(env.page, env.page.url(), { plan: true });
		await env.page.waitForFunction(() => window.atlas!.data.list().length === 1, null, { timeout: 60_000 });
		const after = await env.page.evaluate(() => window.atlas!.data.list());
		expect(after.map(({ name, rows, crs }) => ({ name, rows, crs }))).toEqual(
			before.map(({ name, rows, crs }) => ({ name, rows, crs }))
		);
		expect((await join(after[0].id)).rows.map((r) => r.county)).toEqual(['雨城区', '长宁县', '大邑县']);
		await card().evaluate((d: HTMLDetailsElement) => (d.open = true));
		await expect.poll(() => colourSelect().inputValue()).toBe('name');
		const legend = card().locator(`[data-user-layer="${after[0].id}"] [data-legend="category"] li`);
		await expect.poll(() => legend.count()).toBe(3);
		expectClean(env.guard);
	});
});
