/**
 * Generates the lists of keys the importers know, from the real tools' reference data in
 * ../shared/reference (which is not shipped with the app): `npm run known-keys -w @viplane/formats`.
 * test/import/known-keys.test.ts fails when a list is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedKnownKeys } from '../test/import/knownKeys.ts';

for (const { path, content } of generatedKnownKeys()) {
  writeFileSync(join(import.meta.dirname, '..', path), content);
  console.log(`wrote ${path}`);
}
