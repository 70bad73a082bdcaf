/**
 * What the join and the spatial questions about a reader's points call a planned park, and what "near" one means.
 * Constants only, so the join's worker and the questions take them without the join's parsing code (papaparse, turf).
 */

/** Kinds that count as a planned park or zone. */
export const PARK_KINDS = ['park', 'enclave_park', 'zone', 'sub_base'] as const;
/** "Near a park": within this distance (the 10 km, a commuting distance for a site or supplier). */
export const NEAR_PARK_KM = 10;
