import type { FormatImporter } from '../import/formats.ts';
import { importAci, looksLikeAccProvision } from './import.ts';

export const aciImporter: FormatImporter = {
  format: 'aci',
  label: 'acc-provision input',
  detect: (value) => looksLikeAccProvision(value),
  read: importAci,
};
