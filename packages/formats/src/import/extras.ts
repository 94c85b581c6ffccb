/**
 * Writing an element's `extras` back (export -> import -> export keeps them): each extras key is a
 * dotted path in the format's file (`AKOSettings.logLevel`, `spec.settings.network.proxy`). A value
 * goes where the exporter wrote nothing or only a `<PLACEHOLDER>`; what the design models wins, except
 * for the paths in `replace` — constants the exporter writes for want of a value in the design
 * (AKO `ControllerSettings.tenantName: admin`), which the file's own value replaces.
 */
import { isPlaceholder } from '../placeholder.ts';

export function applyExtras(
  values: Record<string, unknown>,
  extras: Readonly<Record<string, unknown>> | undefined,
  options: { replace?: readonly string[] } = {},
): void {
  if (!extras) return;
  for (const [path, value] of Object.entries(extras)) {
    const parts = path.split('.');
    const last = parts.pop() as string;
    let holder: Record<string, unknown> | null = values;
    for (const p of parts) {
      const next: unknown = holder[p];
      if (next === undefined) holder[p] = {};
      else if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        holder = null;
        break;
      }
      holder = holder[p] as Record<string, unknown>;
    }
    if (!holder) continue;
    const current = holder[last];
    if (current === undefined || isPlaceholder(current) || options.replace?.includes(path)) holder[last] = structuredClone(value);
  }
}
