import type { Rule } from '../../engine/rule.ts';
import serviceCidrTooWide from './service-cidr-too-wide.ts';
import cidrCoversInfrastructure from './cidr-covers-infrastructure.ts';
import dockerBridgeOverlap from './docker-bridge-overlap.ts';

export const k8sRules: readonly Rule[] = [serviceCidrTooWide, cidrCoversInfrastructure, dockerBridgeOverlap];
