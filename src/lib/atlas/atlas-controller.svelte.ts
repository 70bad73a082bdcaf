/**
 * The atlas's one state holder: language and view live here and on the map; the UI, the window.atlas API and (later)
 * share links all go through it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyLabelLanguage } from '$lib/style/base-style';
import { applyPatch, parseStatePatch, roundView, type AtlasState, type Lang, type ViewState } from './state';
import type { AtlasController as Controller } from './api';

export class AtlasController implements Controller {
	lang = $state<Lang>('zh');
	map = $state.raw<MapLibreMap | null>(null);
	private resolveReady!: () => void;
	/** Resolves after the first complete render. */
	readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

	constructor(lang: Lang = 'zh') {
		this.lang = lang;
	}

	/** Called by the map root once the style has loaded; the first idle after that is the first complete render. */
	attach(map: MapLibreMap): void {
		this.map = map;
		applyLabelLanguage(map, this.lang);
		map.once('idle', () => this.resolveReady());
	}

	view(): ViewState {
		const map = this.map;
		if (!map) return { center: [0, 0], zoom: 0, bearing: 0, pitch: 0 };
		const c = map.getCenter();
		return roundView({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
	}

	getState(): AtlasState {
		return { view: this.view(), lang: this.lang };
	}

	rendered(layerId: string): Record<string, unknown>[] {
		const map = this.map;
		if (!map || !map.getLayer(layerId)) return [];
		return map.queryRenderedFeatures({ layers: [layerId] }).map((f) => ({ ...f.properties }));
	}

	setLang(lang: Lang): void {
		this.lang = lang;
		if (this.map) applyLabelLanguage(this.map, lang);
	}

	async setState(input: unknown): Promise<AtlasState> {
		const parsed = parseStatePatch(input);
		if (!parsed.ok) throw new Error(`atlas.setState: ${parsed.error}`);
		const next = applyPatch(this.getState(), parsed.patch);
		if (parsed.patch.lang) this.setLang(next.lang);
		const map = this.map;
		if (map && parsed.patch.view) {
			map.jumpTo({
				center: next.view.center,
				zoom: next.view.zoom,
				bearing: next.view.bearing,
				pitch: next.view.pitch
			});
		}
		if (map) await settled(map);
		return this.getState();
	}
}

/** Resolves when the map has finished rendering what was asked of it. */
function settled(map: MapLibreMap): Promise<void> {
	return new Promise((resolve) => {
		if (map.loaded() && !map.isMoving()) {
			map.once('idle', () => resolve());
			map.triggerRepaint();
		} else map.once('idle', () => resolve());
	});
}
