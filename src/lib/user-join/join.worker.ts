/**
 * Joins a part of a user's points to the plans off the page's thread (./fast-join.ts). The worker reads the plan
 * and the base geography itself (same origin, the page's published data folder) and builds its spatial index and
 * grids once; each request then joins the positions it is given (or asks of them "within N km of a park",
 * ./near-points.ts), posting its progress, and sends the columns back as transferable buffers. Messages: ./join-client.ts.
 */
import type { Topology } from 'topojson-specification';
import { decodeBase } from '$lib/data/base-geography';
import { decodePlan } from '$lib/data/plan-data';
import { buildSpatialIndex } from '$lib/geo/spatial-index';
import { columnBuffers, emptyColumns, joinPoints, prepareJoin, type Joiner } from './fast-join';
import { joinNames } from './join-columns';
import { emptyNear, nearBuffers, nearPoints } from './near-points';
import type { JoinReply, JoinRequest } from './join-client';

/** Rows joined between two progress messages. */
const PROGRESS_EVERY = 5000;

const post = (m: JoinReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

let joiner: Promise<Joiner> | null = null;

async function fetchJson(url: string): Promise<unknown> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.json();
}

function joinerOf(dataRoot: string): Promise<Joiner> {
	joiner ??= (async () => {
		const baseUrl = `${dataRoot}/base.topo.json`;
		const planUrl = `${dataRoot}/plan-atlas.json`;
		const [topo, raw] = await Promise.all([fetchJson(baseUrl), fetchJson(planUrl)]);
		const base = decodeBase(topo as Topology, baseUrl);
		const plan = decodePlan(raw, topo as Topology, planUrl);
		return prepareJoin(buildSpatialIndex(plan.features, base.counties.features, base.prefectures.features));
	})();
	joiner.catch(() => (joiner = null));
	return joiner;
}

self.onmessage = async (e: MessageEvent<JoinRequest>) => {
	const request = e.data;
	const { positions, dataRoot } = request;
	try {
		const started = performance.now();
		const j = await joinerOf(dataRoot);
		const ready = performance.now();
		const n = positions.length / 2;
		const timings = () => ({ index: Math.round(ready - started), join: Math.round(performance.now() - ready) });
		if (request.task === 'near') {
			const near = emptyNear(n);
			for (let from = 0; from < n; from += PROGRESS_EVERY) {
				const to = Math.min(n, from + PROGRESS_EVERY);
				nearPoints(j.index, positions, request.km, request.kinds, near, from, to);
				post({ type: 'progress', done: to });
			}
			return post({ type: 'near', near, timings: timings() }, nearBuffers(near));
		}
		const columns = emptyColumns(n);
		for (let from = 0; from < n; from += PROGRESS_EVERY) {
			const to = Math.min(n, from + PROGRESS_EVERY);
			joinPoints(j, positions, columns, from, to);
			post({ type: 'progress', done: to });
		}
		post({ type: 'done', columns, names: joinNames(j.index, columns), timings: timings() }, columnBuffers(columns));
	} catch (err) {
		post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
