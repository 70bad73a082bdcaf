/**
 * The base map by zoom (issue 12: fewer bytes for the first view). The first camera (all Sichuan) is drawn from the
 * small overview file (static/data/overview.topo.json, scripts/base/overview.ts); the detailed base geography is
 * fetched when asked for (once the map is ready, or at once for a link's own view or the SVG renderer) and swapped
 * into the map's sources once the plan layers are drawn, or at once when the camera zooms past what the overview can
 * show. Everything that asks questions of the geography (regions, plan areas, spatial queries, exports, the SVG
 * renderer) waits for the detail.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { BaseData } from '$lib/style/base-style';
import { riverLabelPoints } from '$lib/geo/river-labels';
import { OVERVIEW_MAX_ZOOM } from './overview-zoom';
import { loadBaseData, loadOverviewData, type BaseGeographyData } from '$lib/data/base-geography';

/** The map's base sources and what fills each of them. */
export function baseSourceData(data: BaseData): [source: string, data: FeatureCollection][] {
	return [
		['neighbours', data.neighbours],
		['province', data.province],
		['prefectures', data.prefectures],
		['counties', data.counties],
		['county-seats', data.countySeats],
		['prefecture-seats', data.prefectureSeats],
		['rivers', data.rivers],
		['river-labels', data.riverLabels ?? riverLabelPoints(data.rivers)]
	];
}

/** Whether the first drawing may use the overview: only at the first camera, and only for the WebGL map. */
export function overviewFits(opts: { linkView: boolean; svgRenderer: boolean }): boolean {
	return !opts.linkView && !opts.svgRenderer;
}

/** Replaces the data of every base source at once (MapLibre keeps drawing the old tiles until the new ones are in). */
export function swapBaseSources(map: MapLibreMap, data: BaseData): void {
	for (const [id, fc] of baseSourceData(data)) map.getSource<GeoJSONSource>(id)?.setData(fc);
}

export class BaseByZoom {
	/** What the map draws first: the overview or, when it does not fit, the detail itself. */
	readonly first: Promise<BaseGeographyData>;
	/** True when `first` is the overview (the detail must be swapped in later). */
	readonly overview: boolean;
	#detail: Promise<BaseGeographyData> | null = null;

	constructor(
		private readonly dataRoot: string,
		opts: { overview: boolean },
		private readonly fetcher: typeof fetch = fetch
	) {
		this.overview = opts.overview;
		this.first = opts.overview ? loadOverviewData(dataRoot, fetcher) : this.detail();
	}

	/** The detailed base geography, fetched on the first call. */
	detail(): Promise<BaseGeographyData> {
		return (this.#detail ??= loadBaseData(this.dataRoot, this.fetcher));
	}

	/**
	 * Puts the detail into `map` once `settled` resolves (the plan layers drawn: new tiles then cost no frames the plan
	 * is waiting for) or the camera zooms past OVERVIEW_MAX_ZOOM, whichever comes first; then calls `onSwapped` (the plan's
	 * areas follow with the detail's). Returns the cleanup.
	 */
	attach(map: MapLibreMap, settled: Promise<unknown>, onSwapped?: () => void): () => void {
		if (!this.overview) return () => {};
		let done = false;
		const swap = () => {
			if (done) return;
			done = true;
			map.off('zoomend', onZoom);
			this.detail()
				.then((data) => {
					swapBaseSources(map, data);
					onSwapped?.();
				})
				.catch(() => {
					// The detail failed: the overview stays (the atlas reports the failure where it loads the detail).
				});
		};
		const onZoom = () => {
			if (map.getZoom() > OVERVIEW_MAX_ZOOM) swap();
		};
		map.on('zoomend', onZoom);
		onZoom();
		settled.then(swap, () => {});
		return () => {
			done = true;
			map.off('zoomend', onZoom);
		};
	}
}
