import { describe, expect, it } from 'vitest';
import { createOddsFormatStore, ODDS_FORMAT_KEY, type ChoiceStorage } from './oddsFormatStore';

/** localStorage as a map, which can be made to refuse writes as a full or locked-down one does. */
class FakeStorage implements ChoiceStorage {
  readonly items = new Map<string, string>();
  refuseWrites = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('the remembered odds format', () => {
  it('is decimal for a bettor who never chose', () => {
    expect(createOddsFormatStore(() => new FakeStorage()).get()).toBe('decimal');
  });

  it('is remembered under slipstream.oddsFormat and read back on the next visit', () => {
    const storage = new FakeStorage();
    createOddsFormatStore(() => storage).set('american');
    expect(storage.items.get(ODDS_FORMAT_KEY)).toBe('american');
    expect(createOddsFormatStore(() => storage).get()).toBe('american');
  });

  it('reads a stored value that is not a format as decimal', () => {
    const storage = new FakeStorage();
    storage.items.set(ODDS_FORMAT_KEY, 'moneyline');
    expect(createOddsFormatStore(() => storage).get()).toBe('decimal');
  });

  it('still changes for this page when the browser refuses storage altogether', () => {
    const store = createOddsFormatStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    let told = 0;
    store.subscribe(() => told++);
    expect(store.get()).toBe('decimal');
    store.set('fractional');
    expect(store.get()).toBe('fractional');
    store.reload();
    expect(store.get()).toBe('fractional');
    expect(told).toBe(1);
  });

  it('still changes for this page when storage is full', () => {
    const storage = new FakeStorage();
    storage.refuseWrites = true;
    const store = createOddsFormatStore(() => storage);
    store.set('american');
    expect(store.get()).toBe('american');
  });

  it('tells its listeners of a change, once, and no longer once they leave', () => {
    const store = createOddsFormatStore(() => new FakeStorage());
    const heard: string[] = [];
    const leave = store.subscribe(() => heard.push(store.get()));
    store.set('fractional');
    store.set('fractional');
    leave();
    store.set('american');
    expect(heard).toEqual(['fractional']);
  });

  it('follows a choice made in another tab', () => {
    const storage = new FakeStorage();
    const store = createOddsFormatStore(() => storage);
    expect(store.get()).toBe('decimal');
    let told = 0;
    store.subscribe(() => told++);
    storage.items.set(ODDS_FORMAT_KEY, 'fractional');
    store.reload();
    expect(store.get()).toBe('fractional');
    expect(told).toBe(1);
  });
});
