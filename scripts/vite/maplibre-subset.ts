/**
 * Leaves out of the MapLibre the atlas builds from source (scripts/vite/maplibre-source.ts) the parts it never runs,
 * by small, named edits to MapLibre's own files at build time (issue 12: first-view bytes). Each edit says what it
 * drops and why the atlas cannot need it; each must find its text exactly once, or the build stops and names the
 * edit (so a MapLibre update that moved the code is re-read, not silently half-patched).
 *
 * The dev server and the unit tests keep the whole prebuilt MapLibre, so the style is still validated there: the
 * atlas's styles are checked against the style spec by unit tests (base-style, plan-point-style, user-data
 * map-layers, user-tiles archive).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** One edit: replace `find` (exactly one occurrence) by `replace`; `until` extends the span to that marker. */
export type Edit = { find: string; until?: string; replace: string };

/** The edits to one of MapLibre's files (path under maplibre-gl/src), and why the atlas can do without the code. */
export type MaplibrePatch = { file: string; drops: string; why: string; edits: Edit[] };

/** The error a left-out part throws if it is ever asked for (declared in each file that needs it). */
const NOT_IN_THIS_BUILD =
	'const notInThisBuild = (what: string) => ' +
	"new Error(`This build of MapLibre (the Sichuan Plan Atlas's) leaves out ${what}`);";

/** heatmap → Heatmap, color_relief → ColorRelief (MapLibre's class names from its file names). */
const pascal = (file: string) => file.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());

/** The layer types the atlas never draws: MapLibre's file name for each, and its type. */
const LEFT_OUT_LAYERS = [
	['heatmap', 'heatmap'],
	['hillshade', 'hillshade'],
	['color_relief', 'color-relief'],
	['fill_extrusion', 'fill-extrusion'],
	['raster', 'raster']
] as const;

/** The shaders no atlas layer uses: key in MapLibre's table, its two sources' names, their files. */
const LEFT_OUT_SHADERS: [string, string, string, string, string][] = [
	['projectionGlobe', 'projectionGlobeFrag', 'projectionGlobeVert', '_projection_globe', '_projection_globe'],
	['heatmap', 'heatmapFrag', 'heatmapVert', 'heatmap', 'heatmap'],
	['heatmapTexture', 'heatmapTextureFrag', 'heatmapTextureVert', 'heatmap_texture', 'heatmap_texture'],
	['colorRelief', 'colorReliefFrag', 'colorReliefVert', 'color_relief', 'color_relief'],
	['fillExtrusion', 'fillExtrusionFrag', 'fillExtrusionVert', 'fill_extrusion', 'fill_extrusion'],
	[
		'fillExtrusionPattern',
		'fillExtrusionPatternFrag',
		'fillExtrusionPatternVert',
		'fill_extrusion_pattern',
		'fill_extrusion_pattern'
	],
	['hillshadePrepare', 'hillshadePrepareFrag', 'hillshadePrepareVert', 'hillshade_prepare', 'hillshade_prepare'],
	['hillshade', 'hillshadeFrag', 'hillshadeVert', 'hillshade', 'hillshade'],
	['raster', 'rasterFrag', 'rasterVert', 'raster', 'raster'],
	['terrain', 'terrainFrag', 'terrainVert', 'terrain', 'terrain'],
	['terrainDepth', 'terrainDepthFrag', 'terrainVertDepth', 'terrain_depth', 'terrain_depth'],
	['terrainHeight', 'terrainHeightFrag', 'terrainHeightVert', 'terrain_height', 'terrain_height'],
	['atmosphere', 'atmosphereFrag', 'atmosphereVert', 'atmosphere', 'atmosphere']
];

export const MAPLIBRE_PATCHES: MaplibrePatch[] = [
	{
		file: 'symbol/bidi.ts',
		drops: 'bidi-js, the Unicode bidirectional algorithm (in the main code and in the worker)',
		why:
			'MapLibre runs it only for labels holding right-to-left script (Arabic, Hebrew…). The atlas serves glyphs for ' +
			'Latin and CJK only (static/glyphs), so no such label can be drawn; a user label in those scripts stays in ' +
			'logical order, its line breaks kept.',
		edits: [
			{
				find: "import bidiFactory, {type BidiCharTypeName} from 'bidi-js';",
				replace: [
					'type BidiCharTypeName = string;',
					'/** The atlas draws no right-to-left script: every character is left-to-right, one paragraph. */',
					'const bidiFactory = () => ({',
					'    getEmbeddingLevels: (text: string) => ({',
					'        levels: new Uint8Array(text.length),',
					'        paragraphs: [{start: 0, end: text.length, level: 0}]',
					'    }),',
					"    getBidiCharTypeName: (_char: string): BidiCharTypeName => 'L',",
					'    getMirroredCharacter: (_char: string): string | null => null',
					'});'
				].join('\n')
			}
		]
	},
	{
		file: 'style/validate_style.ts',
		drops: "the style spec's validators (in the main code and in the worker)",
		why:
			'The atlas writes its styles in code, and unit tests validate every one of them against the style spec with ' +
			'the whole MapLibre; users never supply a style. The built atlas skips the check at run time.',
		edits: [
			{
				find: "import {latest as styleSpec, validateStyleMin} from '@maplibre/maplibre-gl-style-spec';",
				replace: [
					"import {latest as styleSpec} from '@maplibre/maplibre-gl-style-spec';",
					"/** Validated by the atlas's unit tests instead (scripts/vite/maplibre-subset.ts). */",
					'const noErrors = (): readonly ValidationError[] => [];',
					'const validateStyleMin = Object.assign(noErrors, {',
					'    source: noErrors, sprite: noErrors, glyphs: noErrors, layer: noErrors, light: noErrors, sky: noErrors,',
					'    terrain: noErrors, filter: noErrors, paintProperty: noErrors, layoutProperty: noErrors',
					'});'
				].join('\n')
			}
		]
	},
	{
		file: 'geo/projection/projection_factory.ts',
		drops: 'the globe and vertical-perspective projections, their transforms and camera helpers',
		why:
			'The atlas draws Web Mercator only (its SVG first view and its exports are framed in it); its style names no ' +
			'projection. A style asking for another one gets mercator and a console warning.',
		edits: [
			{ find: "import {GlobeProjection} from './globe_projection.ts';\n", replace: '' },
			{ find: "import {createGlobeTransform} from './globe_transform.ts';\n", replace: '' },
			{ find: "import {GlobeCameraHelper} from './globe_camera_helper.ts';\n", replace: '' },
			{
				find: "import {VerticalPerspectiveCameraHelper} from './vertical_perspective_camera_helper.ts';\n",
				replace: ''
			},
			{
				find: "import {createVerticalPerspectiveTransform} from './vertical_perspective_transform.ts';\n",
				replace: ''
			},
			{
				find: "import {VerticalPerspectiveProjection} from './vertical_perspective_projection.ts';\n",
				replace: ''
			},
			{
				find: '    if (Array.isArray(name)) {',
				until: '    const registered = getRegisteredProjection(name);',
				replace: [
					"    if (Array.isArray(name) || name === 'globe' || name === 'vertical-perspective') {",
					'        warnOnce(`This build of MapLibre draws Web Mercator only: projection ${JSON.stringify(name)} falls back to mercator.`);',
					"        name = 'mercator';",
					'    }',
					''
				].join('\n')
			},
			{ find: "        case 'globe':", until: '        default:', replace: '' }
		]
	},
	{
		file: 'style/create_style_layer.ts',
		drops: 'the heatmap, hillshade, color-relief, fill-extrusion and raster layer types, with their buckets',
		why:
			'The atlas draws fill, line, circle, symbol and background layers only (its styles are code, tested in ' +
			"src/lib/style; users' tile archives get fill, line and circle layers); dense users' data goes to deck.gl.",
		edits: [
			...LEFT_OUT_LAYERS.map(([file]) => ({
				find: `import {${pascal(file)}StyleLayer} from './style_layer/${file}_style_layer.ts';\n`,
				replace: ''
			})),
			{
				find: 'export function createStyleLayer(',
				replace: `${NOT_IN_THIS_BUILD}\nexport function createStyleLayer(`
			},
			...LEFT_OUT_LAYERS.map(([file, type]) => ({
				find: `            return new ${pascal(file)}StyleLayer(layer, globalState);`,
				replace: `            throw notInThisBuild('${type} layers');`
			}))
		]
	},
	{
		file: 'webgl/draw/index.ts',
		drops: 'the draw functions (and their shader programs) of those layer types, of 3D terrain and of the atmosphere',
		why: 'No layer of those types can be made (above); terrain and the globe are left out too.',
		edits: [
			...[
				['drawHeatmap', 'draw_heatmap'],
				['drawFillExtrusion', 'draw_fill_extrusion'],
				['drawHillshade', 'draw_hillshade'],
				['drawColorRelief', 'draw_color_relief'],
				['drawRaster', 'draw_raster'],
				['drawDepth', 'draw_terrain']
			].map(([name, file]) => ({
				find: `import {${name}} from './${file}.ts';\n`,
				replace: `const ${name} = (): never => { throw notInThisBuild('${file.slice(5).replace('_', '-')}'); };\n`
			})),
			{
				find: "import {drawSky, drawAtmosphere} from './draw_sky.ts';\n",
				replace:
					"import {drawSky} from './draw_sky.ts';\n" +
					"const drawAtmosphere = (): never => { throw notInThisBuild('the globe\\'s atmosphere'); };\n" +
					`${NOT_IN_THIS_BUILD}\n`
			}
		]
	},
	{
		file: 'source/source.ts',
		drops: 'the raster, raster-dem, image, video and canvas sources',
		why:
			"The atlas's sources are GeoJSON and users' vector tile archives (src/lib/user-tiles/archive.ts refuses " +
			'raster ones with a message).',
		edits: [
			...[
				['RasterTileSource', 'raster_tile_source'],
				['RasterDEMTileSource', 'raster_dem_tile_source'],
				['VideoSource', 'video_source'],
				['ImageSource', 'image_source'],
				['CanvasSource', 'canvas_source']
			].map(([name, file]) => ({ find: `import {${name}} from '../source/${file}.ts';\n`, replace: '' })),
			{ find: "        case 'image':\n            return ImageSource;\n", replace: '' },
			{ find: "        case 'raster':\n            return RasterTileSource;\n", replace: '' },
			{ find: "        case 'raster-dem':\n            return RasterDEMTileSource;\n", replace: '' },
			{ find: "        case 'video':\n            return VideoSource;\n", replace: '' },
			{ find: "        case 'canvas':\n            return CanvasSource;\n", replace: '' },
			{
				find: '    return registeredSources[name];\n};',
				replace:
					"    if (['image', 'raster', 'raster-dem', 'video', 'canvas'].includes(name)) throw notInThisBuild(`${name} sources`);\n" +
					'    return registeredSources[name];\n};\n' +
					NOT_IN_THIS_BUILD
			}
		]
	},
	{
		file: 'source/worker.ts',
		drops: "the worker's decoder of raster-dem (elevation) tiles",
		why: 'No raster-dem source can be made (above).',
		edits: [
			{
				find: "import {RasterDEMTileWorkerSource} from './raster_dem_tile_worker_source.ts';",
				replace:
					'class RasterDEMTileWorkerSource {\n' +
					"    loadTile(): never { throw new Error('This build of MapLibre (the Sichuan Plan Atlas\\'s) leaves out raster-dem sources'); }\n" +
					'    removeTile(): void {}\n' +
					'}'
			}
		]
	},
	{
		file: 'ui/map.ts',
		drops:
			"3D terrain (its mesh, its tile cache, the render-to-texture pipeline) and MapLibre's attribution and logo controls",
		why:
			'The atlas is a flat map: it never calls setTerrain and its style has no terrain. It writes its own ' +
			'attribution (both languages) and makes its map with attributionControl: false, without the logo.',
		edits: [
			{
				find: "import {AttributionControl, type AttributionControlOptions, defaultAttributionControlOptions} from './control/attribution_control.ts';\n",
				replace:
					"import type {AttributionControlOptions} from './control/attribution_control.ts';\n" +
					'const defaultAttributionControlOptions: AttributionControlOptions = {};\n'
			},
			{ find: "import {LogoControl} from './control/logo_control.ts';\n", replace: '' },
			{
				find: "            this.addControl(new AttributionControl(typeof resolvedOptions.attributionControl === 'boolean' ? undefined : resolvedOptions.attributionControl));",
				replace:
					"            warnOnce('This build of MapLibre (the Sichuan Plan Atlas\\'s) leaves out the attribution control: write the attribution in the page.');"
			},
			{
				find: '            this.addControl(new LogoControl(), resolvedOptions.logoPosition);',
				replace:
					"            warnOnce('This build of MapLibre (the Sichuan Plan Atlas\\'s) leaves out the logo control.');"
			},
			{ find: "import {Terrain} from '../render/terrain.ts';\n", replace: '' },
			{
				find: "import {RenderToTexture} from '../webgl/render_to_texture.ts';\n",
				replace: "import type {Terrain} from '../render/terrain.ts';\n"
			},
			{
				find: '            this.terrain = new Terrain(',
				until: '            this._camera.setTerrain(this.terrain);',
				replace:
					"            throw new Error('This build of MapLibre (the Sichuan Plan Atlas\\'s) leaves out 3D terrain');\n"
			}
		]
	},
	{
		file: 'render/painter.ts',
		drops: 'the modules of the left-out layer types, which the painter imported for their type tests',
		why: 'Importing a layer module keeps its bucket and properties; the type test is a comparison of its name.',
		edits: LEFT_OUT_LAYERS.map(([file, type]) => ({
			find: `import {is${pascal(file)}StyleLayer} from '../style/style_layer/${file}_style_layer.ts';\n`,
			replace: `const is${pascal(file)}StyleLayer = (layer: {type: string}): boolean => layer.type === '${type}';\n`
		}))
	},
	{
		file: 'style/style.ts',
		drops: 'the raster layer module, imported for its type test',
		why: 'Importing the module keeps the raster layer and its properties; the type test is a comparison of its name.',
		edits: [
			{
				find: "import {isRasterStyleLayer} from './style_layer/raster_style_layer.ts';\n",
				replace: "const isRasterStyleLayer = (layer: {type: string}): boolean => layer.type === 'raster';\n"
			}
		]
	},
	{
		file: 'shaders/shaders.ts',
		drops: 'the GLSL of the left-out layer types, of terrain, of the atmosphere and of the globe projection',
		why: 'No program of theirs can be asked for (above); every shader the atlas draws with is kept.',
		edits: [
			...LEFT_OUT_SHADERS.flatMap(([key, frag, vert, fragFile, vertFile]) => [
				{ find: `import ${frag} from './glsl/${fragFile}.fragment.glsl.g.ts';\n`, replace: '' },
				{ find: `import ${vert} from './glsl/${vertFile}.vertex.glsl.g.ts';\n`, replace: '' },
				{ find: `    ${key}: prepare(${frag}, ${vert}),\n`, replace: '' }
			])
		]
	}
];

/** `code` with the patch's edits applied; throws, naming the edit, when one does not find its text exactly once. */
export function applyMaplibrePatch(code: string, patch: MaplibrePatch): string {
	let out = code;
	for (const edit of patch.edits) {
		const at = out.indexOf(edit.find);
		if (at < 0 || out.indexOf(edit.find, at + 1) >= 0) {
			throw new Error(
				`maplibre-subset: ${patch.file}: expected exactly one ${JSON.stringify(edit.find.slice(0, 80))}; ` +
					'MapLibre has changed, re-read the patch in scripts/vite/maplibre-subset.ts'
			);
		}
		let end = at + edit.find.length;
		if (edit.until !== undefined) {
			end = out.indexOf(edit.until, at);
			if (end < 0) {
				throw new Error(
					`maplibre-subset: ${patch.file}: ${JSON.stringify(edit.until)} not found after the edit's start`
				);
			}
		}
		out = out.slice(0, at) + edit.replace + out.slice(end);
	}
	return out;
}

const SOURCE = fileURLToPath(new URL('../../node_modules/maplibre-gl/src/', import.meta.url));

/** The plugin (in the page's build and the worker's): applies each patch to its file as Vite loads it. */
export function maplibreSubset(): Plugin {
	const byFile = new Map(MAPLIBRE_PATCHES.map((patch) => [SOURCE + patch.file, patch]));
	return {
		name: 'atlas:maplibre-subset',
		enforce: 'pre',
		transform(code, id) {
			const patch = byFile.get(id); // not `…?worker&url`, Vite's wrapper that names the worker
			return patch ? { code: applyMaplibrePatch(code, patch), map: null } : null;
		}
	};
}
