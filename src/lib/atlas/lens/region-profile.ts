/**
 * A region's profile, led by industries: which industry categories the features planned in a county, prefecture,
 * economic region or plan area plan (ranked by how many features), in the plans' own words, with the features and
 * their sources; then the figures summed by metric and unit, each sum with the features in it; then the list by kind.
 * Pure and tested (region-profile.test.ts); the panel and `atlas.query.profile` use it.
 */
import type { Citation } from '$lib/data/plan-schema';
import { summariseByKind, type AreaHit, type KindSummary } from '$lib/geo/features-in-area';
import { familyOf } from '$lib/style/plan-palette';
import { METRICS } from '$lib/data/vocab';

export interface ProfileIndustry {
	category: string;
	/** How many features plan it here. */
	count: number;
	ids: string[];
	/** The plans' words for it (text_zh), each once, in the order first met. */
	words: string[];
	/** Names of groups whose shared statement is among these (a statement about a group belongs to the group). */
	groups: string[];
	/** Every citation of those features, each once. */
	sources: Citation[];
}

export interface ProfileFigure {
	metric: string;
	/** The normalised unit the sum is in (MW, million CNY, km² …). */
	unit: string;
	/** capacity / planned / investment: what the features have or will have (targets and baselines are not summed). */
	kind: string;
	sum: number;
	ids: string[];
}

export interface ProfileCapacity {
	/** Kind family (hydro, solar, wind …) of the features summed. */
	family: string;
	mw: number;
	ids: string[];
}

export interface RegionProfile {
	/** How many features are certainly planned here (the base of the counts). */
	total: number;
	industries: ProfileIndustry[];
	figures: ProfileFigure[];
	/** Generating capacity (MW) by kind family, for the chart. */
	capacityByFamily: ProfileCapacity[];
	byKind: KindSummary[];
}

/** Figure kinds that belong to a feature itself and may be summed across features. */
const SUMMABLE = new Set(['capacity', 'planned', 'investment']);
/** Units of quantities that add up across features (capacity, money, area, length, tonnage, counts); a voltage, a
 * share or a ratio does not. */
const ADDITIVE_UNITS = new Set(['MW', 'million CNY', 'km²', 'km', 'kt', 'count']);

/**
 * The profile of what is certainly planned in a region (hits from `featuresInArea`, the same rule as its "planned
 * here" list). Industries count every certain hit that is not merely around the region (a corridor crossing it plans
 * along it); figures are summed only over features wholly in it (a crossing line's total is not this region's).
 */
export function regionProfile(hits: AreaHit[]): RegionProfile {
	const here = hits.filter((h) => h.certainty !== 'possible' && h.relation !== 'contains');
	const industries = new Map<string, ProfileIndustry & { seen: Set<string> }>();
	const figures = new Map<string, ProfileFigure>();
	const capacity = new Map<string, ProfileCapacity>();
	for (const { feature, relation } of here) {
		const p = feature.properties;
		for (const industry of p.industries) {
			let row = industries.get(industry.category);
			if (!row) {
				row = { category: industry.category, count: 0, ids: [], words: [], groups: [], sources: [], seen: new Set() };
				industries.set(industry.category, row);
			}
			if (!row.ids.includes(p.id)) {
				row.ids.push(p.id);
				row.count++;
				for (const s of p.sources) {
					const key = `${s.seed}:${s.line}:${s.quote}`;
					if (row.seen.has(key)) continue;
					row.seen.add(key);
					row.sources.push(s);
				}
			}
			if (!row.words.includes(industry.text_zh)) row.words.push(industry.text_zh);
			if (industry.group && !row.groups.includes(industry.group.name_zh)) row.groups.push(industry.group.name_zh);
		}
		if (relation !== 'inside' && relation !== 'same-county') continue;
		const counted = new Set<string>();
		for (const f of p.figures) {
			if (!SUMMABLE.has(f.kind) || f.value_normalised === undefined || !f.unit_normalised) continue;
			if (!ADDITIVE_UNITS.has(f.unit_normalised)) continue;
			const key = `${f.metric}|${f.unit_normalised}|${f.kind}`;
			// one value per feature and metric (a feature listing the same figure twice is not counted twice)
			if (counted.has(key)) continue;
			counted.add(key);
			// a per-unit figure counts every unit the plan names (2×475 MW is 950 MW)
			const value = f.value_normalised * (METRICS[f.metric]?.units ?? 1);
			const sum = figures.get(key) ?? { metric: f.metric, unit: f.unit_normalised, kind: f.kind, sum: 0, ids: [] };
			sum.sum += value;
			sum.ids.push(p.id);
			figures.set(key, sum);
			if (METRICS[f.metric]?.power_capacity && f.unit_normalised === 'MW') {
				const family = familyOf(p.kind);
				const c = capacity.get(family) ?? { family, mw: 0, ids: [] };
				c.mw += value;
				if (!c.ids.includes(p.id)) c.ids.push(p.id);
				capacity.set(family, c);
			}
		}
	}
	const byCount = (a: { count: number; category: string }, b: { count: number; category: string }) =>
		b.count - a.count || a.category.localeCompare(b.category);
	return {
		total: here.length,
		industries: [...industries.values()].sort(byCount).map(({ seen: _seen, ...row }) => row),
		figures: [...figures.values()].sort((a, b) => a.unit.localeCompare(b.unit) || b.sum - a.sum),
		capacityByFamily: [...capacity.values()].sort((a, b) => b.mw - a.mw),
		byKind: summariseByKind(here)
	};
}
