/**
 * Validates the hand-written plan features (data/plan/*.json) and turns them into the published
 * FeatureCollection: references resolved to geometry, citation records merged, figures normalised.
 * Every problem is collected with the file and feature it concerns, so one run shows them all.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, Geometry, LineString, Position } from 'geojson';
import { formatIssues } from '../../src/lib/data/zod.ts';
import { KINDS, UNITS } from '../../src/lib/data/vocab.ts';
import {
	planPropertiesSchema,
	type Citation,
	type Figure,
	type PlanProperties
} from '../../src/lib/data/plan-schema.ts';
import { BaseGeography } from './base-geography.ts';
import { SeedIndex } from './seed-quotes.ts';
import {
	citeOnlySchema,
	sourceFeatureSchema,
	sourceFileSchema,
	type CiteOnly,
	type NotMapped,
	type SourceFeature,
	type SourceGeometry
} from './source-schema.ts';

/** A published feature; areas also keep the county codes they are the union of (used by the atlas's compact file). */
export type PlanFeature = Feature<Geometry, PlanProperties> & { members?: string[] };

export interface PlanBuild {
	features: PlanFeature[];
	notMapped: (NotMapped & { file: string })[];
	errors: string[];
}

interface Context {
	base: BaseGeography;
	seeds: SeedIndex;
	errors: string[];
}

export function buildPlan(files: string[], base = new BaseGeography(), seeds = new SeedIndex()): PlanBuild {
	const ctx: Context = { base, seeds, errors: [] };
	const full = new Map<string, { file: string; record: SourceFeature }>();
	const citeOnly: { file: string; record: CiteOnly }[] = [];
	const notMapped: PlanBuild['notMapped'] = [];

	for (const path of files) {
		const file = basename(path);
		let raw: unknown;
		try {
			raw = JSON.parse(readFileSync(path, 'utf8'));
		} catch (e) {
			ctx.errors.push(`${file}: not valid JSON (${(e as Error).message})`);
			continue;
		}
		const parsed = sourceFileSchema.safeParse(raw);
		if (!parsed.success) {
			ctx.errors.push(`${file}: ${formatIssues(parsed.error.issues)}`);
			continue;
		}
		for (const nm of parsed.data.not_mapped) {
			checkCitation(ctx, `${file} not_mapped`, nm);
			notMapped.push({ ...nm, file });
		}
		parsed.data.features.forEach((item, i) => {
			const label = `${file} feature #${i + 1}${idOf(item)}`;
			if ((item as { cite_only?: boolean }).cite_only) {
				const r = citeOnlySchema.safeParse(item);
				if (!r.success) ctx.errors.push(`${label}: ${formatIssues(r.error.issues)}`);
				else citeOnly.push({ file, record: r.data });
				return;
			}
			const r = sourceFeatureSchema.safeParse(item);
			if (!r.success) return void ctx.errors.push(`${label}: ${formatIssues(r.error.issues)}`);
			const previous = full.get(r.data.id);
			if (previous) {
				ctx.errors.push(
					`${label}: id "${r.data.id}" is already defined in ${previous.file}; make one a cite_only record`
				);
				return;
			}
			full.set(r.data.id, { file, record: r.data });
		});
	}

	for (const { file, record } of citeOnly) {
		const target = full.get(record.id);
		if (!target) {
			ctx.errors.push(`${file} cite_only "${record.id}": no full record with that id`);
			continue;
		}
		const t = target.record;
		t.sources.push(...record.sources);
		t.aliases = unique([...t.aliases, ...(record.aliases ?? [])]);
		t.industries.push(
			...(record.industries ?? []).filter(
				(i) => !t.industries.some((x) => x.category === i.category && x.text_zh === i.text_zh)
			)
		);
		t.figures.push(...(record.figures ?? []));
		t.status ??= record.status;
	}

	const features: PlanFeature[] = [];
	for (const { file, record } of full.values()) {
		const f = toFeature(ctx, file, record);
		if (f) features.push(f);
	}
	features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
	return { features, notMapped, errors: ctx.errors };
}

function toFeature(ctx: Context, file: string, r: SourceFeature): PlanFeature | null {
	const label = `${file} "${r.id}" (${r.name_zh})`;
	const before = ctx.errors.length;
	const err = (msg: string) => ctx.errors.push(`${label}: ${msg}`);
	for (const c of r.sources) checkCitation(ctx, label, c);
	for (const f of r.figures) {
		checkCitation(ctx, `${label} figure ${f.metric}`, f.source);
		if (!UNITS[f.unit]) err(`figure ${f.metric}: unit "${f.unit}" is not in data/vocab/units.json`);
	}
	for (const c of [r.county_code, r.prefecture_code, r.home_prefecture_code]) {
		if (c && !ctx.base.expand(c)) err(`code ${c} is neither a Sichuan county nor a prefecture`);
	}
	if (r.county_code && !ctx.base.counties.has(r.county_code)) err(`county_code ${r.county_code} is not a county`);
	if (r.prefecture_code && !ctx.base.isPrefecture(r.prefecture_code))
		err(`prefecture_code ${r.prefecture_code} is not a prefecture`);
	if (r.county_code && r.prefecture_code && r.county_code.slice(0, 4) !== r.prefecture_code.slice(0, 4)) {
		err(`county_code ${r.county_code} is not in prefecture_code ${r.prefecture_code}`);
	}
	const geometry = resolveGeometry(ctx, r, err);
	if (ctx.errors.length > before || !geometry) return null;
	const { geometry: _source, ...props } = r;
	const properties = planPropertiesSchema.parse({ ...props, figures: r.figures.map(normaliseFigure), file });
	const members = 'counties' in r.geometry ? expandMembers(ctx, r.geometry.counties) : undefined;
	return { type: 'Feature', id: r.id, properties, geometry, ...(members && { members }) };
}

function resolveGeometry(ctx: Context, r: SourceFeature, err: (m: string) => void): Geometry | null {
	const want = KINDS[r.kind].geometry;
	const g: SourceGeometry = r.geometry;
	const { precision } = r.location;
	if ('type' in g && g.type === 'Point') {
		if (want !== 'Point') return (err(`kind ${r.kind} needs ${want} geometry, not a Point`), null);
		if (!['site', 'town'].includes(precision))
			err(`explicit coordinates claim site/town precision, not "${precision}"; use {"seat": code} instead`);
		if (!r.county_code) return (err('an explicit point needs county_code'), null);
		const county = ctx.base.counties.get(r.county_code);
		if (county && !booleanPointInPolygon(point(g.coordinates), county)) {
			err(`point ${g.coordinates.join(',')} is not inside ${ctx.base.nameOf(r.county_code)} (${r.county_code})`);
		}
		return g;
	}
	if ('seat' in g) {
		if (want !== 'Point') return (err(`kind ${r.kind} needs ${want} geometry, not a seat`), null);
		const seat = ctx.base.seats.get(g.seat);
		if (!seat) return (err(`no seat for code ${g.seat}`), null);
		const isPref = ctx.base.isPrefecture(g.seat);
		if (precision !== (isPref ? 'prefecture' : 'county'))
			err(
				`a ${isPref ? 'prefecture' : 'county'} seat has precision "${isPref ? 'prefecture' : 'county'}", not "${precision}"`
			);
		if (!isPref && r.county_code !== g.seat) err(`placed at the seat of ${g.seat} but county_code is ${r.county_code}`);
		return seat.geometry;
	}
	if ('counties' in g) {
		if (want !== 'Area') return (err(`kind ${r.kind} needs ${want} geometry, not an area`), null);
		for (const c of g.counties) if (!ctx.base.expand(c)) err(`area member ${c} is not a Sichuan county or prefecture`);
		const members = expandMembers(ctx, g.counties);
		return members.length ? ctx.base.union(members) : null;
	}
	if (want !== 'LineString') return (err(`kind ${r.kind} needs ${want} geometry, not a line`), null);
	if ('via' in g) {
		const coordinates: Position[] = [];
		for (const v of g.via) {
			if (typeof v !== 'string') coordinates.push(v);
			else {
				const seat = ctx.base.seats.get(v);
				if (!seat) err(`line vertex ${v} has no seat`);
				else coordinates.push(seat.geometry.coordinates);
			}
		}
		return { type: 'LineString', coordinates } satisfies LineString;
	}
	return g as LineString;
}

/** The county codes an area's member list stands for (prefectures and 510000 expanded), sorted, unique. */
function expandMembers(ctx: Context, codes: string[]): string[] {
	return unique(codes.flatMap((c) => ctx.base.expand(c) ?? [])).sort();
}

function checkCitation(ctx: Context, label: string, c: Citation) {
	const problem = ctx.seeds.checkQuote(c.seed, c.line, c.quote);
	if (problem) ctx.errors.push(`${label}: ${problem}`);
}

/** Adds the normalised value (data/vocab/units.json) beside the value as written. */
export function normaliseFigure(f: Figure): Figure {
	const u = UNITS[f.unit];
	if (!u) return f;
	return { ...f, value_normalised: Math.round(f.value * u.factor * 1e6) / 1e6, unit_normalised: u.unit };
}

function idOf(item: unknown): string {
	const id = (item as { id?: unknown })?.id;
	return typeof id === 'string' ? ` "${id}"` : '';
}

function unique<T>(xs: T[]): T[] {
	return [...new Set(xs)];
}
