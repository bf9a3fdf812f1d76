import { dateOf } from '../core/dates';

/** Where every feature gets the date, so tests can set it (no real waiting) and all views agree. */
export interface Clock {
  /** The local date, YYYY-MM-DD. */
  today(): string;
  now(): Date;
}

export const systemClock: Clock = { today: () => dateOf(new Date()), now: () => new Date() };

const listeners = new Set<() => void>();
let current: Clock = systemClock;

/** The clock every feature reads. */
export const clock: Clock = {
  today: () => current.today(),
  now: () => current.now(),
};

/** Replaces the clock (undefined: the real one) and tells the views that depend on the date. */
export function setClock(next: Clock | undefined): void {
  current = next ?? systemClock;
  for (const l of [...listeners]) l();
}

/** Calls `listener` after the clock is replaced; returns a disposable. */
export function onDidChangeClock(listener: () => void): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => void listeners.delete(listener) };
}
