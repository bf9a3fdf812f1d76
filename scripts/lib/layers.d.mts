export const LAYERS: { layer: string; allowed: string[]; hint: string }[];
export function forbiddenImport(src: string, file: string, target: string): { layer: string; allowed: string; hint: string } | undefined;
