/**
 * What the integration tests reach inside the running extension. It exists only when VS Code runs the
 * extension for its tests (ExtensionMode.Test), and the production bundle leaves this file out (see
 * DEBRIEF_TEST_SUPPORT in scripts/build.mjs): the shipped extension has no hooks and exports nothing.
 */
import * as vscode from 'vscode';
import { localDisk } from './adapters/local-disk';
import type { Parts } from './features';
import type { Clock } from './services/clock';
import type { Journal } from './services/journal';
import type { ReadGate, ReadPoint } from './services/journal-store';
import type { Prompter } from './services/prompter';
import { vscodePrompter } from './services/prompter';
import type { ServiceOverrides, Services } from './services/services';

export interface TestApi {
  readonly services: Services;
  /** What each feature is made of (views, panels), as its activate returned it. */
  readonly parts: Parts;
  readonly context: vscode.ExtensionContext;
  /** Runs every feature on a fixed date (undefined: the machine's); views that depend on it refresh. */
  setToday(today: string | undefined): void;
  /** Runs every feature in a fixed time zone (undefined: the machine's). */
  setTimeZone(zone: string | undefined): void;
  /** Answers every question and receives every message (undefined: VS Code's own dialogs). */
  setPrompter(prompter: Prompter | undefined): void;
  /** Applies editor text still waiting for its debounce, and waits for any reading in progress. */
  settle(): Promise<void>;
  /**
   * Where this code runs, as seen from inside the extension: `worker` in a web worker (no `process`),
   * and whether the Node entry handed it the local disk (src/adapters/local-disk.ts).
   */
  readonly host: { runtime: 'worker' | 'node'; localDisk: boolean };
  /**
   * Holds the next reading of a journal at the first point `at` accepts (see `ReadPoint`), until
   * released: `reached` resolves when the reading stands there.
   */
  holdReading(at: (point: ReadPoint, journal: Journal) => boolean): ReadingHeld;
}

/** A reading held by `holdReading`. */
export interface ReadingHeld {
  readonly reached: Promise<ReadPoint>;
  release(): void;
}

/** The store's gate for the test mode: readings pass, except where a test holds one. */
class ReadHolds {
  private holds: { at: (point: ReadPoint, journal: Journal) => boolean; reached(point: ReadPoint): void; released: Promise<void> }[] = [];

  readonly gate: ReadGate = async (journal, point) => {
    const hold = this.holds.find((h) => h.at(point, journal));
    if (!hold) return;
    this.holds = this.holds.filter((h) => h !== hold);
    hold.reached(point);
    await hold.released;
  };

  hold(at: (point: ReadPoint, journal: Journal) => boolean): ReadingHeld {
    let reached = (_: ReadPoint): void => undefined;
    let release = (): void => undefined;
    const hold = {
      at,
      reached: (p: ReadPoint) => reached(p),
      released: new Promise<void>((r) => (release = r)),
    };
    this.holds.push(hold);
    return {
      reached: new Promise<ReadPoint>((r) => (reached = r)),
      release: () => {
        // Released before it was reached: it holds nothing.
        this.holds = this.holds.filter((h) => h !== hold);
        release();
      },
    };
  }
}

/** A clock a test can set; it reads the real date until it is set. */
class SettableClock implements Clock {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private fixed: string | undefined;
  private zone: string | undefined;
  constructor(private readonly real: Clock) {
    real.onDidChange(() => {
      if (this.fixed === undefined) this.emitter.fire();
    });
  }
  today(): string {
    return this.fixed ?? this.real.today();
  }
  timeZone(): string {
    return this.zone ?? this.real.timeZone();
  }
  setTimeZone(zone: string | undefined): void {
    this.zone = zone;
    this.emitter.fire();
  }
  set(today: string | undefined): void {
    this.fixed = today;
    this.emitter.fire();
  }
}

/** A Prompter that forwards to the one a test installed, else to VS Code's. */
function switchablePrompter(current: () => Prompter): Prompter {
  return {
    pick: (items, o) => current().pick(items, o),
    pickMany: (items, o) => current().pickMany(items, o),
    pickOrType: (s, o) => current().pickOrType(s, o),
    input: (o) => current().input(o),
    confirm: (m, d, a) => current().confirm(m, d, a),
    notify: (m, ...a) => current().notify(m, ...a),
    notifyUntil: (m, u) => current().notifyUntil(m, u),
    error: (m, ...a) => current().error(m, ...a),
    saveLocation: (o) => current().saveLocation(o),
    openLocation: (o) => current().openLocation(o),
  };
}

export function createTestMode(realClock: Clock): { overrides: ServiceOverrides; api(services: Services, parts: Parts, context: vscode.ExtensionContext): TestApi } {
  const clock = new SettableClock(realClock);
  const holds = new ReadHolds();
  let prompter: Prompter = vscodePrompter;
  return {
    overrides: { clock, prompter: switchablePrompter(() => prompter), readGate: holds.gate },
    api: (services, parts, context) => ({
      services, parts, context,
      host: {
        runtime: typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' && !('process' in globalThis) ? 'worker' : 'node',
        localDisk: localDisk !== undefined,
      },
      setToday: (today) => clock.set(today),
      setTimeZone: (zone) => clock.setTimeZone(zone),
      setPrompter: (p) => {
        prompter = p ?? vscodePrompter;
      },
      settle: async () => {
        await services.store.ready;
        services.store.flush();
      },
      holdReading: (at) => holds.hold(at),
    }),
  };
}
