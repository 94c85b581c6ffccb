/** The topology document: the one thing users save, share, import and export. */
import { Type, type Static } from '@sinclair/typebox';
import { Name } from './common.ts';
import { VCenter, PortGroup } from './vsphere.ts';
import { Router, Firewall, ClientNetwork } from './physical.ts';
import { AviController, SeGroup, VirtualService, DnsVirtualService } from './avi.ts';
import { HaProxy } from './haproxy.ts';
import {
  TkgCluster,
  KubernetesCluster,
  Supervisor,
  WorkloadNetwork,
  VsphereNamespace,
  TanzuKubernetesCluster,
  Ako,
} from './kubernetes.ts';
import { Tier0, Tier1, Segment } from './nsxt.ts';
import { AciFabric, AciSwitch } from './aci.ts';
import { Link } from './link.ts';

/** 2: firewalls and router ACLs (migrations.ts). */
export const SCHEMA_VERSION = 2;

/** Every element schema, keyed by kind. Adding a kind starts here (CONTRIBUTING.md). */
export const elementSchemas = {
  vcenter: VCenter,
  portGroup: PortGroup,
  router: Router,
  firewall: Firewall,
  clientNetwork: ClientNetwork,
  aviController: AviController,
  seGroup: SeGroup,
  virtualService: VirtualService,
  aviDnsVs: DnsVirtualService,
  haproxy: HaProxy,
  tkgCluster: TkgCluster,
  k8sCluster: KubernetesCluster,
  supervisor: Supervisor,
  workloadNetwork: WorkloadNetwork,
  vsphereNamespace: VsphereNamespace,
  tkc: TanzuKubernetesCluster,
  ako: Ako,
  nsxtTier0: Tier0,
  nsxtTier1: Tier1,
  nsxtSegment: Segment,
  aciFabric: AciFabric,
  aciSwitch: AciSwitch,
} as const;

export type ElementKind = keyof typeof elementSchemas;
export const ELEMENT_KINDS = Object.keys(elementSchemas) as ElementKind[];

export const Element = Type.Union(Object.values(elementSchemas));
export type Element = Static<typeof Element>;
/** The element of one kind, e.g. `ElementOf<'portGroup'>`. */
export type ElementOf<K extends ElementKind> = Static<(typeof elementSchemas)[K]>;
export type PropsOf<K extends ElementKind> = ElementOf<K>['props'];

export const TopologyDocument = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    name: Name,
    description: Type.String({ maxLength: 8192 }),
    /** `production` turns on the seeds' production advice (e.g. HAProxy 3-NIC topology). */
    environment: Type.Union([Type.Literal('production'), Type.Literal('lab')]),
    /** Where the design comes from (a template id, an import), for the report. */
    origin: Type.Optional(Type.String({ maxLength: 256 })),
    elements: Type.Array(Element, { maxItems: 100_000 }),
    links: Type.Array(Link, { maxItems: 200_000 }),
  },
  {
    additionalProperties: false,
    $id: 'https://viplane.dev/schema/topology-v2.json',
    title: 'Viplane topology document',
  },
);
export type TopologyDocument = Static<typeof TopologyDocument>;

