import { describe, expect, test } from 'vitest';
import { embedSnippet, readEmbedOptions, readHostRequest } from './embed-messages';

describe('messages from the host page', () => {
	test('setState and getState are read; other scripts’ messages are ignored', () => {
		expect(readHostRequest({ type: 'atlas:setState', state: { lang: 'en' } })).toEqual({
			type: 'atlas:setState',
			state: { lang: 'en' }
		});
		expect(readHostRequest({ type: 'atlas:getState' })).toEqual({ type: 'atlas:getState' });
		for (const other of [null, 'hello', 42, {}, { type: 'webpackOk' }, { source: 'react-devtools' }]) {
			expect(readHostRequest(other)).toBeNull();
		}
	});
	test('a broken atlas message gets a message saying what is accepted', () => {
		expect(readHostRequest({ type: 'atlas:setState' })).toMatchObject({ type: 'invalid' });
		expect(readHostRequest({ type: 'atlas:explode' })).toEqual({
			type: 'invalid',
			message: expect.stringMatching(/unknown message type "atlas:explode".*accepted/)
		});
	});
});

describe('embed options and snippet', () => {
	test('flags read from the query string, with defaults', () => {
		expect(readEmbedOptions('')).toEqual({ title: true, legend: true, controls: false });
		expect(readEmbedOptions('?title=0&controls=1&legend=false')).toEqual({
			title: false,
			legend: false,
			controls: true
		});
	});
	test('the snippet names only non-default options, keeps the state link and escapes attributes', () => {
		const html = embedSnippet(
			'http://127.0.0.1:4173/atlas/embed/#v=1&map=6/30/102',
			{ title: false, legend: true, controls: false },
			'100%',
			480,
			'Map "A" <b>'
		);
		expect(html).toBe(
			'<iframe src="http://127.0.0.1:4173/atlas/embed/?title=0#v=1&amp;map=6/30/102" width="100%" height="480" title="Map &quot;A&quot; &lt;b>" style="border:0" loading="lazy" allowfullscreen></iframe>'
		);
	});
});
