import type { FormatImporter } from '../import/formats.ts';
import { importTkc, looksLikeTkc } from './import.ts';

export const tkcImporter: FormatImporter = {
  format: 'tkc',
  label: 'TanzuKubernetesCluster manifest',
  // A file may start with another kind (a Namespace) before its TanzuKubernetesCluster.
  detect: (value, text) =>
    looksLikeTkc(value) || (/^kind:\s*["']?TanzuKubernetesCluster\b/m.test(text) && /^apiVersion:\s*["']?run\.tanzu\.vmware\.com\//m.test(text)),
  read: importTkc,
};
