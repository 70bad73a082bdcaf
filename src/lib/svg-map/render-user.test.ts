import { describe, expect, it } from 'vitest';
import { renderMapSvg } from './render-svg';
import { pickUserPoint, SVG_POINTS_MAX, userPointsDrawing, type SvgUserLayer, type SvgUserPoints } from './render-user';
import { project, type SvgView } from './web-mercator';
import { twoCountyBase, square } from './test-geometry';
import { binPoints } from '$lib/user-data/binning';
import { userSvgLayers } from '$lib/user-data/svg-scene';
import { USER_COLORS } from '$lib/user-data/layer-ids';

const base = twoCountyBase();
const view: SvgView = { center: [104, 31], zoom: 8, width: 800, height: 600 };
const red: [number, number, number] = [200, 30, 30];
const points = (positions: number[], over: Partial<SvgUserPoints> = {}): SvgUserPoints => ({
	kind: 'points',
	id: 'pts',
	positions: Float64Array.from(positions),
	color: red,
	...over
});
const dots = (svg: string) => (svg.match(/h0/g) ?? []).length;

describe('users’ points', () => {
	it('draws the points in the view (a path per colour, written twice: a white ring, then the colour) and no others', () => {
		const svg = renderMapSvg({ view, lang: 'zh', base, user: [points([104, 31, 104.1, 31.1, 120, 40])] });
		const group = svg.match(/<g data-user-points="pts"[^]*?<\/g>/)![0];
		expect(dots(group)).toBe(4);
		expect(group.match(/<path /g)).toHaveLength(2);
		expect(group).toContain('stroke="#fff"');
		expect(group).toContain('stroke="rgb(200,30,30)"');
		const [x, y] = project(view, [104, 31]);
		expect(group).toContain(`M${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}h0`);
	});

	it('colours and sizes by column: a path per colour and radius, the larger dots beneath', () => {
		const layer = points([104, 31, 104.1, 31.1, 104.2, 31.2], {
			colors: Uint8Array.from([1, 2, 3, 1, 2, 3, 9, 9, 9]),
			radii: Float32Array.from([3, 3, 10])
		});
		const svg = renderMapSvg({ view, lang: 'en', base, user: [layer] });
		expect(svg).toContain('stroke="rgb(1,2,3)" stroke-opacity="0.9" stroke-width="5"');
		expect(svg).toContain('stroke="rgb(9,9,9)" stroke-opacity="0.9" stroke-width="19"');
		expect(svg.indexOf('stroke-width="19"')).toBeLessThan(svg.indexOf('stroke-width="5"'));
	});

	it('shows the live map’s cells when it counts the points, and counts them itself past what an SVG carries', () => {
		const few = points([104, 31, 104.001, 31.001]);
		expect(userPointsDrawing(few, view)).toEqual({ points: 2 });
		const cells = binPoints(few.positions, 8);
		const counted = renderMapSvg({ view, lang: 'zh', base, user: [{ ...few, cells }] });
		expect(counted).toContain('data-user-cell="pts" data-count="2"');
		expect(dots(counted.match(/<g id="layer-user-data">[^]*?<\/g><\/g>/)![0])).toBe(0);

		const many: number[] = [];
		for (let i = 0; i <= SVG_POINTS_MAX; i++) many.push(104 + (i % 200) * 0.002, 31 + Math.floor(i / 200) * 0.002);
		const crowd = points(many);
		const how = userPointsDrawing(crowd, view);
		expect('cells' in how).toBe(true);
		const svg = renderMapSvg({ view, lang: 'zh', base, user: [crowd] });
		const total = [...svg.matchAll(/data-count="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
		expect(total).toBe(SVG_POINTS_MAX + 1);
		expect(svg).not.toContain('data-user-points');
	});

	it('picks the nearest point within reach, the topmost layer first; never a point drawn as a cell', () => {
		const a = points([104, 31, 104.01, 31], { id: 'a' });
		const b = points([104.0005, 31], { id: 'b' });
		const at = project(view, [104.0102, 31]);
		expect(pickUserPoint([a], view, at)).toEqual({ id: 'a', index: 1 });
		expect(pickUserPoint([a, b], view, project(view, [104, 31]))).toEqual({ id: 'b', index: 0 });
		expect(pickUserPoint([a], view, [at[0] + 40, at[1]])).toBeNull();
		expect(pickUserPoint([{ ...a, cells: binPoints(a.positions, 8) }], view, at)).toBeNull();
	});
});

describe('users’ regions and shapes', () => {
	const regions: SvgUserLayer = { kind: 'regions', id: 'r', level: 'county', colors: new Map([['510102', '#f00']]) };
	const shapes: SvgUserLayer = {
		kind: 'shapes',
		id: '<x>"',
		geometries: [
			square(103.2, 30.2, 0.3, {}).geometry,
			{
				type: 'LineString',
				coordinates: [
					[103, 31],
					[104, 31.5]
				]
			}
		],
		color: red
	};
	const svg = renderMapSvg({
		view: { ...view, zoom: 7 },
		lang: 'zh',
		base,
		user: [regions, shapes, points([104, 31])]
	});

	it('fills only the places a table names, over the province and beneath the county lines', () => {
		const fills = svg.match(/<g data-user-regions="r"[^]*?<\/g>/)![0];
		expect(fills.match(/<path /g)).toHaveLength(1);
		expect(fills).toContain('data-code="510102"');
		expect(fills).toContain('fill="#f00"');
		expect(svg.indexOf('data-user-regions')).toBeLessThan(svg.indexOf('id="layer-counties"'));
	});

	it('draws shapes with their rows (areas filled, lines not), names escaped, above the plan and beneath the labels', () => {
		expect(svg).toContain('data-user-shape="&lt;x&gt;&quot;" data-row="0"');
		expect(svg).toMatch(/data-row="0" d="[^"]+" fill="rgb\(200,30,30\)" fill-opacity="0.22"/);
		expect(svg).toMatch(/data-row="1" d="[^"]+" fill="none"/);
		expect(svg).not.toContain('<x>');
		const user = svg.indexOf('id="layer-user-data"');
		expect(user).toBeGreaterThan(svg.indexOf('id="layer-boundaries"'));
		expect(user).toBeLessThan(svg.indexOf('id="layer-labels"'));
		// points above shapes
		expect(svg.indexOf('data-user-points')).toBeGreaterThan(svg.indexOf('data-user-shape'));
	});
});

describe('userSvgLayers', () => {
	it('keeps the visible layers, regions then shapes then points, with the live map’s shading and styles', () => {
		const pointsLayer = {
			kind: 'points',
			id: 'p',
			positions: Float64Array.from([104, 31]),
			columns: ['kind'],
			rows: [['a']]
		};
		const regionLayer = {
			kind: 'regions',
			id: 'g',
			level: 'county',
			columns: ['county', 'n'],
			rows: [
				['甲县', '1'],
				['乙县', '3']
			],
			regionColumn: 'county',
			codes: ['510101', '510102']
		};
		const hidden = { ...regionLayer, id: 'h' };
		const layers = userSvgLayers(
			[
				{ layer: pointsLayer as never, visible: true, color: USER_COLORS[0] },
				{ layer: hidden as never, visible: false, color: USER_COLORS[1] },
				{ layer: regionLayer as never, visible: true, color: USER_COLORS[2] }
			],
			{ p: { colorBy: 'kind', sizeBy: null } },
			6
		);
		expect(layers.map((l) => l.id)).toEqual(['g', 'p']);
		const g = layers[0] as Extract<SvgUserLayer, { kind: 'regions' }>;
		expect([...g.colors.keys()]).toEqual(['510101', '510102']);
		expect(g.colors.get('510101')).not.toBe(g.colors.get('510102'));
		const p = layers[1] as SvgUserPoints;
		expect(p.colors).toHaveLength(3);
		expect(p.color).toEqual(USER_COLORS[0]);
	});
});
