import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LiveMarket } from './marketBook';
import { MarketsPanel } from './MarketsPanel';
import type { OddsFormat } from './oddsFormat';
import { createPlaybackPosition } from './playbackPosition';
import { createOddsFormatStore, ODDS_FORMAT_KEY } from './oddsFormatStore';
import { OddsFormatProvider } from './useOddsFormat';

const market: LiveMarket = {
  id: 'mkt-1',
  title: 'Next lap under 30 s',
  state: 'OPEN',
  priceVersion: 3,
  selections: [
    { id: 'yes', name: 'Yes', oddsBp: 25_000, movedFrom: null },
    { id: 'no', name: 'No', oddsBp: 12_500, movedFrom: null },
  ],
  reason: null,
  windowEndMediaTimeUs: null,
  changedAt: 0,
  endedAt: null,
};

function panelFor(stored: OddsFormat | null): string {
  const storage = new Map<string, string>(stored ? [[ODDS_FORMAT_KEY, stored]] : []);
  const store = createOddsFormatStore(() => ({ getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) }));
  return renderToStaticMarkup(
    <OddsFormatProvider store={store}>
      <MarketsPanel
        book={new Map([[market.id, market]])}
        restProblem={null}
        socketState="open"
        chosen={null}
        position={createPlaybackPosition()}
        now={0}
        onChoose={() => {}}
      />
    </OddsFormatProvider>,
  );
}

const oddsShown = (html: string) => [...html.matchAll(/class="selection__odds"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe('the odds format choice in the markets panel', () => {
  it('is a labelled select of the three formats, showing decimal odds until the bettor chooses', () => {
    const html = panelFor(null);
    expect(html).toMatch(/<label for="([^"]+)">Odds format<\/label><select id="\1"/);
    expect(html).toContain('<option value="decimal" selected="">Decimal</option>');
    expect(html).toContain('<option value="fractional">Fractional</option>');
    expect(html).toContain('<option value="american">American</option>');
    expect(oddsShown(html)).toEqual(['2.50', '1.25']);
  });

  it('shows every selection in the remembered format', () => {
    expect(oddsShown(panelFor('fractional'))).toEqual(['3/2', '1/4']);
    expect(oddsShown(panelFor('american'))).toEqual(['+150', '-400']);
  });
});
