/** The version of Debrief, read from package.json when the command line is built (scripts/build.mjs). */
declare const DEBRIEF_VERSION: string;

export const VERSION: string = DEBRIEF_VERSION;
