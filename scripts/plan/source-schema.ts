/**
 * The hand-written source form of plan features (data/plan/*.json), documented in data/README.md.
 * Geometry may be explicit GeoJSON or a reference the build resolves from the base geography.
 */
import { z } from 'zod';
import {
	citationSchema,
	featureCoreShape,
	figureSchema,
	industrySchema,
	STATUSES
} from '../../src/lib/data/plan-schema.ts';

const lngLat = z.tuple([z.number().min(70).max(140), z.number().min(15).max(55)]);
const code = z.string().regex(/^\d{6}$/);

export const sourceGeometrySchema = z.union([
	z.strictObject({ type: z.literal('Point'), coordinates: lngLat }),
	z.strictObject({ type: z.literal('LineString'), coordinates: z.array(lngLat).min(2) }),
	z.strictObject({ seat: code }),
	z.strictObject({ counties: z.array(code).min(1) }),
	z.strictObject({ via: z.array(z.union([code, lngLat])).min(2) })
]);

export const sourceFeatureSchema = z.strictObject({ ...featureCoreShape, geometry: sourceGeometrySchema });

export const citeOnlySchema = z.strictObject({
	id: featureCoreShape.id,
	cite_only: z.literal(true),
	sources: z.array(citationSchema).min(1),
	aliases: z.array(z.string()).optional(),
	industries: z.array(industrySchema).optional(),
	figures: z.array(figureSchema).optional(),
	status: z.enum(STATUSES).optional()
});

export const notMappedSchema = z.strictObject({
	seed: citationSchema.shape.seed,
	line: z.number().int().positive(),
	quote: z.string().min(2),
	why: z.string().min(3)
});

export const sourceFileSchema = z.strictObject({
	document: citationSchema.shape.seed,
	features: z.array(z.unknown()),
	not_mapped: z.array(notMappedSchema).default([])
});

export type SourceGeometry = z.infer<typeof sourceGeometrySchema>;
export type SourceFeature = z.infer<typeof sourceFeatureSchema>;
export type CiteOnly = z.infer<typeof citeOnlySchema>;
export type NotMapped = z.infer<typeof notMappedSchema>;
