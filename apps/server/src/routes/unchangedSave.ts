/**
 * A save that changes nothing (no semantic and no layout change against the version it was edited
 * from, which is still current) makes no new version: the history lists only real changes, and an
 * autosave or a nervous Ctrl+S does not bury them.
 */
import { diffDocuments, restore, type TopologyDocument } from '@viplane/model';
import type { DesignMeta, DesignRepository } from '../db/repository.ts';

/** The current version's meta when `document` means the same as it and `expected` is current; otherwise undefined (save as usual). */
export async function unchangedCurrent(
  repository: DesignRepository,
  id: string,
  expected: number,
  document: TopologyDocument,
): Promise<DesignMeta | undefined> {
  const current = await repository.getDesign(id);
  // Not current (or gone): the normal save answers with the 412 or 404.
  if (!current || current.version !== expected) return undefined;
  const stored = restore(current.document);
  if (!stored.ok || !diffDocuments(stored.document, document).identical) return undefined;
  const { document: _document, ...meta } = current;
  return meta;
}
