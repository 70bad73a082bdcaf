/**
 * Guided tours (presentation mode): curated sequences of views, each with a title and a verbatim quote from a plan.
 * Written by hand in data/tours/tours.json, checked and published by scripts/tours/tours.json.ts, loaded by tours.ts.
 */
import { z } from '../../data/zod';
import { CATEGORY_IDS } from '../../data/vocab';
import { ALL_LAYER_IDS } from '../plan/layer-defaults';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const tourStepSchema = z.strictObject({
	title_zh: z.string().check(z.minLength(1), z.maxLength(40)),
	title_en: z.string().check(z.minLength(1), z.maxLength(80)),
	/** Verbatim from the seed, near `source.line`. */
	quote: z.string().check(z.minLength(4), z.maxLength(400)),
	/** A faithful translation of the quote. */
	caption_en: z.string().check(z.minLength(4), z.maxLength(800)),
	source: z.strictObject({
		file: z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/)),
		line: z.int().check(z.gte(1))
	}),
	view: z.strictObject({
		center: z.tuple([z.number().check(z.gte(97), z.lte(109)), z.number().check(z.gte(26), z.lte(35))]),
		zoom: z.number().check(z.gte(4), z.lte(12))
	}),
	layers: z.array(z.enum(ALL_LAYER_IDS as [string, ...string[]])),
	selected: z.nullable(z.string().check(z.regex(SLUG))),
	filter: z.array(z.enum(CATEGORY_IDS as [string, ...string[]]))
});

export const tourSchema = z.strictObject({
	id: z.string().check(z.regex(SLUG)),
	title_zh: z.string().check(z.minLength(1)),
	title_en: z.string().check(z.minLength(1)),
	steps: z.array(tourStepSchema).check(z.minLength(1), z.maxLength(99))
});

export const toursFileSchema = z.object({
	tours: z.array(tourSchema).check(z.minLength(1))
});

export type TourStep = z.infer<typeof tourStepSchema>;
export type Tour = z.infer<typeof tourSchema>;
