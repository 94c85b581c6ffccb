/** A Viplane topology document (topology.json, or the one inside a bundle zip). */
import type { FormatImporter } from './formats.ts';

export const topologyImporter: FormatImporter = {
  format: 'topology',
  label: 'Viplane topology.json',
  detect: (value) => value !== null && typeof value === 'object' && 'schemaVersion' in value && 'elements' in value,
  // importFiles restores it and makes it the design; nothing is merged.
  read: () => {},
};
