/**
 * TKG's AKODeploymentConfig (`networking.tkg.tanzu.vmware.com/v1alpha1`, cluster-scoped; formats.md
 * §2.5): what the AVI_* variables of a management-cluster config become, and the per-cluster ADCs a
 * design needs when a workload cluster wants other NSX-ALB settings than the defaults.
 *
 * - `ako/<mgmt>-install-ako-for-all.yaml` and `ako/<mgmt>-install-ako-for-management-cluster.yaml`:
 *   the two ADCs TKG creates itself from the management-cluster config, after the §2.3 fallback,
 *   for review (applying them is harmless: same content).
 * - `ako/<cluster>-akodeploymentconfig.yaml`: for a workload cluster whose data/API VIP network or SE
 *   group differs from install-ako-for-all, or that has an `ako` element (its mode): selected by a
 *   label the cluster must carry (the file says which).
 *
 * The webhook's checks (cidr parses; controlPlaneNetwork only with both name and cidr) are applied
 * before writing; credentials stay in the Secrets TKG creates (adminCredentialRef /
 * certificateAuthorityRef name them).
 */
import type { ElementOf } from '@viplane/model';
import type { ConfigContext, ConfigFile } from '../configs.ts';
import { tkgAviPlan, type AviNetwork, type TkgAviPlan } from '../tkg/avi.ts';
import { AKO_MODES, akoCniPlugin } from './modes.ts';

type Cluster = ElementOf<'tkgCluster'>;

export const ADC_API_VERSION = 'networking.tkg.tanzu.vmware.com/v1alpha1';
/** Namespace and Secret names TKG uses (AVI_NAMESPACE, AVI_ADMIN_CREDENTIAL_NAME, AVI_CA_NAME defaults). */
const AVI_NAMESPACE = 'tkg-system-networking';
export const ADC_SELECTOR_LABEL = 'viplane.dev/ako-deployment-config';

interface AdcInput {
  name: string;
  plan: TkgAviPlan;
  owner: Cluster;
  data: AviNetwork | null;
  controlPlane: AviNetwork | null;
  seGroup: string | null;
  matchLabels: Record<string, string> | null;
  extraConfigs: Record<string, unknown>;
}

export function adcFiles(ctx: ConfigContext): ConfigFile[] {
  const files: ConfigFile[] = [];
  const { fileSafe, dnsLabel } = ctx.kit;
  for (const mgmt of ctx.ofKind('tkgCluster')) {
    if (mgmt.props.role !== 'management') continue;
    const plan = tkgAviPlan(ctx, mgmt);
    if (!plan) continue;
    const mgmtFile = fileSafe(mgmt.name, mgmt.id);
    const nodeNetwork = ctx.network(mgmt.props.nodeNetworkId);
    // TKG's default when AVI_INGRESS_NODE_NETWORK_LIST is empty: the management cluster's VSPHERE_NETWORK, no CIDRs.
    const defaultExtra = {
      cniPlugin: 'antrea',
      disableStaticRouteSync: true,
      ingress: {
        defaultIngressController: false,
        disableIngressClass: true,
        nodeNetworkList: nodeNetwork ? [{ networkName: nodeNetwork.name }] : [],
      },
    };
    const forAll: AdcInput = {
      name: 'install-ako-for-all',
      plan,
      owner: mgmt,
      data: plan.data,
      controlPlane: plan.workloadControlPlane,
      seGroup: plan.seGroup,
      matchLabels: null,
      extraConfigs: defaultExtra,
    };
    const review =
      'TKG creates this AKODeploymentConfig itself from the management-cluster config (after the AVI_* fallback); shown for review.';
    files.push({ path: `ako/${mgmtFile}-install-ako-for-all.yaml`, content: ctx.yaml(adc(ctx, forAll), adcHeader(ctx, forAll, [review])) });
    const forMgmt: AdcInput = {
      name: 'install-ako-for-management-cluster',
      plan,
      owner: mgmt,
      data: plan.managementData,
      controlPlane: plan.managementControlPlane,
      seGroup: plan.managementSeGroup,
      matchLabels: { 'cluster-role.tkg.tanzu.vmware.com/management': '' },
      extraConfigs: defaultExtra,
    };
    files.push({
      path: `ako/${mgmtFile}-install-ako-for-management-cluster.yaml`,
      content: ctx.yaml(adc(ctx, forMgmt), adcHeader(ctx, forMgmt, [review])),
    });

    for (const w of plan.workloads) {
      const ako = ctx.ofKind('ako').find((a) => a.props.clusterId === w.cluster.id);
      const differs =
        w.data?.networkId !== plan.data?.networkId ||
        w.controlPlane?.networkId !== plan.workloadControlPlane?.networkId ||
        w.seGroup !== plan.seGroup;
      if (!differs && !ako) continue;
      const name = dnsLabel(`ako-for-${w.cluster.name}`, `ako-for-${w.cluster.id}`);
      const input: AdcInput = {
        name,
        plan,
        owner: w.cluster,
        data: w.data,
        controlPlane: w.controlPlane,
        seGroup: w.seGroup,
        matchLabels: { [ADC_SELECTOR_LABEL]: name },
        extraConfigs: ako ? akoExtraConfigs(ctx, w.cluster, ako) : defaultExtra,
      };
      files.push({
        path: `ako/${fileSafe(w.cluster.name, w.cluster.id)}-akodeploymentconfig.yaml`,
        content: ctx.yaml(
          adc(ctx, input),
          adcHeader(ctx, input, [
            `Apply in the management cluster "${mgmt.name}", then label the workload cluster:`,
            `  kubectl label cluster ${w.cluster.name} ${ADC_SELECTOR_LABEL}=${name}`,
          ]),
        ),
      });
    }
  }
  return files;
}

function adcHeader(ctx: ConfigContext, input: AdcInput, lines: string[]): string[] {
  return [
    `AKODeploymentConfig "${input.name}" for cluster "${input.owner.name}" (${ADC_API_VERSION}).`,
    ...lines,
    `Generated by Viplane from "${ctx.document.name}". Credentials live in the Secrets named by adminCredentialRef / certificateAuthorityRef.`,
  ];
}

/** extraConfigs for a TKG cluster that has an `ako` element: its mode and ingress settings. */
function akoExtraConfigs(ctx: ConfigContext, cluster: Cluster, ako: ElementOf<'ako'>): Record<string, unknown> {
  const mode = AKO_MODES[ako.props.mode];
  const node = ctx.network(ako.props.nodeNetworkId ?? cluster.props.nodeNetworkId);
  const nodeCidr = ctx.kit.cidr(node?.subnetText);
  const derivedName = `default-${cluster.name}`;
  if (ako.props.clusterName !== '' && ako.props.clusterName !== derivedName)
    ctx.report(
      'format/ako-cluster-name',
      'info',
      `AKO ${ako.name}: under TKG the AKO operator names the cluster "${derivedName}" (<namespace>-<cluster>), not "${ako.props.clusterName}"`,
      [ctx.kit.target(ako), ctx.kit.target(cluster)],
    );
  return {
    cniPlugin: akoCniPlugin(cluster.props.cni) || 'antrea',
    disableStaticRouteSync: mode.disableStaticRouteSync,
    ingress: {
      defaultIngressController: ako.props.ingress.enabled,
      disableIngressClass: !ako.props.ingress.enabled,
      serviceType: mode.serviceType,
      shardVSSize: ako.props.ingress.shardSize,
      nodeNetworkList: node ? [{ networkName: node.name, ...(nodeCidr ? { cidrs: [ctx.kit.canonicalCidr(nodeCidr)] } : {}) }] : [],
    },
  };
}

function adc(ctx: ConfigContext, input: AdcInput): Record<string, unknown> {
  const { placeholder, target } = ctx.kit;
  const targets = [target(input.owner), target(input.plan.controller)];
  const net = (n: AviNetwork | null) => (n ? { name: n.name, cidr: n.cidr ?? placeholder('NETWORK_CIDR') } : null);
  const data = net(input.data);
  if (!input.data || input.data.cidr === null)
    ctx.report(
      'format/ako-adc-network',
      'error',
      `AKODeploymentConfig ${input.name}: dataNetwork needs a name and a CIDR (the webhook parses it)`,
      targets,
    );
  // The webhook checks controlPlaneNetwork only when both name and cidr are set; write it only then.
  const controlPlane = input.controlPlane && input.controlPlane.cidr !== null ? net(input.controlPlane) : null;
  const spec: Record<string, unknown> = {
    cloudName: input.plan.cloudName,
    controller: input.plan.controllerHost ?? placeholder('AVI_CONTROLLER'),
    serviceEngineGroup: input.seGroup ?? placeholder('AVI_SERVICE_ENGINE_GROUP'),
    adminCredentialRef: { name: 'avi-controller-credentials', namespace: AVI_NAMESPACE },
    certificateAuthorityRef: { name: 'avi-controller-ca', namespace: AVI_NAMESPACE },
    dataNetwork: data ?? { name: placeholder('AVI_DATA_NETWORK'), cidr: placeholder('AVI_DATA_NETWORK_CIDR') },
    extraConfigs: input.extraConfigs,
  };
  if (controlPlane) spec['controlPlaneNetwork'] = controlPlane;
  if (input.matchLabels) spec['clusterSelector'] = { matchLabels: input.matchLabels };
  return { apiVersion: ADC_API_VERSION, kind: 'AKODeploymentConfig', metadata: { name: input.name }, spec };
}
