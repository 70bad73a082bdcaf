/**
 * How far from a user's line (a road, a pipeline) a plan feature counts as near it, km: the distance at which the
 * atlas already calls a point "on" a development axis (CORRIDOR_KM), so a planned route and an axis read alike.
 * Its own file so that the panel showing it does not pull the shape reader (and its CSV and datum code) into the
 * first view's bundle.
 */
export const LINE_REACH_KM = 10;
