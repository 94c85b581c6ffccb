import type { FormatImporter } from '../import/formats.ts';
import { importTkg, looksLikeTkg } from './import.ts';

export const tkgImporter: FormatImporter = {
  format: 'tkg',
  label: 'TKG cluster config',
  detect: (value) => looksLikeTkg(value),
  read: importTkg,
};
