/**
 * AKO exports: Helm values per `ako` element on a plain or TKC cluster (values.ts), and TKG's
 * AKODeploymentConfigs for designs that use TKG with NSX-ALB (adc.ts).
 */
import type { ConfigContext, ConfigFile } from '../configs.ts';
import { akoValuesFiles } from './values.ts';
import { adcFiles } from './adc.ts';

export { akoValues } from './values.ts';
export { ADC_API_VERSION, ADC_SELECTOR_LABEL } from './adc.ts';

export function akoConfigs(ctx: ConfigContext): ConfigFile[] {
  return [...akoValuesFiles(ctx), ...adcFiles(ctx)];
}
