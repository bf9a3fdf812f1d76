import * as vscode from 'vscode';
import { dateOf } from '../core/dates';

/**
 * Where every feature gets "today" and the user's time zone: due and overdue marks, reminders, insights, the dates Debrief
 * writes. One clock, so that all views agree and a test can run on a fixed date.
 */
export interface Clock {
  /** The local date, YYYY-MM-DD. */
  today(): string;
  /** The user's time zone (an IANA name): for times written without one, and "your time" in hovers and reminders. */
  timeZone(): string;
  /** Fires when the date changes, so that views depending on it refresh (e.g. after midnight). */
  readonly onDidChange: vscode.Event<void>;
}

/** The machine's clock; checks once a minute whether the date moved on. */
export class SystemClock implements Clock, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private last = dateOf(new Date());
  private readonly timer = setInterval(() => {
    const now = dateOf(new Date());
    if (now === this.last) return;
    this.last = now;
    this.emitter.fire();
  }, 60_000);

  today(): string {
    return dateOf(new Date());
  }

  timeZone(): string {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  dispose(): void {
    clearInterval(this.timer);
    this.emitter.dispose();
  }
}
