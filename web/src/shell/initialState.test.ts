import { describe, expect, it } from 'vitest';
import { parseInitialState } from './initialState';

describe('the server-rendered initial state', () => {
  it('reads the stream list and the stream the server put in the page', () => {
    const state = parseInitialState(
      JSON.stringify({
        streams: {
          items: [{ id: 'str_aaaaaaaaaaaaaaaa', title: '<b>Final</b>', state: 'live', createdAt: '2026-11-24T10:00:00Z' }],
          nextCursor: null,
        },
        stream: { id: 'str_aaaaaaaaaaaaaaaa', title: '<b>Final</b>', state: 'live', createdAt: '2026-11-24T10:00:00Z' },
      }),
    );
    expect(state?.streams?.items[0]?.title).toBe('<b>Final</b>');
    expect(state?.stream?.state).toBe('live');
  });

  it('reads the unicode escapes the server uses to keep the script inert', () => {
    const state = parseInitialState(
      '{"streams":{"items":[{"id":"s","title":"\\u003c/script\\u003e","state":"idle","createdAt":"2026-11-24T10:00:00Z"}],"nextCursor":null}}',
    );
    expect(state?.streams?.items[0]?.title).toBe('</script>');
  });

  it('starts empty instead of failing when the script is missing or malformed', () => {
    expect(parseInitialState(null)).toBeUndefined();
    expect(parseInitialState('{not json')).toBeUndefined();
    expect(parseInitialState('{"streams":{"items":"nope"}}')).toBeUndefined();
  });
});
