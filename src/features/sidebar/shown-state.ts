/**
 * How an interview file showed in the Interviews view at its last listing. A change that keeps a
 * file's shown state re-renders only its item; one that changes it (another group, now hidden by the
 * filter, now broken) rebuilds the view.
 */
export type Shown =
  | { kind: 'problem' }
  | { kind: 'record'; group: string; visible: boolean };

export function sameShown(a: Shown | undefined, b: Shown | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return a === b;
  return a.kind === 'problem' || (b.kind === 'record' && a.group === b.group && a.visible === b.visible);
}
