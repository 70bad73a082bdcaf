/**
 * The reader's PMTiles archives: each opened from a File (or a Blob kept in IndexedDB) through npm `pmtiles`, its
 * metadata checked, then drawn by MapLibre as vector tiles (UserTileLayers). Nothing is fetched: the `pmtiles://`
 * protocol reads byte ranges of the local file. An archive up to MAX_KEPT_BYTES is kept in IndexedDB (idb-keyval
 * stores the Blob itself) so a reload keeps it; a larger one lasts for the visit, and the card says so.
 */
import { del, get, set } from 'idb-keyval';
import type { PMTiles } from 'pmtiles';
import type { ArchiveInfo } from './archive';

/** IndexedDB key of the kept archives. */
const STORE_KEY = 'atlas-user-tiles-v1';
/** Archives up to this size are kept for a reload (browsers grant a site hundreds of MB; keep well inside it). */
export const MAX_KEPT_BYTES = 256 * 1024 * 1024;
/** Colours of successive archives (apart from the point layers' and the plan's). */
const TILE_COLORS = ['#e6550d', '#31a354', '#756bb1', '#636363', '#d6616b'];

export interface TileEntry {
	id: string;
	name: string;
	info: ArchiveInfo;
	archive: PMTiles;
	visible: boolean;
	color: string;
	bytes: number;
	kept: boolean;
}

interface Kept {
	id: string;
	name: string;
	blob: Blob;
}

export class UserTileStore {
	entries = $state.raw<TileEntry[]>([]);
	error = $state.raw<{ en: string; zh: string } | null>(null);
	/** A clicked feature: its archive, vector layer and properties. */
	picked = $state.raw<{ id: string; layer: string; props: Record<string, unknown> } | null>(null);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- what is stored, not state
	private blobs = new Map<string, Kept>();
	private restoring: Promise<void> | null = null;

	entry(id: string): TileEntry | undefined {
		return this.entries.find((e) => e.id === id);
	}

	private nextId(): string {
		let n = 1;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const taken = new Set([...this.entries.map((e) => e.id), ...this.blobs.keys()]);
		while (taken.has(`tiles-${n}`)) n++;
		return `tiles-${n}`;
	}

	private async open(id: string, name: string, blob: Blob): Promise<TileEntry> {
		// npm pmtiles (with fflate) loads on the first archive, not with the first view (issue 12).
		const [{ PMTiles }, { BlobSource, readArchive }] = await Promise.all([import('pmtiles'), import('./archive')]);
		const archive = new PMTiles(new BlobSource(blob, id));
		const info = await readArchive(archive);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const used = new Set(this.entries.map((e) => e.color));
		const color = TILE_COLORS.find((c) => !used.has(c)) ?? TILE_COLORS[this.entries.length % TILE_COLORS.length];
		return { id, name, info, archive, visible: true, color, bytes: blob.size, kept: blob.size <= MAX_KEPT_BYTES };
	}

	/** Opens an archive; resolves its id, layers and whether it is kept, or rejects with the reason. */
	async add(blob: Blob, name = blob instanceof File ? blob.name : 'tiles.pmtiles') {
		await this.restoring;
		this.error = null;
		const { ArchiveError } = await import('./archive');
		try {
			const entry = await this.open(this.nextId(), name.slice(0, 200), blob);
			this.entries = [...this.entries, entry];
			if (entry.kept) {
				this.blobs.set(entry.id, { id: entry.id, name: entry.name, blob });
				await this.save();
			}
			return { id: entry.id, layers: entry.info.vectorLayers.map((l) => l.id), kept: entry.kept };
		} catch (e) {
			const err =
				e instanceof ArchiveError ? e : new ArchiveError((e as Error).message, `无法读取：${(e as Error).message}`);
			this.error = { en: `${name.slice(0, 80)}: ${err.message}`, zh: `${name.slice(0, 80)}：${err.zh}` };
			throw err;
		}
	}

	toggle(id: string): void {
		this.entries = this.entries.map((e) => (e.id === id ? { ...e, visible: !e.visible } : e));
	}

	async remove(id: string): Promise<void> {
		this.entries = this.entries.filter((e) => e.id !== id);
		if (this.picked?.id === id) this.picked = null;
		if (this.blobs.delete(id)) await this.save();
	}

	async removeAll(): Promise<void> {
		this.entries = [];
		this.picked = null;
		this.blobs.clear();
		await del(STORE_KEY).catch(() => {});
	}

	private async save(): Promise<void> {
		try {
			await set(STORE_KEY, [...this.blobs.values()]);
		} catch {
			this.error = {
				en: 'the archive could not be kept in this browser (storage refused); it lasts until the page is closed',
				zh: '无法在本浏览器中保存此文件（存储被拒绝）；关闭页面后将消失'
			};
		}
	}

	/** Brings back the archives kept from an earlier visit. */
	restore(): Promise<void> {
		this.restoring ??= (async () => {
			try {
				const kept = ((await get(STORE_KEY)) ?? []) as Kept[];
				for (const k of kept) {
					if (!k?.id || !(k.blob instanceof Blob) || this.blobs.has(k.id)) continue;
					try {
						const entry = await this.open(k.id, k.name, k.blob);
						this.blobs.set(k.id, k);
						this.entries = [...this.entries, entry];
					} catch {
						// a damaged copy is dropped
					}
				}
			} catch {
				// no IndexedDB: nothing kept
			}
		})();
		return this.restoring;
	}
}
