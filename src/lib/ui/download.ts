/** Saves a Blob as a file through the browser's download (no server involved). */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe stamp of today's date, e.g. 2026-11-21. */
export const today = () => new Date().toISOString().slice(0, 10);
