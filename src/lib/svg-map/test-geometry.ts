/** Small GeoJSON builders for the SVG renderer's and the vector exports' unit tests (imported by tests only). */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { topology } from 'topojson-server';
import type { SvgBase } from './render-svg';

/** A square polygon `d` degrees wide from its south-west corner. */
export const square = (x: number, y: number, d: number, props: Record<string, unknown>): Feature => ({
	type: 'Feature',
	properties: props,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + d, y],
				[x + d, y + d],
				[x, y + d],
				[x, y]
			]
		]
	}
});

export const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

export const point = (x: number, y: number, props: Record<string, unknown>): Feature<Point> => ({
	type: 'Feature',
	properties: props,
	geometry: { type: 'Point', coordinates: [x, y] }
});

/** A base map of two counties (510101 甲县, 510102 乙县) in one prefecture (510100 某市), with that prefecture's seat. */
export function twoCountyBase(): SvgBase {
	const countyA = square(103, 30, 1, { code: '510101', label_zh: '甲县', label_en: 'Jia' });
	const countyB = square(104, 30, 1, { code: '510102', label_zh: '乙县', label_en: 'Yi' });
	const prefecture = square(103, 30, 2, { code: '510100', label_zh: '某市', label_en: 'Mou' });
	return {
		topology: topology({ counties: fc([countyA, countyB]), prefectures: fc([prefecture]) } as never) as never,
		neighbours: fc([]),
		province: fc([prefecture]),
		prefectures: fc([prefecture]),
		counties: fc([countyA, countyB]),
		prefectureSeats: fc([point(104, 31, { code: '510100', label_zh: '某市', label_en: 'Mou' })]),
		countySeats: fc([]),
		rivers: fc([]),
		riverLabels: fc([]) as FeatureCollection<Point>
	};
}
