import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { isUnknown } from '../../unknown.ts';

type Missing = { setting: string; why: string; targets: Target[] };

export default defineRule({
  meta: {
    id: 'tkg/alb-settings-missing',
    severity: 'error',
    category: 'tkg',
    description:
      'A TKG design that uses NSX-ALB lacks a setting the tanzu CLI requires (AVI_CONTROLLER, AVI_CLOUD_NAME, AVI_SERVICE_ENGINE_GROUP, AVI_DATA_NETWORK / _CIDR), or a workload cluster uses NSX-ALB while its management cluster does not.',
    docs: `### Why
NSX-ALB reaches TKG clusters through the management cluster: \`AVI_ENABLE: true\` there installs the AKO
operator, which hands the Controller, cloud, SE group and VIP networks on to the workload clusters. With
\`AVI_ENABLE\` the tanzu CLI contacts the Controller and requires \`AVI_CONTROLLER\`, \`AVI_CLOUD_NAME\`,
\`AVI_SERVICE_ENGINE_GROUP\` and \`AVI_DATA_NETWORK\` with a \`AVI_DATA_NETWORK_CIDR\` that parses as a CIDR.
A cluster whose endpoint provider is NSX-ALB without a Controller, or a workload cluster on NSX-ALB under a
management cluster without it, gets no AKO at all.

### How to fix in Viplane
Select the management TKG cluster: set its **NSX-ALB Controller**, **SE group** and **Workload VIP network**;
give the Controller a **management NIC address** and a **cloud name**, and the VIP network a **subnet**. For a
workload cluster, set the same Controller on its management cluster (or clear it on the workload cluster and
use kube-vip for its endpoint).

### Source
formats.md §2.4: "\`AVI_ENABLE=true\` … \`AVI_CLOUD_NAME\` exists, \`AVI_SERVICE_ENGINE_GROUP\` exists,
\`AVI_DATA_NETWORK\` exists and \`AVI_DATA_NETWORK_CIDR\` parses as CIDR"; §2.2-2.3 (the AKO operator on the
management cluster). Seed 000 (the management cluster carries the NSX-ALB settings, L274-282).`,
    seeds: ['000'],
  },
  check(ctx) {
    const { model } = ctx;
    const hasAddress = new Set<string>();
    for (const l of model.document.links) if (l.kind === 'nic' && l.address !== null && l.address.trim() !== '') hasAddress.add(l.from);
    const clusters = model.ofKind('tkgCluster');
    const cluster = (id: string) => ({ kind: 'tkgCluster' as const, id });
    for (const c of clusters) {
      const p = c.props;
      const missing: Missing[] = [];
      const controller = p.controllerId ? model.elements.get(p.controllerId) : undefined;
      if (p.endpoint.provider === 'nsx-alb' && !controller && !isUnknown(c, 'controllerId'))
        missing.push({ setting: 'NSX-ALB Controller', why: 'NSX-ALB is its control-plane endpoint provider', targets: [cluster(c.id)] });
      if (p.role === 'workload' && controller) {
        const management = p.managementClusterId ? model.elements.get(p.managementClusterId) : undefined;
        if (management?.kind === 'tkgCluster' && management.props.controllerId === null && !isUnknown(management, 'controllerId'))
          missing.push({
            setting: `NSX-ALB on its management cluster ${management.name}`,
            why: 'AVI_ENABLE there installs the AKO operator that serves this cluster',
            targets: [cluster(c.id), cluster(management.id)],
          });
      }
      if (p.role === 'management' && controller?.kind === 'aviController') {
        const own = [cluster(c.id), { kind: 'aviController' as const, id: controller.id }];
        if (!hasAddress.has(controller.id))
          missing.push({ setting: 'AVI_CONTROLLER', why: `Controller ${controller.name} has no management address`, targets: own });
        if (controller.props.cloudName.trim() === '' && !isUnknown(controller, 'cloudName'))
          missing.push({ setting: 'AVI_CLOUD_NAME', why: `Controller ${controller.name} has no cloud name`, targets: own });
        // The workload clusters' settings fall back to the management cluster's (formats.md §2.3).
        const workloads = clusters.filter((w) => w.props.managementClusterId === c.id && w.props.controllerId !== null);
        const seGroup = p.seGroupId ?? workloads.find((w) => w.props.seGroupId !== null)?.props.seGroupId ?? null;
        if (seGroup === null && !isUnknown(c, 'seGroupId'))
          missing.push({ setting: 'AVI_SERVICE_ENGINE_GROUP', why: 'no SE group', targets: [cluster(c.id)] });
        const dataId = workloads.find((w) => w.props.workloadVipNetworkId !== null)?.props.workloadVipNetworkId ?? p.workloadVipNetworkId;
        const data = dataId ? model.networkById.get(dataId) : undefined;
        if (!data && !isUnknown(c, 'workloadVipNetworkId'))
          missing.push({ setting: 'AVI_DATA_NETWORK', why: 'no workload VIP network', targets: [cluster(c.id)] });
        else if (data && !data.subnet && !isUnknown(model.elements.get(data.id), 'subnet') && (data.subnetText ?? '').trim() === '')
          missing.push({
            setting: 'AVI_DATA_NETWORK_CIDR',
            why: `VIP network ${data.name} has no subnet`,
            targets: [cluster(c.id), { kind: data.kind, id: data.id }],
          });
      }
      for (const m of missing)
        ctx.report({
          message: `Cluster ${c.name}: ${m.setting} is missing (${m.why}); the tanzu CLI requires it`,
          targets: m.targets,
          data: { cluster: c.name, setting: m.setting },
        });
    }
  },
});
