/** npm `vt-pbf` ships no types: the one call scripts/user-data/pmtiles-fixture.ts makes. */
declare module 'vt-pbf' {
	const vtpbf: {
		/** Encodes geojson-vt tiles, one per layer name, as an MVT protobuf. */
		fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
	};
	export default vtpbf;
}
