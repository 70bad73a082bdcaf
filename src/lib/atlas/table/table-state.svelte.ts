/**
 * The table's store: open or not, its sort and filter, and the rows they give. Held by the atlas controller; the
 * filter is also the map's (features it leaves out fade), so the controller folds `matching` into the map's emphasis.
 */
import type { PlanFeature } from '$lib/data/plan-data';
import type { Lang, TableState } from '../state';
import {
	compactFilter,
	facetCounts,
	filterRows,
	matchingRowIds,
	rowsOf,
	sortRows,
	statusCounts,
	tableRows,
	type Bounds,
	type TableFilter,
	type TableRow,
	type TableSort
} from './table-rows';

type Names = Map<string, { name_zh: string; name_en: string }>;

export interface TableSource {
	features: PlanFeature[];
	/** Ids of features in visible layers. */
	visible: readonly string[];
	counties: Names;
	prefectures: Names;
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

	/** One row per plan feature (built once per data load). */
	readonly allRows = $derived.by(() => {
		const { features, counties, prefectures } = this.source();
		return tableRows(features, counties, prefectures);
	});
	/** Rows of features in visible layers. */
	private readonly visibleRows = $derived.by(() => {
		return rowsOf(this.allRows, this.source().visible);
	});
	/** The map's extent, while the table is limited to it. */
	private readonly viewBounds = $derived.by(() => (this.filter.inView ? this.source().view() : null));
	/** What the table shows: visible features the filter leaves, sorted. */
	readonly rows: TableRow[] = $derived.by(() =>
		sortRows(filterRows(this.visibleRows, this.filter, this.viewBounds), this.sort, this.source().lang)
	);
	/** How many visible features there are before filtering (the "of N" in the count). */
	readonly total = $derived(this.visibleRows.length);
	/** Ids the filter leaves among all features (the view limit is the table's own), or null when it limits nothing. */
	readonly matching: Set<string> | null = $derived(matchingRowIds(this.allRows, this.filter));
	/** Live counts per status over the visible rows that the rest of the filter leaves. */
	readonly statusCounts = $derived(statusCounts(this.visibleRows, this.filter, this.viewBounds));
	readonly kindCounts = $derived(facetCounts(this.visibleRows, this.filter, this.viewBounds, 'kinds'));
	readonly prefectureCounts = $derived(facetCounts(this.visibleRows, this.filter, this.viewBounds, 'prefectures'));
	readonly precisionCounts = $derived(facetCounts(this.visibleRows, this.filter, this.viewBounds, 'precision'));
	/** Capacities (MW) and investments (million CNY) of the visible rows the rest of the filter leaves (histograms). */
	readonly capacityValues = $derived(
		filterRows(this.visibleRows, this.filter, this.viewBounds, 'capacity').flatMap((r) =>
			r.capacity ? [r.capacity.value] : []
		)
	);
	readonly investmentValues = $derived(
		filterRows(this.visibleRows, this.filter, this.viewBounds, 'investment').flatMap((r) =>
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
