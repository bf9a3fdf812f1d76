/** The test seam of the insights, reminders, review and export features (internal command, not in the palette). */
import type { Reminder } from '../../core/reminders';
import type { Clock, Prompter } from './seams';
import type { ToWebview } from './protocol';

export interface InsightsTesting {
  /** Replaces the clock (undefined: the real one); views refresh. */
  setClock(clock: Clock | undefined): void;
  /** Replaces some prompts (undefined: the real ones). */
  setPrompter(prompter: Partial<Prompter> | undefined): void;
  insights: {
    /** The last message posted to the webview, and how many were posted. */
    lastMessage(): ToWebview | undefined;
    posted(): number;
    /** How many times a webview script reported that it loaded. */
    readies(): number;
    isOpen(): boolean;
    /** What a click on a bar, point or table cell does. */
    click(chart: string, series: number, index: number): Promise<void>;
    close(): void;
    /** Restores a panel as VS Code does after a reload (through the registered serializer's code). */
    revive(): Promise<void>;
  };
  reminders: {
    items(): Reminder[];
    badge(): number | undefined;
    status(): { text: string; visible: boolean };
    /** Recomputes now (as a change or the hourly check would). */
    refresh(): Promise<void>;
    /** Forgets the date of the last notification. */
    resetNotified(): Promise<void>;
  };
}
