/**
 * The table's store: open or not, its sort and filter, and the rows they give. Held by the atlas controller; the
 * filter is also the map's (features it leaves out fade), so the controller folds `matching` into the map's emphasis.
 */
import type { FeatureCollection } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import type { Lang, TableState } from '../state';
import { compactFilter, type Bounds, type TableFilter, type TableRow, type TableSort } from './table-filter';

type TableCore = typeof import('./table-rows');
/** Counts before the rows' code has loaded (read-only: nothing is ever added). */
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

export interface TableSource {
	features: PlanFeature[];
	/** Ids of features in visible layers. */
	visible: readonly string[];
	counties: FeatureCollection | undefined;
	prefectures: FeatureCollection | undefined;
	lang: Lang;
	/** The map's extent now (read only while "only what is in view" is on; reading it follows the map). */
	view: () => Bounds | null;
}

export class TableStore {
	open = $state(false);
	/** Shown over the whole map instead of beside it. */
	full = $state(false);
	/** Height of the open table on screen, px (the map keeps what it frames above it). */
	height = $state(0);
	sort = $state.raw<TableSort | undefined>(undefined);
	filter = $state.raw<TableFilter>({});
	private readonly source: () => TableSource;
	/** The rows' code (figures, sorting, files), loaded with the plan data rather than for the first view. */
	core = $state.raw<TableCore | null>(null);
	private coreLoad: Promise<TableCore> | null = null;

	/** Loads the rows' code once; resolves when the table can answer. */
	load(): Promise<TableCore> {
		this.coreLoad ??= import('./table-rows').then((core) => (this.core = core));
		return this.coreLoad;
	}

	/** One row per plan feature (built once per data load). */
	readonly allRows: TableRow[] = $derived.by(() => {
		const core = this.core;
		if (!core) return [];
		const { features, counties, prefectures } = this.source();
		return core.tableRows(features, core.namesByCode(counties), core.namesByCode(prefectures));
	});
	/** Rows of features in visible layers. */
	private readonly visibleRows = $derived.by(() => {
		return this.core ? this.core.rowsOf(this.allRows, this.source().visible) : [];
	});
	/** The map's extent, while the table is limited to it. */
	private readonly viewBounds = $derived.by(() => (this.filter.inView ? this.source().view() : null));
	/** What the table shows: visible features the filter leaves, sorted. */
	readonly rows: TableRow[] = $derived.by(() =>
		this.core
			? this.core.sortRows(
					this.core.filterRows(this.visibleRows, this.filter, this.viewBounds),
					this.sort,
					this.source().lang
				)
			: []
	);
	/** How many visible features there are before filtering (the "of N" in the count). */
	readonly total = $derived(this.visibleRows.length);
	/** Ids the filter leaves among all features (the view limit is the table's own), or null when it limits nothing. */
	readonly matching: Set<string> | null = $derived(
		this.core ? this.core.matchingRowIds(this.allRows, this.filter) : null
	);
	/** Live counts per status over the visible rows that the rest of the filter leaves. */
	readonly statusCounts = $derived(
		this.core ? this.core.statusCounts(this.visibleRows, this.filter, this.viewBounds) : NO_COUNTS
	);
	readonly kindCounts = $derived(
		this.core ? this.core.facetCounts(this.visibleRows, this.filter, this.viewBounds, 'kinds') : NO_COUNTS
	);
	readonly prefectureCounts = $derived(
		this.core ? this.core.facetCounts(this.visibleRows, this.filter, this.viewBounds, 'prefectures') : NO_COUNTS
	);
	readonly precisionCounts = $derived(
		this.core ? this.core.facetCounts(this.visibleRows, this.filter, this.viewBounds, 'precision') : NO_COUNTS
	);
	/** Capacities (MW) and investments (million CNY) of the visible rows the rest of the filter leaves (histograms). */
	readonly capacityValues = $derived(
		(this.core?.filterRows(this.visibleRows, this.filter, this.viewBounds, 'capacity') ?? []).flatMap((r) =>
			r.capacity ? [r.capacity.value] : []
		)
	);
	readonly investmentValues = $derived(
		(this.core?.filterRows(this.visibleRows, this.filter, this.viewBounds, 'investment') ?? []).flatMap((r) =>
			r.investment ? [r.investment.value] : []
		)
	);

	constructor(source: () => TableSource) {
		this.source = source;
	}

	/** Changes part of the filter; an emptied part is dropped. */
	setFilter(part: Partial<TableFilter>): void {
		this.filter = compactFilter({ ...this.filter, ...part });
	}

	/** Adds or removes one value of a list filter (a status, kind, prefecture or precision). */
	toggle(key: 'statuses' | 'kinds' | 'prefectures' | 'precision', value: string): void {
		const list = this.filter[key] ?? [];
		this.setFilter({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
	}

	/** Sorts by a column: first descending for figures, ascending for the rest; a second click turns it around. */
	sortBy(column: TableSort['column']): void {
		const first = column === 'capacity' || column === 'investment' ? 'desc' : 'asc';
		this.sort =
			this.sort?.column === column ? { column, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' } : { column, dir: first };
	}

	clearFilter(): void {
		this.filter = this.filter.inView ? { inView: true } : {};
	}

	/** The table's part of the atlas state. */
	state(): TableState {
		const filter = compactFilter(this.filter);
		return {
			open: this.open,
			...(this.sort ? { sort: { ...this.sort } } : {}),
			...(Object.keys(filter).length ? { filter } : {})
		};
	}

	apply(table: TableState): void {
		this.open = table.open;
		this.sort = table.sort;
		this.filter = compactFilter(table.filter ?? {});
	}
}
