/**
 * The plans' main-indicator tables as data (data/indicators/<seed>.json, published as static/data/indicators.json):
 * one row per indicator, every cell kept as the table writes it (`raw`), each row citing the seed line it is on.
 */
import { z } from '../data/zod';

const text = z.string().check(z.minLength(1), z.maxLength(400));

/** One cell of a row: the year (or plan period) it is for and the value exactly as the table writes it. */
export const IndicatorValueSchema = z.object({
	year: z.number().check(z.int(), z.gte(2000), z.lte(2060)),
	raw: z.string().check(z.minLength(1), z.maxLength(80)),
	/** Set when the table says the value is for a whole plan period ("十三五"期 / "十四五"期). */
	period: z.optional(z.enum(['十三五', '十四五']))
});

/** A later target stated in another passage (the 碳达峰 opinion's 2030 targets). */
export const LaterValueSchema = z.extend(IndicatorValueSchema, {
	line: z.number().check(z.int(), z.gte(1)),
	quote: text
});

export const IndicatorRowSchema = z.object({
	id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
	category_zh: text,
	category_en: text,
	indicator_zh: text,
	indicator_en: text,
	/** The unit as the table writes it (亿元, %, 家 …), null when the table gives none. */
	unit: z.nullable(z.string()),
	/** 约束性 (binding) or 预期性 (expected), when the table says. */
	binding: z.optional(z.enum(['binding', 'expected'])),
	/** The seed line the row is on, and the exact text quoted from it. */
	line: z.number().check(z.int(), z.gte(1)),
	quote: text,
	baseline: z.optional(IndicatorValueSchema),
	/** An intermediate year (阿坝's 2023 column). */
	milestone: z.optional(IndicatorValueSchema),
	target: IndicatorValueSchema,
	later: z.optional(LaterValueSchema)
});

export const IndicatorTableSchema = z.object({
	seed: z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/)),
	title_zh: text,
	title_en: text,
	table_zh: text,
	table_en: text,
	/** The line of the table's heading. */
	tableLine: z.number().check(z.int(), z.gte(1)),
	/** The document is a draft (征求意见稿). */
	draft: z.boolean(),
	/** The county, prefecture or plan area the targets are for (prefecture-513300, economic-region-panxi …). */
	placeId: z.string().check(z.regex(/^(prefecture|county)-\d{6}$|^[a-z0-9-]+$/)),
	rows: z.array(IndicatorRowSchema).check(z.minLength(1))
});

export const IndicatorFileSchema = z.object({ tables: z.array(IndicatorTableSchema) });

export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;
export type IndicatorFile = z.infer<typeof IndicatorFileSchema>;
