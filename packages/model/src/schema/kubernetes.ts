/** Kubernetes clusters: TKG, vSphere with Tanzu (Supervisor, namespaces, TKC) and plain clusters. */
import { Type } from '@sinclair/typebox';
import { AddressRange, Cidr, Count, Id, MaybeCidr, MaybeIp, Name, Ref, element, strict } from './common.ts';

export const Cni = Type.Union([
  Type.Literal('antrea'),
  Type.Literal('calico'),
  Type.Literal('antrea-nsx-routed'),
  Type.Literal('aci'),
  Type.Literal('flannel'),
  Type.Literal('other'),
]);

export const TkgCluster = element(
  'tkgCluster',
  strict({
    role: Type.Union([Type.Literal('management'), Type.Literal('workload')]),
    /** Workload clusters: the management cluster that created them. */
    managementClusterId: Ref,
    vcenterId: Ref,
    plan: Type.Union([Type.Literal('dev'), Type.Literal('prod')]),
    controlPlaneCount: Count,
    workerCount: Count,
    /** VSPHERE_NETWORK: nodes take DHCP addresses there. */
    nodeNetworkId: Ref,
    endpoint: strict({
      /** `nsx-alb`: AVI_CONTROL_PLANE_HA_PROVIDER true; `kube-vip`: fixed address on a CP node. */
      provider: Type.Union([Type.Literal('nsx-alb'), Type.Literal('kube-vip')]),
      /** VSPHERE_CONTROL_PLANE_ENDPOINT. Required for kube-vip. */
      address: MaybeIp,
    }),
    controllerId: Ref,
    seGroupId: Ref,
    /** AVI_DATA_NETWORK (apps' LoadBalancer VIPs). */
    workloadVipNetworkId: Ref,
    /** AVI_CONTROL_PLANE_NETWORK / management-cluster VIP network (k8s API VIPs). */
    controlPlaneVipNetworkId: Ref,
    podCidr: Cidr,
    serviceCidr: Cidr,
    cni: Cni,
    /** NSX-T routable pods (NSXT_POD_ROUTING_ENABLED); `null` = overlay pods. */
    routablePods: Type.Union([strict({ tier1Id: Ref }), Type.Null()]),
  }),
  'Tanzu Kubernetes Grid management or workload cluster on vSphere',
);

export const ClusterNode = strict({
  id: Id,
  name: Name,
  role: Type.Union([Type.Literal('control-plane'), Type.Literal('worker')]),
  address: MaybeIp,
  /** ACI: the leaf the node is cabled to (or its host's uplink). */
  leafId: Ref,
});

export const KubernetesCluster = element(
  'k8sCluster',
  strict({
    nodeNetworkId: Ref,
    nodes: Type.Array(ClusterNode, { maxItems: 5000 }),
    podCidr: Cidr,
    serviceCidr: Cidr,
    cni: Cni,
    /** ACI CNI: the fabric that provides the cluster's networks (seed 004). */
    aciFabricId: Ref,
  }),
  'A Kubernetes cluster with statically addressed nodes (kubeadm, ACI CNI)',
);

export const Supervisor = element(
  'supervisor',
  strict({
    loadBalancer: Type.Union([
      strict({ provider: Type.Literal('haproxy'), haproxyId: Ref }),
      strict({ provider: Type.Literal('nsx-alb'), controllerId: Ref }),
    ]),
    managementNetworkId: Ref,
    /** First of the 5 consecutive management addresses (3 CP VMs + floating + upgrade). */
    managementStartAddress: MaybeIp,
    controlPlaneCount: Count,
    serviceCidr: Cidr,
  }),
  'vSphere with Tanzu Supervisor cluster',
);

export const WorkloadNetwork = element(
  'workloadNetwork',
  strict({
    supervisorId: Ref,
    portGroupId: Ref,
    /** Exactly one workload network is primary: the Supervisor CP VMs take 3 addresses from it. */
    primary: Type.Boolean(),
    ranges: Type.Array(AddressRange, { maxItems: 100 }),
  }),
  'Supervisor workload network (a port group with its own address ranges)',
);

export const VsphereNamespace = element(
  'vsphereNamespace',
  strict({
    supervisorId: Ref,
    workloadNetworkId: Ref,
    /** NSX-T namespace network override (seed 001): NAT off, routed namespace network. */
    networkOverride: Type.Union([
      strict({ nat: Type.Boolean(), namespaceNetwork: MaybeCidr, subnetPrefix: Type.Integer({ minimum: 0, maximum: 128 }) }),
      Type.Null(),
    ]),
  }),
  'vSphere namespace',
);

export const TanzuKubernetesCluster = element(
  'tkc',
  strict({
    namespaceId: Ref,
    tkr: Type.String({ maxLength: 128 }),
    vmClass: Type.String({ maxLength: 128 }),
    storageClass: Type.String({ maxLength: 128 }),
    controlPlaneCount: Count,
    workerCount: Count,
    cni: Cni,
    /** Must stay empty with `antrea-nsx-routed` (seed 001). */
    podCidrBlocks: Type.Array(Cidr, { maxItems: 8 }),
    serviceCidrBlocks: Type.Array(Cidr, { maxItems: 8 }),
  }),
  'TanzuKubernetesCluster in a vSphere namespace',
);

export const Ako = element(
  'ako',
  strict({
    clusterId: Ref,
    /** AKOSettings.clusterName: unique per Controller. */
    clusterName: Type.String({ maxLength: 128 }),
    mode: Type.Union([
      Type.Literal('static-route'),
      Type.Literal('nodeport'),
      Type.Literal('nodeportlocal'),
      Type.Literal('routable'),
    ]),
    controllerId: Ref,
    seGroupId: Ref,
    vipNetworkId: Ref,
    nodeNetworkId: Ref,
    /** NodePort mode: which nodes are pool members. */
    nodeSelectorLabels: Type.Record(Type.String({ maxLength: 128 }), Type.String({ maxLength: 256 })),
    ingress: strict({
      enabled: Type.Boolean(),
      className: Type.String({ maxLength: 128 }),
      shardSize: Type.Union([Type.Literal('LARGE'), Type.Literal('MEDIUM'), Type.Literal('SMALL'), Type.Literal('DEDICATED')]),
      dnsVsId: Ref,
    }),
  }),
  'Avi Kubernetes Operator in one cluster',
);

