/**
 * What `planReady` needs besides the plan data: the table's core and the tours. Each used to load only once the step
 * before it was done, and in software WebGL every step waited behind the map's frames of several hundred ms. Started
 * together when the base map is ready, they arrive while the plan data decodes. deck.gl is not among them: the
 * default layers are all MapLibre's, and PlanDeck loads deck.gl when a layer needs it (power lines, arcs, users' points).
 */
import type { AtlasController } from '../atlas-controller.svelte';

/** Starts loading, in parallel, what `planReady` will ask for. */
export function preloadPlanCode(atlas: AtlasController): void {
	void atlas.table.load();
	// a failure is reported where the tours are awaited (planReady), which loads them again
	atlas.tours().catch(() => {});
}
