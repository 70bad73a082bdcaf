/**
 * What a GL program costs the first time it draws, in this machine's headless Chromium (issue 12; a person's tool,
 * not a test). Software WebGL (SwiftShader) compiles a program to machine code at its first draw, not at link: for
 * each of 8 new programs this prints the link time, then three draws of the same full-canvas quad, each waited for
 * with a one-pixel readPixels. The first draw's extra time is the compile. It is why the atlas draws its first view
 * with one program per layer type (src/lib/style/shared-programs.ts).
 *   npx tsx scripts/bench/first-draw.ts
 */
import { launchChromium } from '../../src/e2e/harness.ts';

const browser = await launchChromium();
try {
	const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
	await page.setContent('<canvas id="c" width="1280" height="800"></canvas>');
	// a string, so no bundler helper reaches the page
	const rows = (await page.evaluate(`(() => {
		const gl = document.getElementById('c').getContext('webgl2');
		const px = new Uint8Array(4);
		const wait = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
		const program = (i) => {
			const vs = '#version 300 es\\nin vec2 p; uniform float u; out float v;' +
				'void main() { v = p.x * ' + (i + 1) + '.0 + u; gl_Position = vec4(p * (0.5 + 0.01 * float(' + i + ')), 0.0, 1.0); }';
			const fs = '#version 300 es\\nprecision mediump float; in float v; out vec4 o; uniform vec4 c;' +
				'void main() { float s = 0.0; for (int k = 0; k < ' + (2 + (i % 5)) + '; k++) s += sin(v * float(k)); o = c * (0.5 + 0.1 * s); }';
			const p = gl.createProgram();
			for (const [type, text] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]]) {
				const s = gl.createShader(type); gl.shaderSource(s, text); gl.compileShader(s); gl.attachShader(p, s);
			}
			gl.bindAttribLocation(p, 0, 'p');
			gl.linkProgram(p);
			return p;
		};
		gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
		gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
		gl.enableVertexAttribArray(0);
		gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
		gl.enable(gl.BLEND);
		gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
		wait();
		const timed = (f) => { const t = performance.now(); f(); return performance.now() - t; };
		const out = [];
		for (let i = 0; i < 8; i++) {
			let p;
			const link = timed(() => { p = program(i); gl.getProgramParameter(p, gl.LINK_STATUS); });
			gl.useProgram(p);
			gl.uniform4f(gl.getUniformLocation(p, 'c'), 0.1, 0.2, 0.3, 0.4);
			const draws = [0, 1, 2].map(() => timed(() => { gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4); wait(); }));
			out.push([link, ...draws]);
		}
		return out;
	})()`)) as number[][];
	const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
	console.log('new program:     link     1st draw  2nd draw  3rd draw');
	for (const [i, r] of rows.entries()) console.log(`  #${i + 1}          ${r.map(ms).join('  ')}`);
	const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
	const first = median(rows.map((r) => r[1]));
	const later = median(rows.flatMap((r) => r.slice(2)));
	console.log(
		`median first draw ${first.toFixed(0)} ms, later draws ${later.toFixed(0)} ms: ~${(first - later).toFixed(0)} ms to compile a program at its first draw`
	);
} finally {
	await browser.close();
}
