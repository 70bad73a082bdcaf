/**
 * The parsing-side and joining code of users' data, loaded with the first file rather than with the page
 * (papaparse, turf, the spatial index's helpers).
 */
export { buildLayer } from './user-layer';
export { joinLayer, joinedTable, summarise, summariseLayer, summariseLayerSliced, toCsv } from './join';
export { regionMatcher } from './regions';
export { placesAt } from '$lib/geo/spatial-index';
export { layerGeometry, pointGeometry, tableToGeoJson } from './export-geojson';
export { joinShapes, shapeTable, summariseShapes } from './shapes';
