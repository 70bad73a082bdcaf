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

export const sourceFileSchema = z.strictObject({
	document: citationSchema.shape.seed,
	features: z.array(z.unknown()),
	not_mapped: z._default(z.array(notMappedSchema), [])
});

export type SourceGeometry = z.infer<typeof sourceGeometrySchema>;
export type SourceFeature = z.infer<typeof sourceFeatureSchema>;
export type CiteOnly = z.infer<typeof citeOnlySchema>;
export type NotMapped = z.infer<typeof notMappedSchema>;
