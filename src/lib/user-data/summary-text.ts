/**
 * A user layer's summary in words: the share per economic region (largest first), points near a planned park, and
 * points outside Sichuan. Pure, tested.
 */
import { USER_DATA_STRINGS, USER_STYLE_STRINGS, USER_WORKER_STRINGS } from '$lib/i18n/strings';
import type { JoinSummary } from './join';

/** Regions named in the summary; the rest are in the joined table. */
const MAX_REGIONS = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The summary's lines; null (the join still under way): the line saying so, with the share of rows joined when it
 * is known. */
export function summaryLines(
	s: JoinSummary | null,
	kind: 'points' | 'regions',
	lang: 'zh' | 'en',
	joined?: number
): string[] {
	if (!s) return [USER_WORKER_STRINGS[lang].joining(joined === undefined ? '' : percent(joined))];
	const ui = USER_DATA_STRINGS[lang];
	const lines = s.byRegion
		.slice(0, MAX_REGIONS)
		.map((r) => ui.inRegion(percent(r.share), lang === 'zh' ? r.name_zh : r.name_en || r.name_zh));
	if (kind === 'points') {
		lines.push(ui.nearPark(s.nearPark, s.nearParkKm));
		if (s.nearParkPossible) lines.push(ui.nearParkPossible(s.nearParkPossible));
		if (s.rows > s.inSichuan) lines.push(ui.outside(s.rows - s.inSichuan));
	}
	if (s.sampled) lines.push(USER_STYLE_STRINGS[lang].sampled(s.sampled));
	return lines;
}
