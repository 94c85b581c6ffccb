/**
 * Fields an import could not learn (@viplane/model `UnknownFields`). A rule does not judge an
 * unknown field: "no Tier-0" is a mistake, "the files do not say which Tier-0" is a question, which
 * `design/unknown-value` asks (info).
 */
import type { Element } from '@viplane/model';

export function isUnknown(el: Pick<Element, 'unknown'> | undefined, path: string): boolean {
  return el?.unknown?.includes(path) ?? false;
}
