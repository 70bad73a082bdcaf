/**
 * The hand-written source form of plan features (data/plan/*.json), documented in data/README.md.
 * Geometry may be explicit GeoJSON or a reference the build resolves from the base geography.
 */
import { z } from '../../src/lib/data/zod.ts';
import {
	citationSchema,
	featureCoreShape,
	figureSchema,
	industrySchema,
	STATUSES
} from '../../src/lib/data/plan-schema.ts';

const lngLat = z.tuple([z.number().check(z.gte(70), z.lte(140)), z.number().check(z.gte(15), z.lte(55))]);
const code = z.string().check(z.regex(/^\d{6}$/));

export const sourceGeometrySchema = z.union([
	z.strictObject({ type: z.literal('Point'), coordinates: lngLat }),
	z.strictObject({ type: z.literal('LineString'), coordinates: z.array(lngLat).check(z.minLength(2)) }),
	z.strictObject({ seat: code }),
	z.strictObject({ counties: z.array(code).check(z.minLength(1)) }),
	z.strictObject({ via: z.array(z.union([code, lngLat])).check(z.minLength(2)) })
]);

export const sourceFeatureSchema = z.strictObject({ ...featureCoreShape, geometry: sourceGeometrySchema });

export const citeOnlySchema = z.strictObject({
	id: featureCoreShape.id,
	cite_only: z.literal(true),
	sources: z.array(citationSchema).check(z.minLength(1)),
	aliases: z.optional(z.array(z.string())),
	industries: z.optional(z.array(industrySchema)),
	figures: z.optional(z.array(figureSchema)),
	status: z.optional(z.enum(STATUSES))
});

export const notMappedSchema = z.strictObject({
	seed: citationSchema.shape.seed,
	line: z.number().check(z.int(), z.positive()),
	quote: z.string().check(z.minLength(2)),
	why: z.string().check(z.minLength(3))
});

/**
 * A statement the plan makes about a group of features as a whole ("依托飞地园区…"): modelled once here; the build
 * shows it on each member as shared by the group, never as the member's own.
 */
export const groupSchema = z.strictObject({
	id: featureCoreShape.id,
	name_zh: z.string().check(z.minLength(1)),
	name_en: z.string().check(z.minLength(1)),
	members: z.array(featureCoreShape.id).check(z.minLength(2)),
	industries: z.array(industrySchema).check(z.minLength(1)),
	sources: z.array(citationSchema).check(z.minLength(1))
});

/**
 * One named, locatable item a reader found in the document (the completeness checklist): resolved either to the
 * feature that maps it or to a `not_mapped` entry at that line. The coverage report counts them.
 */
export const namedItemSchema = z.strictObject({
	line: z.number().check(z.int(), z.positive()),
	name: z.string().check(z.minLength(2)),
	feature: z.optional(featureCoreShape.id),
	not_mapped: z.optional(z.literal(true))
});

export const sourceFileSchema = z.strictObject({
	document: citationSchema.shape.seed,
	features: z.array(z.unknown()),
	groups: z._default(z.array(groupSchema), []),
	not_mapped: z._default(z.array(notMappedSchema), []),
	named_items: z._default(z.array(namedItemSchema), [])
});

export type SourceGeometry = z.infer<typeof sourceGeometrySchema>;
export type SourceFeature = z.infer<typeof sourceFeatureSchema>;
export type CiteOnly = z.infer<typeof citeOnlySchema>;
export type NotMapped = z.infer<typeof notMappedSchema>;
export type Group = z.infer<typeof groupSchema>;
export type NamedItem = z.infer<typeof namedItemSchema>;
