import type { Rule } from '../../engine/rule.ts';
import noDefaultGateway from './no-default-gateway.ts';
import noManagementRoute from './no-management-route.ts';
import nextHopNotConnected from './next-hop-not-connected.ts';
import unreachableBackend from './unreachable-backend.ts';
import unreachableVip from './unreachable-vip.ts';
import unintendedDirectAttach from './unintended-direct-attach.ts';

export const routingRules: readonly Rule[] = [
  noDefaultGateway,
  noManagementRoute,
  nextHopNotConnected,
  unreachableBackend,
  unreachableVip,
  unintendedDirectAttach,
];
