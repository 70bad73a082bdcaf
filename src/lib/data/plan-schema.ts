/**
 * Schema of a plan feature as published in static/data/plan.geojson (see README "Plan data").
 * The data build validates every feature with it; the browser loader validates again, so a broken file
 * gives a clear message instead of a broken map.
 */
import { z } from './zod';
import { CATEGORY_IDS, KIND_IDS, LAYER_IDS } from './vocab';

export const SEED_FILES = [
	'000_c35a7d169af5c8ce.txt',
	'001_55df6d3e76e1ea5d.txt',
	'002_e4ab183add4b6fba.txt',
	'003_734b95398a35004a.txt',
	'004_c8741b4fbcaab071.txt'
] as const;

const code = z.string().check(z.regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 code'));
const text = z.string().check(z.minLength(1));

export const citationSchema = z.strictObject({
	seed: z.enum(SEED_FILES),
	line: z.number().check(z.int(), z.positive()),
	quote: z.string().check(z.minLength(2))
});

/** A group of features a plan statement is about as a whole ("依托飞地园区…"): named once, shown as "shared by …". */
export const groupRefSchema = z.strictObject({ id: text, name_zh: text, name_en: text });

export const industrySchema = z.strictObject({
	category: z.enum(CATEGORY_IDS as [string, ...string[]]),
	text_zh: text,
	/** Set when the plan says this of a group the feature belongs to, not of the feature itself. */
	group: z.optional(groupRefSchema)
});

export const figureSchema = z.strictObject({
	metric: text,
	value: z.number(),
	unit: text,
	value_normalised: z.optional(z.number()),
	unit_normalised: z.optional(z.string()),
	period: text,
	kind: z.enum(['baseline', 'target', 'planned', 'capacity', 'investment']),
	binding: z.optional(z.boolean()),
	source: citationSchema
});

export const STATUSES = ['existing', 'expanding', 'under_construction', 'to_start', 'study', 'planned'] as const;
export const PRECISIONS = ['site', 'town', 'county', 'prefecture', 'schematic'] as const;

/**
 * What a placement rests on: `plan` (the text gives the place), `name` (the feature's own name gives it), `public`
 * (a well-known public fact the plan does not state; with a confidence and, where a page confirms it, its address) or
 * `seat` (nothing better is known: the seat of the county or prefecture the text names stands in).
 */
export const BASES = ['plan', 'name', 'public', 'seat'] as const;
export const CONFIDENCES = ['high', 'medium'] as const;

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]{2}/;

export const locationSchema = z.strictObject({
	precision: z.enum(PRECISIONS),
	basis: z.enum(BASES),
	confidence: z.optional(z.enum(CONFIDENCES)),
	ref: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/, 'expected the address of a public page'))),
	note_zh: z.string().check(z.minLength(3), z.regex(CJK, 'expected a Chinese note')),
	note_en: z.string().check(z.minLength(3), z.regex(LATIN, 'expected an English note'))
});

/** Properties shared by the hand-written source form and the published form. */
export const featureCoreShape = {
	id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lowercase ASCII words joined by hyphens')),
	name_zh: text,
	name_en: text,
	aliases: z._default(z.array(text), []),
	kind: z.enum(KIND_IDS as [string, ...string[]]),
	layers: z.array(z.enum(LAYER_IDS as [string, ...string[]])).check(z.minLength(1)),
	county_code: z.nullable(code),
	prefecture_code: z.nullable(code),
	home_prefecture_code: z.optional(code),
	industries: z._default(z.array(industrySchema), []),
	figures: z._default(z.array(figureSchema), []),
	status: z.optional(z.enum(STATUSES)),
	sources: z.array(citationSchema).check(z.minLength(1)),
	location: locationSchema
};

export const planPropertiesSchema = z.strictObject({
	...featureCoreShape,
	/** Which data/plan file the record came from (for the coverage report and error messages). */
	file: z.string()
});

export type Citation = z.infer<typeof citationSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type Location = z.infer<typeof locationSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type PlanProperties = z.infer<typeof planPropertiesSchema>;

/**
 * The map file (static/data/plan-map.json): what the first view draws, and nothing more — names for labels, kind and
 * layers for colour and visibility, the places a feature stands in, its status, and how precisely it is placed. The
 * full records (sources, quotes, industries, figures, placement notes) follow in plan-atlas.json once the map is up.
 */
export const planMapPropertiesSchema = z.strictObject({
	id: featureCoreShape.id,
	name_zh: text,
	name_en: text,
	kind: featureCoreShape.kind,
	layers: featureCoreShape.layers,
	county_code: featureCoreShape.county_code,
	prefecture_code: featureCoreShape.prefecture_code,
	home_prefecture_code: featureCoreShape.home_prefecture_code,
	status: featureCoreShape.status,
	location: z.strictObject({ precision: z.enum(PRECISIONS), basis: z.enum(BASES) })
});

export type PlanMapProperties = z.infer<typeof planMapPropertiesSchema>;

/** A full record's map properties (the map file is made with this, so the two files cannot disagree). */
export function planMapProperties(p: PlanProperties): PlanMapProperties {
	return {
		id: p.id,
		name_zh: p.name_zh,
		name_en: p.name_en,
		kind: p.kind,
		layers: p.layers,
		county_code: p.county_code,
		prefecture_code: p.prefecture_code,
		...(p.home_prefecture_code ? { home_prefecture_code: p.home_prefecture_code } : {}),
		...(p.status ? { status: p.status } : {}),
		location: { precision: p.location.precision, basis: p.location.basis }
	};
}
