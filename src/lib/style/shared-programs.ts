/**
 * One GL program per layer type in the first view (issue 12: the first frame under software WebGL).
 *
 * MapLibre compiles a program for each layer type and each set of paint properties that vary by feature (those become
 * vertex attributes; the rest are uniforms), and a property that varies by feature and by zoom takes a wider attribute,
 * another program again. Software WebGL (SwiftShader: what weak office PCs, remote desktops and headless browsers run)
 * turns a program into machine code the first time it draws, not when it is linked: ~20 ms each for a small shader
 * (scripts/bench/first-draw.ts), more for MapLibre's. The atlas's first frame drew with 18 programs. Here the layers of
 * a type share one attribute layout: every shared paint value is written as a zoom curve of per-feature values that
 * gives the same value (`perFeatureAndZoom`), so a layer draws with its data-driven siblings' program. The first view
 * now draws with 9. The picture is the same (no pixel differs by more than 1 of 765, summed RGB); the vertex buffers carry a few more attributes.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * The paint properties made per-feature for each layer type, and the style spec's default for each (used when a
 * layer leaves the property out). `fill-outline-color` defaults to the fill colour: `null` says so.
 */
export const SHARED_PAINT = {
	fill: { 'fill-color': '#000000', 'fill-opacity': 1, 'fill-outline-color': null },
	line: { 'line-color': '#000000', 'line-width': 1, 'line-opacity': 1 },
	circle: {
		'circle-color': '#000000',
		'circle-radius': 5,
		'circle-opacity': 1,
		'circle-stroke-color': '#000000',
		'circle-stroke-width': 0,
		'circle-stroke-opacity': 1
	},
	symbol: { 'text-color': '#000000', 'text-opacity': 1 }
} as const satisfies Record<string, Record<string, string | number | null>>;

/** A test no feature passes or fails by its data: `['has', …]` of a property no atlas feature has. */
const PER_FEATURE: ExpressionSpecification = ['has', 'atlas:same-for-every-feature'];

/** Operators whose value depends on the feature (MapLibre then binds the property as a vertex attribute). */
const FEATURE_OPERATORS = new Set(['get', 'has', 'feature-state', 'geometry-type', 'id', 'properties']);

/** Whether `value` (a paint value: literal or expression) varies by feature. */
export function variesByFeature(value: unknown): boolean {
	if (!Array.isArray(value)) return false;
	if (value[0] === 'literal') return false;
	if (typeof value[0] === 'string' && FEATURE_OPERATORS.has(value[0])) return true;
	return value.some(variesByFeature);
}

/** Whether `value` is a zoom curve (`interpolate` or `step` on `['zoom']`), the only place `zoom` may be. */
function isZoomCurve(value: unknown): value is unknown[] {
	return (
		Array.isArray(value) &&
		(value[0] === 'interpolate' || value[0] === 'step') &&
		Array.isArray(value[value[0] === 'step' ? 1 : 2]) &&
		(value[value[0] === 'step' ? 1 : 2] as unknown[])[0] === 'zoom'
	);
}

/** `value` as a per-feature expression with the same result for every feature (a zoom curve keeps its stops). */
export function perFeature(value: unknown): unknown {
	if (variesByFeature(value)) return value;
	if (isZoomCurve(value)) {
		// interpolate: [op, interpolation, input, z0, v0, z1, v1, …]; step: [op, input, v0, z1, v1, …]
		const firstOutput = value[0] === 'step' ? 2 : 4;
		return value.map((part, i) => (i >= firstOutput && (i - firstOutput) % 2 === 0 ? perFeature(part) : part));
	}
	return ['case', PER_FEATURE, value, value];
}

/**
 * `value` as a zoom curve of per-feature values. MapLibre stores a property that varies by feature and by zoom in a
 * wider attribute than one that varies by feature only, and the two make different programs: every shared property
 * is made the first kind (a flat curve when it does not change with zoom).
 */
export function perFeatureAndZoom(value: unknown): unknown {
	const shared = perFeature(value);
	if (isZoomCurve(shared)) return shared;
	return ['interpolate', ['linear'], ['zoom'], 0, shared, 24, shared];
}

/** `layer` drawn with its type's shared program (other layers are returned as they are). */
export function shareProgram(layer: LayerSpecification): LayerSpecification {
	if (!(layer.type in SHARED_PAINT)) return layer;
	const shared = SHARED_PAINT[layer.type as keyof typeof SHARED_PAINT] as Record<string, string | number | null>;
	const paint: Record<string, unknown> = { ...(layer as { paint?: Record<string, unknown> }).paint };
	for (const [key, fallback] of Object.entries(shared)) {
		const value = paint[key] ?? fallback ?? paint['fill-color'] ?? SHARED_PAINT.fill['fill-color'];
		paint[key] = perFeatureAndZoom(value);
	}
	return { ...layer, paint } as LayerSpecification;
}
