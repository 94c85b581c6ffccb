/** Every importer, in the order they read: clusters exist before the AKO values that name them. */
import type { FormatImporter } from './formats.ts';
import { topologyImporter } from './topology.ts';
import { aciImporter } from '../aci/importer.ts';
import { akoImporter } from '../ako/importer.ts';
import { tkcImporter } from '../tkc/importer.ts';
import { tkgImporter } from '../tkg/importer.ts';

export const importers: readonly FormatImporter[] = [topologyImporter, aciImporter, tkgImporter, tkcImporter, akoImporter];
