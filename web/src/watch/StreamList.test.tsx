import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StreamList } from './StreamList';

describe('the stream list', () => {
  it('says there are no streams yet when the server has none', () => {
    const html = renderToStaticMarkup(<StreamList page={{ items: [], nextCursor: null }} />);
    expect(html).toContain('No streams yet');
  });

  it('shows each stream title with its state', () => {
    const html = renderToStaticMarkup(
      <StreamList
        page={{
          items: [{ id: 'str_1', title: 'Sprint final', state: 'live', createdAt: '2026-11-24T10:00:00Z' }],
          nextCursor: null,
        }}
      />,
    );
    expect(html).toContain('Sprint final');
    expect(html).toContain('>Live<');
    expect(html).not.toContain('No streams yet');
  });

  it('names a stream without a title instead of showing a blank card', () => {
    const html = renderToStaticMarkup(
      <StreamList
        page={{ items: [{ id: 'str_2', title: '  ', state: 'idle', createdAt: '2026-11-24T10:00:00Z' }], nextCursor: null }}
      />,
    );
    expect(html).toContain('Untitled stream');
  });
});
