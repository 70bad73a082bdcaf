import { downloadBlob } from '$lib/ui/download';

/** Saves CSV text as a file, with a byte-order mark so that Excel opens UTF-8 with its Chinese intact. */
export function downloadCsv(text: string, filename: string): void {
	downloadBlob(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), filename);
}

/** Saves GeoJSON text as a file (RFC 7946's media type). */
export function downloadGeoJson(text: string, filename: string): void {
	downloadBlob(new Blob([text], { type: 'application/geo+json' }), filename);
}
