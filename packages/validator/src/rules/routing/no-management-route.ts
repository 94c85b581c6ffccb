import { defineRule } from '../../engine/rule.ts';
import { trace } from '../../routing/trace.ts';
import { representativeAddress } from '../../routing/endpoints.ts';
import { connectedSubnets, deliveredOn, dropMessage, elementOf, lbIndex, vrfOf } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'routing/no-management-route',
    severity: 'error',
    category: 'routing',
    description: "An SE group's management VRF has no path to its Controller's address.",
    docs: `### Why
Service Engines are programmed by the NSX-ALB Controller over their management interface, which lives
in its own routing table, the management VRF. Only directly connected networks are routed there
automatically. When the Controller sits on another network, the management VRF needs its own default
gateway (or a more specific static route); otherwise the SEs never register with the Controller, and
no virtual service is placed on them.

The rule traces from each SE group's management VRF to the Controller's address with the routing
engine (connected networks, then the Controller's \`management\` VRF static routes, then the routers
on the way).

### How to fix in Viplane
Either:

- move the SE group's **management** interface to the Controller's network (seed 000: both on dp-mgmt-32): in the
  SE group's **Interfaces**, set that interface's **Network**, or drag the end of its connection onto the network, or
- select the Controller and add to **VRFs → management → Static routes** a route \`0.0.0.0/0\` (or the Controller's
  subnet) whose next hop is the gateway of the SE management network (e.g. \`192.168.32.1\`), and make sure that
  router has a NIC or route to the Controller's network.

### Source
Seed 000 (NSX-ALB routing): the three settings to make are the subnets and IP pools, the **data** default
gateway and the **management** default gateway (L60-64); both gateways must be registered, normally on
different interfaces (L99).`,
    seeds: ['000'],
  },
  check(ctx) {
    const { model } = ctx;
    const index = lbIndex(model);
    for (const [controllerId, groups] of index.seGroupsByController) {
      const controller = elementOf(model, controllerId, 'aviController');
      const address = index.controllerAddress.get(controllerId);
      if (!controller || !address) continue;
      for (const se of groups) {
        const vrf = vrfOf(model.hostById.get(se.id), 'management');
        // No management NIC drawn yet, or one on a network whose subnet is unknown: cannot judge.
        if (!vrf || vrf.interfaces.length === 0 || connectedSubnets(model, vrf) === null) continue;
        // The Controller element resolves to its own interface address without a scan of the estate.
        const to =
          representativeAddress(model, controllerId)?.address.value === address.ip.value
            ? { elementId: controllerId }
            : { address: address.ip.text };
        const result = trace(model, { elementId: se.id, vrf: 'management' }, to, index.routing);
        if (deliveredOn(result, address.networkId)) continue;
        const nets = vrf.interfaces.map((i) => model.networkById.get(i.networkId)?.name ?? i.networkId);
        ctx.report({
          message: `SE group ${se.name} cannot reach Controller ${controller.name} at ${address.ip.text} from its management VRF (management NIC on ${nets.join(', ')}): ${dropMessage(result, model)}`,
          targets: [
            { kind: 'seGroup', id: se.id },
            { kind: 'aviController', id: controller.id },
            ...vrf.interfaces.map((i) => ({ kind: 'link' as const, id: i.sourceId })),
          ],
          data: {
            seGroup: se.name,
            controller: controller.name,
            controllerAddress: address.ip.text,
            managementNetworks: nets,
            dropReason: result.drop?.reason ?? null,
          },
        });
      }
    }
  },
});
