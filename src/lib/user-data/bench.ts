/**
 * The benchmark's entry (`?bench-points=N`, see README "Your own data"): N synthetic points, the same as the peers
 * harness draws (its mulberry32 generator, seed 20240601, uniform over Sichuan's bounding box — copied from
 * ../shared/peers/pages/common.js), written as a CSV Blob and read through the same path as a chosen file
 * (atlas.data.add: worker parse, coordinate suggestion, draw; the join follows). The atlas reports ready once they
 * are drawn.
 */

/** Performance marks: the file chosen (made, handed to atlas.data.add once the atlas is ready) and the points drawn
 * (a frame rendered with the layer in the map). Choice → drawn is the issue's "time from choosing the file to the
 * points drawn"; the page's ready (the peers' measure) also counts the page's own load and making the file. */
export const BENCH_CHOSEN = 'user-data:chosen';
export const BENCH_DRAWN = 'user-data:drawn';
/** The parameter that asks for synthetic points. */
export const BENCH_PARAM = 'bench-points';
/** At most this many (the largest the peers harness asks for, with room). */
export const MAX_BENCH_POINTS = 2_000_000;
/** The peers' seed and box (lon/lat). */
export const BENCH_SEED = 20240601;
export const BENCH_BBOX = [97.3, 26.0, 108.6, 34.3] as const;

/** The number of points a page address asks for, or null when it asks for none (or for nonsense). */
export function benchPointCount(search: string): number | null {
	const v = new URLSearchParams(search).get(BENCH_PARAM);
	if (v === null || !/^\d+$/.test(v)) return null;
	const n = Number(v);
	return n > 0 ? Math.min(n, MAX_BENCH_POINTS) : null;
}

/** mulberry32, exactly as the peers' pages: the same N and seed give the same points everywhere. */
export function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The peers' N points as CSV text parts (lon,lat), built in slices so no single string is huge. */
export function benchCsvParts(n: number, seed = BENCH_SEED): string[] {
	const r = mulberry32(seed >>> 0);
	const [x0, y0, x1, y1] = BENCH_BBOX;
	const parts = ['lon,lat\n'];
	const SLICE = 10_000;
	for (let i = 0; i < n; i += SLICE) {
		const lines: string[] = [];
		for (let j = i; j < Math.min(n, i + SLICE); j++) {
			const lon = x0 + r() * (x1 - x0);
			const lat = y0 + r() * (y1 - y0);
			lines.push(`${lon},${lat}\n`);
		}
		parts.push(lines.join(''));
	}
	return parts;
}

/** The peers' points as a CSV file, as if chosen by the reader. */
export const benchFile = (n: number) => new File(benchCsvParts(n), `bench-${n}.csv`, { type: 'text/csv' });
