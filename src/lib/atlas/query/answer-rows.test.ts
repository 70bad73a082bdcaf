import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import type { SpatialAnswer } from '../atlas-controller.svelte';
import { answerFileParts, answerRows, rowsAsAreaHits } from './answer-rows';

const ref = {
	id: 'park-a',
	kind: 'park',
	name_zh: '甲',
	name_en: 'A',
	precision: 'site',
	county_code: '513301',
	certainty: 'certain' as const
};
const near: SpatialAnswer = { question: 'near', id: 'axis-kangba-east-west', km: 20, hits: [{ ...ref, km: 3 }] };

describe('answer rows', () => {
	test('rows and file names per question', () => {
		expect(answerRows(near)).toEqual([{ ...ref, km: 3 }]);
		expect(answerFileParts(near)).toEqual(['near', 'axis-kangba-east-west', '20km']);
		const at: SpatialAnswer = {
			question: 'at',
			result: {
				point: [101.95561, 30.00126],
				inSichuan: true,
				county: null,
				prefecture: null,
				regions: [],
				corridors: [],
				nearest: [{ ...ref, km: 1 }]
			}
		};
		expect(answerRows(at).map((r) => r.id)).toEqual(['park-a']);
		expect(answerFileParts(at)).toEqual(['here', '101.9556', '30.0013']);
		expect(answerRows({ question: 'error', message: 'x' })).toEqual([]);
		expect(answerRows(null)).toEqual([]);
	});

	test('hits for grouping keep crossing features apart from those within', () => {
		const f = { properties: { id: 'park-a' } } as PlanFeature;
		const hits = rowsAsAreaHits([{ ...ref, relation: 'intersects' }, { ...ref }, { ...ref, id: 'gone' }], (id) =>
			id === 'park-a' ? f : undefined
		);
		expect(hits.map((h) => h.relation)).toEqual(['intersects', 'inside']);
	});
});
