// Minimal types for the two untyped packages scripts/glyphs uses.

declare module 'fontnik' {
	interface FontFace {
		family_name: string;
		style_name?: string;
		/** Code points the face has glyphs for. */
		points: number[];
	}
	const fontnik: {
		load(font: Buffer, callback: (err: Error | null, faces?: FontFace[]) => void): void;
		range(
			options: { font: Buffer; start: number; end: number },
			callback: (err: Error | null, data?: Buffer) => void
		): void;
	};
	export default fontnik;
}

declare module 'subset-font' {
	function subsetFont(
		font: Buffer | Uint8Array,
		text: string,
		options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; preserveNameIds?: number[] }
	): Promise<Buffer>;
	export default subsetFont;
}
