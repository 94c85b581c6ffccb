import { defineRule } from '../../engine/rule.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'ako/no-vip-network',
    severity: 'error',
    category: 'ako',
    description: 'AKO has no VIP network (NetworkSettings.vipNetworkList is empty).',
    docs: `### Why
AKO asks the Controller for every virtual service's VIP on the network of \`NetworkSettings.vipNetworkList\`
(vCenter cloud: exactly one network). Without it AKO's start-up validation finds invalid input: AKO
reboots to retry and disables its sync, so no LoadBalancer service or Ingress of the cluster gets a
virtual service and the services stay \`<pending>\`.

### How to fix in Viplane
Select the AKO element and set its **VIP network** to the port group that holds the VIPs (a network registered on the
Controller, with a \`vip-pool\` or \`se-vip-pool\` range, and listed in the Controller's IPAM profile).

### Source
AKO troubleshooting guide (vmware/load-balancer-and-ingress-services-for-kubernetes,
\`docs/troubleshooting/troubleshooting.md\`, "AKO pod is restarting automatically"): "From AKO logs check if
any input is invalid: Invalid input detected, AKO will be rebooted". AKO tunables (\`docs/values.md\`,
\`NetworkSettings.vipNetworkList\`): "Except AWS cloud, for all other cloud types, only one networkName is
supported". Seed 003: the VIP network alb-vip (L117-119).`,
    seeds: ['003'],
  },
  check({ model, report }) {
    for (const ako of model.ofKind('ako')) {
      // An imported values file that did not say is a question for design/unknown-value, not a mistake.
      if (ako.props.vipNetworkId !== null || isUnknown(ako, 'vipNetworkId')) continue;
      report({
        message: `AKO ${ako.props.clusterName || ako.name} has no VIP network: AKO stops syncing and no service gets a VIP`,
        targets: [{ kind: 'ako', id: ako.id }],
        data: { ako: ako.props.clusterName || ako.name },
      });
    }
  },
});
