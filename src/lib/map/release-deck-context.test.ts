import { describe, expect, test, vi } from 'vitest';
import { releaseDeckContext } from './release-deck-context';

/** A stand-in for WebGL2RenderingContext: methods live on the prototype, as in browsers. */
class FakeGL {
	enable(): string {
		return 'native enable';
	}
	getParameter(): string {
		return 'native getParameter';
	}
}

/** A context as luma.gl leaves it: spies as own properties, its device and state cache hung on the object. */
function attachedContext() {
	const gl = new FakeGL() as FakeGL & Record<string, unknown>;
	const device = { destroy: vi.fn(), canvasContext: { destroy: vi.fn() } };
	gl.enable = () => 'spy enable';
	gl.getParameter = () => 'cached getParameter';
	gl.luma = { device, extensions: {} };
	gl.lumaState = { cache: {} };
	return { gl, device };
}

describe('releaseDeckContext', () => {
	test('uncovers the native methods and drops luma.gl data', () => {
		const { gl } = attachedContext();
		releaseDeckContext(gl as unknown as WebGL2RenderingContext);
		expect(gl.enable()).toBe('native enable');
		expect(gl.getParameter()).toBe('native getParameter');
		expect(Object.getOwnPropertyNames(gl)).toEqual([]);
	});

	test('destroys the old device and stops its canvas observers', () => {
		const { gl, device } = attachedContext();
		releaseDeckContext(gl as unknown as WebGL2RenderingContext);
		expect(device.canvasContext.destroy).toHaveBeenCalledOnce();
		expect(device.destroy).toHaveBeenCalledOnce();
	});

	test('leaves a context deck.gl never used as it is', () => {
		const gl = new FakeGL() as FakeGL & Record<string, unknown>;
		gl.unrelated = 1;
		releaseDeckContext(gl as unknown as WebGL2RenderingContext);
		expect(gl.unrelated).toBe(1);
		expect(gl.enable()).toBe('native enable');
	});
});
