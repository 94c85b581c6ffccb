/**
 * Stable DOM ids for inspector inputs, from a diagnostic's field path (ARCHITECTURE.md "Field paths"):
 * the Problems panel focuses the field at fault by id, the inspector's field components set it.
 */

/** The id of the input for `field` of the element or link `ownerId` (`endpoint.address`, `ranges.2.end`). */
export function fieldInputId(ownerId: string, field: string): string {
  // Ids and paths are [A-Za-z0-9_.:-] (model Id pattern), all valid in an HTML id; the prefix keeps them apart from others.
  return `field--${ownerId}--${field}`;
}

/**
 * The input for the field, or for the nearest enclosing field the inspector renders as one input
 * (`vrfs.0.staticRoutes.1.nextHop` falls back to `vrfs.0.staticRoutes.1`, then `vrfs.0.staticRoutes`...).
 */
export function findFieldInput(root: ParentNode, ownerId: string, field: string): HTMLElement | null {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const found = root.querySelector<HTMLElement>(`[id="${CSS.escape(fieldInputId(ownerId, parts.slice(0, n).join('.')))}"]`);
    if (found) return found;
  }
  return null;
}
