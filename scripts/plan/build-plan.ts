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
import { KINDS, METRICS, UNITS } from '../../src/lib/data/vocab.ts';
import {
	planPropertiesSchema,
	type Citation,
	type Figure,
	type Industry,
	type PlanProperties
} from '../../src/lib/data/plan-schema.ts';
import { BaseGeography } from './base-geography.ts';
import { normaliseForQuote, SeedIndex } from './seed-quotes.ts';
import {
	citeOnlySchema,
	sourceFeatureSchema,
	sourceFileSchema,
	type CiteOnly,
	type Group,
	type NamedItem,
	type NotMapped,
	type SourceFeature,
	type SourceGeometry
} from './source-schema.ts';

/** A published feature; areas also keep the county codes they are the union of (used by the atlas's compact file). */
export type PlanFeature = Feature<Geometry, PlanProperties> & { members?: string[] };

export interface PlanBuild {
	features: PlanFeature[];
	notMapped: (NotMapped & { file: string })[];
	/** The completeness checklist of every file, each item with the document it was read in. */
	namedItems: (NamedItem & { file: string; seed: string })[];
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
	const namedItems: PlanBuild['namedItems'] = [];
	const groups: { file: string; group: Group }[] = [];

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
		for (const item of parsed.data.named_items) namedItems.push({ ...item, file, seed: parsed.data.document });
		for (const group of parsed.data.groups) groups.push({ file, group });
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

	for (const { file, group } of groups) attachGroup(ctx, file, group, full);

	const features: PlanFeature[] = [];
	for (const { file, record } of full.values()) {
		const f = toFeature(ctx, file, record);
		if (f) features.push(f);
	}
	features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
	checkNamedItems(ctx, namedItems, full, notMapped);
	return { features, notMapped, namedItems, errors: ctx.errors };
}

/** Shows a group's statement on each member, marked as the group's; a member must not also claim it as its own. */
function attachGroup(ctx: Context, file: string, g: Group, full: Map<string, { record: SourceFeature }>) {
	const label = `${file} group "${g.id}"`;
	for (const c of g.sources) checkCitation(ctx, label, c);
	for (const i of g.industries) checkIndustryWords(ctx, label, i, g.sources);
	const ref = { id: g.id, name_zh: g.name_zh, name_en: g.name_en };
	for (const id of g.members) {
		const member = full.get(id)?.record;
		if (!member) {
			ctx.errors.push(`${label}: member "${id}" is not a feature`);
			continue;
		}
		for (const i of g.industries) {
			if (member.industries.some((x) => !x.group && x.text_zh === i.text_zh))
				ctx.errors.push(
					`${label}: member "${id}" lists the group's words "${i.text_zh}" as its own; the statement is about the group — keep it on the group only`
				);
			member.industries.push({ ...i, group: ref });
		}
	}
}

/** Every checklist item resolves: to a feature that cites the document, or to a not_mapped entry at that line. */
function checkNamedItems(
	ctx: Context,
	items: PlanBuild['namedItems'],
	full: Map<string, { record: SourceFeature }>,
	notMapped: PlanBuild['notMapped']
) {
	for (const item of items) {
		const label = `${item.file} named item "${item.name}" (line ${item.line})`;
		if (!ctx.seeds.windowAt(item.seed, item.line).includes(normaliseForQuote(item.name)))
			ctx.errors.push(`${label}: the name is not in ${item.seed} near that line`);
		if (!!item.feature === !!item.not_mapped) {
			ctx.errors.push(`${label}: give either "feature" (the id that maps it) or "not_mapped": true`);
			continue;
		}
		if (item.feature) {
			const f = full.get(item.feature)?.record;
			if (!f) ctx.errors.push(`${label}: no feature "${item.feature}"`);
			else if (!f.sources.some((s) => s.seed === item.seed))
				ctx.errors.push(`${label}: feature "${item.feature}" does not cite ${item.seed}`);
		} else if (!notMapped.some((n) => n.seed === item.seed && Math.abs(n.line - item.line) <= NEAR_LINES))
			ctx.errors.push(`${label}: no not_mapped entry within ${NEAR_LINES} lines says why it is not mapped`);
	}
}

/** How far (in lines) a checklist item may stand from the not_mapped entry that accounts for it. */
const NEAR_LINES = 3;

/** The plan's own words only: an industry's text must stand in one of the passages the feature cites. */
function checkIndustryWords(ctx: Context, label: string, i: Industry, sources: Citation[]) {
	const words = normaliseForQuote(i.text_zh);
	if (!sources.some((c) => ctx.seeds.windowAt(c.seed, c.line).includes(words)))
		ctx.errors.push(
			`${label}: industry "${i.text_zh}" is not in any passage the feature cites; industries are the plan's own words from a cited passage`
		);
}

/**
 * Placement honesty: the basis must fit the precision and the geometry, and a public fact carries its confidence.
 * (Explicit points are also checked to lie inside their county in resolveGeometry.)
 */
function checkLocation(r: SourceFeature, err: (m: string) => void) {
	const { precision, basis, confidence, ref } = r.location;
	const atSeat = 'seat' in r.geometry;
	if (basis === 'public' && !confidence) err('location.basis "public" needs location.confidence ("high" or "medium")');
	if (basis !== 'public' && confidence) err(`location.confidence is only for basis "public", not "${basis}"`);
	if (ref && basis !== 'public') err(`location.ref (a confirming page) is only for basis "public", not "${basis}"`);
	if (basis === 'seat' && !atSeat) err('location.basis "seat" means the feature stands at a seat: use {"seat": code}');
	if (atSeat && basis === 'plan')
		err(
			'placed at a seat with basis "plan": a text that names only the county is basis "seat"; one that names the site is site/town precision'
		);
	if (['site', 'town'].includes(precision) && basis === 'seat')
		err(`precision "${precision}" cannot rest on basis "seat"`);
}

/** A figure's period: a year, a year range, or `unspecified` (shown in the reader's language). */
const PERIOD = /^(\d{4}(-\d{4})?|unspecified)$/;

function toFeature(ctx: Context, file: string, r: SourceFeature): PlanFeature | null {
	const label = `${file} "${r.id}" (${r.name_zh})`;
	const before = ctx.errors.length;
	const err = (msg: string) => ctx.errors.push(`${label}: ${msg}`);
	for (const c of r.sources) checkCitation(ctx, label, c);
	for (const f of r.figures) {
		checkCitation(ctx, `${label} figure ${f.metric}`, f.source);
		if (!UNITS[f.unit]) err(`figure ${f.metric}: unit "${f.unit}" is not in data/vocab/units.json`);
		if (!METRICS[f.metric]?.zh || !METRICS[f.metric]?.en)
			err(`figure metric "${f.metric}" is not in data/vocab/metrics.json (add its zh and en names)`);
		if (!PERIOD.test(f.period))
			err(
				`figure ${f.metric}: period "${f.period}" is not a year, a year range or "unspecified" (readers see it as is)`
			);
	}
	const cited = [...r.sources, ...r.figures.map((f) => f.source)];
	for (const i of r.industries) if (!i.group) checkIndustryWords(ctx, label, i, cited);
	checkLocation(r, err);
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
