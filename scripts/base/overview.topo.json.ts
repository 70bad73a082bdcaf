/**
 * Builds static/data/overview.topo.json, the first view's base geography (see ./overview.ts), from the detailed files
 * the data build published: static/data/base.topo.json, context.topo.json and rivers.geojson.
 *
 *   npx tsx scripts/base/overview.topo.json.ts     (part of `npm run data`)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { overviewTopology, positionCount, OVERVIEW_MAX_ZOOM } from './overview';
import { requantize } from './requantize';

const file = (p: string) => fileURLToPath(new URL(`../../static/data/${p}`, import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(file(p), 'utf8'));

try {
	const base = json('base.topo.json');
	const out = overviewTopology(base, json('context.topo.json'), json('rivers.geojson'));
	const text = JSON.stringify(out);
	writeFileSync(file('overview.topo.json'), text);
	const detail = ['base.topo.json', 'context.topo.json', 'rivers.geojson']
		.map((p) => gzipSync(readFileSync(file(p)), { level: 6 }).length)
		.reduce((a, b) => a + b, 0);
	console.log(
		`overview.topo.json: ${positionCount(out)} positions (base alone had ${positionCount(requantize(base, 20_000))}), ` +
			`${(gzipSync(text, { level: 6 }).length / 1024).toFixed(1)} KB gzip (the three detailed files: ` +
			`${(detail / 1024).toFixed(1)} KB), exact to zoom ${OVERVIEW_MAX_ZOOM}`
	);
} catch (err) {
	console.error(`overview.topo.json.ts: ${(err as Error).message}`);
	process.exit(1);
}
