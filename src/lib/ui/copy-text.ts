/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context (https or localhost), which intranet
 * servers often are not, so this falls back to selecting a field and `execCommand('copy')`. Returns whether it worked.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
	try {
		if (navigator.clipboard && window.isSecureContext) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch {
		// fall through to the selection route
	}
	if (!field) return false;
	field.focus();
	field.select();
	try {
		return document.execCommand('copy');
	} catch {
		return false;
	}
}
