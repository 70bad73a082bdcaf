/**
 * The join of a point layer in Web Workers (./join.worker.ts), so the page stays responsive at a million rows: the
 * rows are cut into one contiguous part per worker (as many workers as the machine has cores, at most
 * MAX_WORKERS, one for a small layer), each part joined in its worker, and the columns put together in order. The
 * workers are kept for the next task (each holds its spatial index) until IDLE_MS pass without one; cancelling
 * terminates them.
 */
import type { JoinColumns } from './fast-join';
import { emptyColumns } from './fast-join';
import type { JoinNames } from './join-columns';
import { emptyNear, type NearColumns } from './near-points';

/** What a worker is asked of its part: to join it, or "within km of a feature of kinds" (./near-points.ts). */
type Task = { task: 'join'; dataRoot: string } | { task: 'near'; dataRoot: string; km: number; kinds: string[] };
/** A task and its part: lon, lat pairs (WGS84); `dataRoot` the absolute URL of the published data folder. */
export type JoinRequest = Task & { positions: Float64Array };
export type JoinReply =
	| { type: 'progress'; done: number }
	| { type: 'done'; columns: JoinColumns; names: JoinNames; timings: Record<string, number> }
	| { type: 'near'; near: NearColumns; timings: Record<string, number> }
	| { type: 'error'; message: string };

export interface JoinedPoints {
	columns: JoinColumns;
	names: JoinNames;
}

export class JoinCancelled extends Error {
	constructor() {
		super('the join was cancelled');
		this.name = 'JoinCancelled';
	}
}

/** Workers at most (each holds the plan's index and grids, ~30 MB). */
export const MAX_WORKERS = 4;
/** A layer of up to this many rows is joined by one worker (more would spend longer building indexes). */
export const ONE_WORKER_UP_TO = 20_000;

let pool: Worker[] = [];

function workers(count: number): Worker[] {
	while (pool.length < count) pool.push(new Worker(new URL('./join.worker.ts', import.meta.url), { type: 'module' }));
	return pool.slice(0, count);
}

/** Ends every join worker (a cancelled join, or a page leaving). */
export function stopJoinWorkers(): void {
	for (const w of pool) w.terminate();
	pool = [];
}

/** How many workers join n rows on this machine. */
export function workerCount(n: number, cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
	if (n <= ONE_WORKER_UP_TO) return 1;
	return Math.max(1, Math.min(MAX_WORKERS, cores));
}

type PartReply = Extract<JoinReply, { type: 'done' } | { type: 'near' }>;

function askPart(w: Worker, request: JoinRequest, onDone: (rows: number) => void): Promise<PartReply> {
	return new Promise((resolve, reject) => {
		w.onmessage = (e: MessageEvent<JoinReply>) => {
			const m = e.data;
			if (m.type === 'progress') onDone(m.done);
			else if (m.type === 'error') reject(new Error(m.message));
			else {
				for (const [k, ms] of Object.entries(m.timings))
					globalThis.performance?.mark?.(`user-data:${m.type === 'near' ? 'near' : 'join'}-worker-${k}`, {
						detail: ms
					});
				resolve(m);
			}
		};
		w.onerror = (e) => reject(new Error(`the join's worker failed: ${e.message}`));
		w.postMessage(request, [request.positions.buffer]);
	});
}

/** Joins run one after another (they share the workers). */
let queue: Promise<unknown> = Promise.resolve();

/** Joins a layer's positions (lon, lat pairs) to the plans; `onProgress` hears the share of rows joined (0–1). A
 * join asked while another runs waits for it. */
export async function joinInWorkers(
	positions: Float64Array,
	dataRoot: string,
	onProgress?: (share: number) => void,
	signal?: AbortSignal
): Promise<JoinedPoints> {
	const { parts, size } = await inTurn(positions, { task: 'join', dataRoot }, onProgress, signal);
	const joined = parts.map((p) => p as Extract<PartReply, { type: 'done' }>);
	return merged(joined, positions.length / 2, size);
}

/** "Which points lie within km of a feature of kinds" asked of a layer's positions in the workers (the page's
 * `nearPosition` for each point, ./near-points.ts). */
export async function nearInWorkers(
	positions: Float64Array,
	dataRoot: string,
	km: number,
	kinds: readonly string[],
	onProgress?: (share: number) => void,
	signal?: AbortSignal
): Promise<NearColumns> {
	const { parts, size } = await inTurn(
		positions,
		{ task: 'near', dataRoot, km, kinds: [...kinds] },
		onProgress,
		signal
	);
	const near = parts.map((p) => (p as Extract<PartReply, { type: 'near' }>).near);
	if (near.length === 1) return near[0];
	const out = emptyNear(positions.length / 2);
	near.forEach((part, k) => {
		for (const key of ['feature', 'km', 'kmMin', 'kmMax', 'certainty'] as const)
			(out[key] as Int32Array).set(part[key] as Int32Array, k * size);
		Object.assign(out.refs, part.refs);
	});
	return out;
}

/** Runs a task over the positions' parts once the tasks before it have ended. */
function inTurn(
	positions: Float64Array,
	task: Task,
	onProgress?: (share: number) => void,
	signal?: AbortSignal
): Promise<{ parts: PartReply[]; size: number }> {
	clearTimeout(idle);
	const run = queue.then(() => runParts(positions, task, onProgress, signal));
	queue = run.catch(() => undefined);
	const mine = queue;
	// the workers hold the plan's index and grids (tens of MB each): ended once nothing has asked them for a while
	void mine.then(() => {
		if (queue === mine) idle = setTimeout(stopJoinWorkers, IDLE_MS);
	});
	return run;
}

/** ms without a task after which the workers are ended (the next task starts them again, ~1 s to build). */
export const IDLE_MS = 120_000;
let idle: ReturnType<typeof setTimeout> | undefined;

async function runParts(
	positions: Float64Array,
	task: Task,
	onProgress?: (share: number) => void,
	signal?: AbortSignal
): Promise<{ parts: PartReply[]; size: number }> {
	if (signal?.aborted) throw new JoinCancelled();
	const n = positions.length / 2;
	const team = workers(workerCount(n));
	const size = Math.ceil(n / team.length);
	const done = team.map(() => 0);
	let cancel = () => {};
	const cancelled = new Promise<never>((_, reject) => {
		cancel = () => {
			stopJoinWorkers();
			reject(new JoinCancelled());
		};
	});
	signal?.addEventListener('abort', cancel);
	try {
		const parts = await Promise.race([
			Promise.all(
				team.map((w, k) => {
					const part = positions.slice(2 * k * size, 2 * Math.min(n, (k + 1) * size));
					return askPart(w, { ...task, positions: part } as JoinRequest, (rows) => {
						done[k] = rows;
						onProgress?.(done.reduce((a, b) => a + b, 0) / Math.max(1, n));
					});
				})
			),
			cancelled
		]);
		return { parts, size };
	} catch (e) {
		// a failed worker may hold a broken index: start afresh next time
		if (!(e instanceof JoinCancelled)) stopJoinWorkers();
		throw e;
	} finally {
		signal?.removeEventListener('abort', cancel);
	}
}

/** The parts' columns in order, and their names together. */
function merged(parts: Extract<PartReply, { type: 'done' }>[], n: number, size: number): JoinedPoints {
	if (parts.length === 1) return { columns: parts[0].columns, names: parts[0].names };
	const columns = emptyColumns(n);
	parts.forEach((part, k) => {
		for (const key of Object.keys(columns) as (keyof JoinColumns)[])
			(columns[key] as Int32Array).set(part.columns[key] as Int32Array, k * size);
	});
	const names: JoinNames = { ...parts[0].names, features: Object.assign({}, ...parts.map((p) => p.names.features)) };
	return { columns, names };
}
