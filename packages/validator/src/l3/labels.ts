/**
 * Avi route labels (20.1.1+): a VRF static route with labels applies only to the SE groups that carry every one
 * of them (`VrfContext.static_routes[].labels` against `ServiceEngineGroup.labels`); a route without labels
 * applies to every SE group of the VRF. AKO scopes its pod routes this way (`clustername=<clusterName>`).
 */
import type { Label } from '@viplane/model';

export function routeAppliesTo(routeLabels: readonly Label[] | undefined, seLabels: readonly Label[] | undefined): boolean {
  if (!routeLabels || routeLabels.length === 0) return true;
  if (!seLabels || seLabels.length === 0) return false;
  for (const r of routeLabels) if (!seLabels.some((s) => s.key === r.key && s.value === r.value)) return false;
  return true;
}
