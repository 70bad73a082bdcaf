/**
 * The largest file the tab is asked to read, from the device's memory (navigator.deviceMemory, GB, which Chromium
 * rounds and caps at 8): parsed rows take several times the file's size, and a tab past its memory dies without a
 * word, so a file over the limit is refused first, naming the limit. Pure, no DOM.
 */
import { MAX_BYTES } from './decode';

/** Bytes of file allowed per GB of device memory. */
export const BYTES_PER_GB = 16 * 1024 * 1024;
/** Never below this (a phone that reports 0.5 GB still reads a small register) nor above this. */
export const MIN_LIMIT = 24 * 1024 * 1024;
export const MAX_LIMIT = 128 * 1024 * 1024;

/** The file-size limit for a device with this much memory (GB); MAX_BYTES when the browser does not say. */
export function fileLimit(deviceMemoryGb: number | undefined): number {
	if (!deviceMemoryGb || !Number.isFinite(deviceMemoryGb) || deviceMemoryGb <= 0) return MAX_BYTES;
	return Math.max(MIN_LIMIT, Math.min(MAX_LIMIT, Math.round(deviceMemoryGb * BYTES_PER_GB)));
}

/** This browser's limit. */
export const browserFileLimit = () =>
	fileLimit(typeof navigator === 'undefined' ? undefined : (navigator as { deviceMemory?: number }).deviceMemory);
