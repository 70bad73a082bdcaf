/**
 * What the plan layers and `planReady` need besides the plan data: deck.gl with the layer factories, the table's
 * core and the tours. Each used to load only once the step before it was done (plan data → deck.gl layers →
 * deck.gl's MapLibre overlay → table → tours), and in software WebGL every step waited behind the map's frames of
 * several hundred ms. Started together when the base map is ready, they arrive while the plan data decodes.
 */
import type { AtlasController } from '../atlas-controller.svelte';

/** Starts loading, in parallel, what the plan layers will ask for (`deck`: false when the map is drawn as SVG). */
export function preloadPlanCode(atlas: AtlasController, deck: boolean): void {
	if (deck) {
		// the same modules PlanDeck and DeckOverlay import: they then resolve from the module cache
		void import('./plan-deck-layers');
		void import('@deck.gl/maplibre');
	}
	void atlas.table.load();
	// a failure is reported where the tours are awaited (planReady), which loads them again
	atlas.tours().catch(() => {});
}
