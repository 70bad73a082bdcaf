/** The published base geography, read by the plan build to resolve geometry references and check placements. */
import { readFileSync } from 'node:fs';
import { feature, merge } from 'topojson-client';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface DivisionProps {
	code: string;
	name_zh: string;
	name_en: string;
	prefecture_code?: string;
}

export class BaseGeography {
	readonly counties = new Map<string, Feature<Polygon | MultiPolygon, DivisionProps>>();
	readonly seats = new Map<string, Feature<Point, DivisionProps>>();
	readonly prefectureNames = new Map<string, string>();
	private topo: Topology;

	constructor(path = 'static/data/base.topo.json') {
		this.topo = JSON.parse(readFileSync(path, 'utf8')) as Topology;
		const fc = <G extends Polygon | MultiPolygon | Point>(name: string) =>
			feature(this.topo, this.topo.objects[name] as GeometryCollection<DivisionProps>).features as unknown as Feature<
				G,
				DivisionProps
			>[];
		for (const f of fc<Polygon | MultiPolygon>('counties')) this.counties.set(f.properties.code, f);
		for (const f of [...fc<Point>('county_seats'), ...fc<Point>('prefecture_seats')])
			this.seats.set(f.properties.code, f);
		for (const f of fc<Point>('prefecture_seats')) this.prefectureNames.set(f.properties.code, f.properties.name_zh);
	}

	isPrefecture(code: string): boolean {
		return this.prefectureNames.has(code);
	}

	/** County codes a member code stands for: itself, all counties of a prefecture, or all of Sichuan for 510000. */
	expand(code: string): string[] | null {
		if (code === '510000') return [...this.counties.keys()];
		if (this.counties.has(code)) return [code];
		if (this.isPrefecture(code)) return [...this.counties.keys()].filter((c) => c.slice(0, 4) === code.slice(0, 4));
		return null;
	}

	/** Union of counties, merged on the topology so shared borders vanish exactly. */
	union(countyCodes: string[]): MultiPolygon {
		const wanted = new Set(countyCodes);
		const geoms = (this.topo.objects.counties as GeometryCollection<DivisionProps>).geometries.filter((g) =>
			wanted.has(g.properties!.code)
		);
		return merge(this.topo, geoms as never) as MultiPolygon;
	}

	nameOf(code: string): string {
		return (
			this.counties.get(code)?.properties.name_zh ??
			this.prefectureNames.get(code) ??
			(code === '510000' ? '四川省' : code)
		);
	}
}
