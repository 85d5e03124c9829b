import { useState } from 'react';
import { formatOdds } from './format';
import type { LiveSelection } from './marketBook';
import { firstFlash, nextFlash } from './priceFlash';
import { useOddsFormat } from './useOddsFormat';

/** One selection's name and odds; the odds flash up or down when the price shown changes. */
export function SelectionButton({
  selection,
  chosen,
  disabled,
  onChoose,
}: {
  selection: LiveSelection;
  chosen: boolean;
  disabled: boolean;
  onChoose: () => void;
}) {
  const { format } = useOddsFormat();
  const shown = formatOdds(selection.oddsBp, format);
  const [flash, setFlash] = useState(() => firstFlash(shown, selection.oddsBp));
  const next = nextFlash(flash, shown, selection.oddsBp);
  // Adjusting state while rendering (React's pattern for state derived from a changing prop).
  if (next !== flash) setFlash(next);
  return (
    <button
      type="button"
      className="selection"
      aria-pressed={chosen}
      disabled={disabled || selection.oddsBp <= 0}
      onClick={onChoose}
      data-selection-id={selection.id}
    >
      <span className="selection__name">{selection.name}</span>
      <span key={next.generation} className="selection__odds" data-moved={next.direction} data-flash={next.generation}>
        {shown}
      </span>
    </button>
  );
}
