import type { FormatImporter } from '../import/formats.ts';
import { importAko, looksLikeAkoValues } from './import.ts';

export const akoImporter: FormatImporter = {
  format: 'ako',
  label: 'AKO Helm values.yaml',
  detect: (value) => looksLikeAkoValues(value),
  read: importAko,
};
