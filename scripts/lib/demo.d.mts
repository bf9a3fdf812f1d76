export const DEMO_AS_OF: string;
export function shiftDates(text: string, days: number): string;
export function copyDemo(root: string, dest: string, now?: Date): number;
