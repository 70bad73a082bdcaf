/**
 * Which county a position lies in, and how far it is from that county's seat — for checking a placement by hand.
 *   npx tsx scripts/plan/county-at.ts 101.96 30.05 [lng lat …]
 */
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import { BaseGeography } from './base-geography.ts';

const base = new BaseGeography();
const args = process.argv.slice(2).map(Number);
if (args.length < 2 || args.length % 2 || args.some((n) => !Number.isFinite(n))) {
	console.error('usage: npx tsx scripts/plan/county-at.ts <lng> <lat> [<lng> <lat> …]');
	process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
	const p = point([args[i], args[i + 1]]);
	const hit = [...base.counties.values()].find((c) => booleanPointInPolygon(p, c));
	if (!hit) {
		console.log(`${args[i]},${args[i + 1]}: outside Sichuan`);
		continue;
	}
	const { code, name_zh, prefecture_code } = hit.properties;
	const seat = base.seats.get(code);
	const km = seat ? distance(p, seat, { units: 'kilometers' }).toFixed(1) : '?';
	console.log(
		`${args[i]},${args[i + 1]}: ${base.nameOf(prefecture_code ?? '')} ${name_zh} (${code}), ${km} km from its seat`
	);
}
