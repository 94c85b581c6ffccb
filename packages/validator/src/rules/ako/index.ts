import type { Rule } from '../../engine/rule.ts';
import staticRouteNeedsNodeNetwork from './static-route-needs-node-network.ts';
import routablePodsStaticRoutes from './routable-pods-static-routes.ts';
import clusterNameDuplicate from './cluster-name-duplicate.ts';
import clusterNamePrefix from './cluster-name-prefix.ts';
import dnsVsInPool from './dns-vs-in-pool.ts';
import nodeportNoSelector from './nodeport-no-selector.ts';
import nodeportlocalNeedsAntrea from './nodeportlocal-needs-antrea.ts';
import clusterNameInvalid from './cluster-name-invalid.ts';
import nodeportSelectorOneLabel from './nodeport-selector-one-label.ts';
import seGroupSharedStaticRoute from './se-group-shared-static-route.ts';
import podCidrOverlapInVrf from './pod-cidr-overlap-in-vrf.ts';
import noVipNetwork from './no-vip-network.ts';

export const akoRules: readonly Rule[] = [
  staticRouteNeedsNodeNetwork,
  routablePodsStaticRoutes,
  clusterNameDuplicate,
  clusterNamePrefix,
  dnsVsInPool,
  nodeportNoSelector,
  nodeportlocalNeedsAntrea,
  clusterNameInvalid,
  nodeportSelectorOneLabel,
  seGroupSharedStaticRoute,
  podCidrOverlapInVrf,
  noVipNetwork,
];
