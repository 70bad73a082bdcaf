/**
 * Splits the old catch-all `energy` layer into one layer per kind of energy (issue 17): in every `data/plan/*.json`
 * feature whose `layers` names `energy`, that id is replaced by the per-kind layer(s) `energyLayersOf` chooses.
 *
 *   npx tsx scripts/plan/split-energy-layer.ts            # rewrites data/plan/*.json in place
 *   npx tsx scripts/plan/split-energy-layer.ts --check    # exits 1 if a file still names `energy`
 *
 * Idempotent: a file without `energy` is left byte for byte as it is. Only the text of each `layers` array changes —
 * the rest of a file (number spellings like `9.0`, a missing final newline, key order) is never re-serialised, so the
 * rewrite can be re-run on data other people are editing and the diff shows layer ids only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { planFiles } from './plan-files';

export const OLD_LAYER = 'energy';

/** The per-kind energy layers, in legend order (ids of data/vocab/layers.json). */
export const ENERGY_LAYERS = [
	'energy-hydro',
	'energy-solar',
	'energy-wind',
	'energy-grid',
	'energy-oil-gas',
	'energy-hydrogen',
	'energy-other'
] as const;

/** Kinds that say by themselves which energy they are. */
const BY_KIND: Record<string, string> = {
	hydro_station: 'energy-hydro',
	hydro_base: 'energy-hydro',
	pv_base: 'energy-solar',
	pv_site: 'energy-solar',
	wind_base: 'energy-wind',
	wind_site: 'energy-wind',
	power_line: 'energy-grid',
	gas_field: 'energy-oil-gas',
	shale_gas_zone: 'energy-oil-gas',
	pipeline: 'energy-oil-gas'
};
/** For the other kinds (projects, clusters, parks, storage …) the industries say it. */
const BY_CATEGORY: Record<string, string> = {
	hydropower: 'energy-hydro',
	solar: 'energy-solar',
	wind: 'energy-wind',
	natural_gas: 'energy-oil-gas',
	hydrogen: 'energy-hydrogen'
};
/** Substations, switching and converter stations, transmission works: the grid, whatever their industries say. */
const GRID_NAME = /千伏|kv|变电|换流|开关站|输变电|送出/i;

export interface EnergyFeature {
	kind: string;
	name_zh?: string;
	id?: string;
	industries?: { category: string }[];
}

/** The energy layers one feature belongs to: by kind, else by name (grid works), else by industries (a clean-energy
 * base with hydro, PV and wind is in all three), else `energy-other` (geothermal, coal reserves, charging …). */
export function energyLayersOf(f: EnergyFeature): string[] {
	if (BY_KIND[f.kind]) return [BY_KIND[f.kind]];
	if (GRID_NAME.test(`${f.name_zh ?? ''} ${f.id ?? ''}`)) return ['energy-grid'];
	const cats = new Set((f.industries ?? []).map((i) => i.category));
	if (f.kind === 'energy_storage') return [cats.has('natural_gas') ? 'energy-oil-gas' : 'energy-grid'];
	const layers = ENERGY_LAYERS.filter((l) => [...cats].some((c) => BY_CATEGORY[c] === l));
	return layers.length ? layers : ['energy-other'];
}

/** A JSON value's place in the source text, with its children (objects: by key). */
interface Node {
	start: number;
	end: number;
	kind: 'object' | 'array' | 'value';
	value?: unknown;
	members?: Map<string, Node>;
	items?: Node[];
}

/** A small JSON reader that remembers where every value is, so one value can be replaced without re-writing others. */
function parseWithSpans(text: string): Node {
	let i = 0;
	const ws = () => {
		while (i < text.length && /\s/.test(text[i])) i++;
	};
	const value = (): Node => {
		ws();
		const start = i;
		if (text[i] === '{') {
			i++;
			const members = new Map<string, Node>();
			ws();
			if (text[i] === '}') i++;
			else {
				for (;;) {
					const key = value().value as string;
					ws();
					i++; // ':'
					members.set(key, value());
					ws();
					if (text[i++] === '}') break;
				}
			}
			return { start, end: i, kind: 'object', members };
		}
		if (text[i] === '[') {
			i++;
			const items: Node[] = [];
			ws();
			if (text[i] === ']') i++;
			else {
				for (;;) {
					items.push(value());
					ws();
					if (text[i++] === ']') break;
				}
			}
			return { start, end: i, kind: 'array', items };
		}
		if (text[i] === '"') {
			i++;
			while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			i++;
		} else {
			while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
		}
		return { start, end: i, kind: 'value', value: JSON.parse(text.slice(start, i)) };
	};
	const root = value();
	ws();
	if (i !== text.length) throw new Error(`unexpected text at ${i}`);
	return root;
}

/** A `layers` array's new text: `energy` replaced in place by `ids` (no duplicates), laid out like the original. */
function layersText(text: string, node: Node, ids: string[]): string {
	const old = node.items!.map((n) => n.value as string);
	const next: string[] = [];
	for (const id of old) for (const x of id === OLD_LAYER ? ids : [id]) if (!next.includes(x)) next.push(x);
	const first = node.items![0];
	const inner = text.slice(node.start + 1, first.start); // "\n        " or ""
	const close = text.slice(node.items!.at(-1)!.end, node.end - 1); // "\n      " or ""
	const sep = inner.includes('\n') ? `,${inner}` : ', ';
	return `[${inner}${next.map((x) => JSON.stringify(x)).join(sep)}${close}]`;
}

/** The file's text with every feature's `energy` layer split; the same text when there is none. */
export function splitEnergyLayer(text: string): string {
	const root = parseWithSpans(text);
	const features = root.members?.get('features')?.items ?? [];
	const edits: { start: number; end: number; text: string }[] = [];
	for (const f of features) {
		const layers = f.members?.get('layers');
		if (!layers?.items?.some((n) => n.value === OLD_LAYER)) continue;
		const plain = JSON.parse(text.slice(f.start, f.end)) as EnergyFeature;
		edits.push({ start: layers.start, end: layers.end, text: layersText(text, layers, energyLayersOf(plain)) });
	}
	let out = text;
	for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
	return out;
}

function main(args: string[]) {
	const check = args.includes('--check');
	let changed = 0;
	for (const file of planFiles()) {
		const text = readFileSync(file, 'utf8');
		const next = splitEnergyLayer(text);
		if (next === text) continue;
		changed++;
		if (check) console.error(`${file}: still names the "${OLD_LAYER}" layer`);
		else writeFileSync(file, next);
	}
	console.log(check ? `${changed} file(s) to split` : `${changed} file(s) rewritten`);
	if (check && changed) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
