/**
 * TanzuKubernetesCluster manifests -> design (issue 6). The inverse of tkc/index.ts: every
 * `run.tanzu.vmware.com/v1alpha2` or `v1alpha3` TanzuKubernetesCluster document of every file (a file
 * may hold several, and other kinds, which are skipped with a warning) becomes a `tkc` element in the
 * vSphere namespace of `metadata.namespace` (found by name, else created with its Supervisor and
 * workload network unknown).
 *
 * The design models one VM class, storage class and TKr for the whole cluster (the control plane's)
 * and the node pools' total replicas; pools that differ are kept whole in `extras` with a warning.
 * Defaults the CRD and the TKG Service document fill in (control-plane replicas 1, CNI antrea,
 * services 10.96.0.0/12, pods 192.168.0.0/16 except with antrea-nsx-routed) are applied with an info.
 * A `<PLACEHOLDER>` (our own export's storage class when the design had none) is read as unknown.
 * Fields the design does not model (proxy, trust, serviceDomain, labels, ...) are kept in `extras`
 * under their dotted path; `status` is a running cluster's state and is not read.
 */
import type { ElementOf } from '@viplane/model';
import { isParseError, parseCidr } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { ImportedFile } from '../import/formats.ts';
import { KeyTree, extrasPath, isRecord, leaves, valueAt } from '../import/keytree.ts';
import { shown, type FileReporter } from '../import/report.ts';
import type { KeyPath } from '../import/source.ts';
import { TKC_FIELDS } from './fields.ts';
import { isPlaceholder } from '../placeholder.ts';
import { TKC_NODE_POOL } from './index.ts';

type Tkc = ElementOf<'tkc'>;

export const TKC_GROUP = 'run.tanzu.vmware.com';
const VERSIONS = ['v1alpha2', 'v1alpha3'];
/** Kubernetes ObjectMeta (the CRD leaves metadata to the API server's own schema). */
const OBJECT_META = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.labels.*',
  'metadata.annotations',
  'metadata.annotations.*',
  'metadata.generateName',
  'metadata.uid',
  'metadata.resourceVersion',
  'metadata.generation',
  'metadata.creationTimestamp',
  'metadata.deletionTimestamp',
  'metadata.deletionGracePeriodSeconds',
  'metadata.finalizers',
  'metadata.ownerReferences',
  'metadata.ownerReferences.*',
  'metadata.managedFields',
  'metadata.managedFields.*',
];
const TREE = new KeyTree([...TKC_FIELDS, 'metadata', ...OBJECT_META]);
/** Server-set metadata: the state of a running object, not part of what a user applies. */
const SERVER_META = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'ownerReferences',
  'finalizers',
]);

/** What the design models (not kept in extras). */
const MODELLED = new Set([
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.topology.controlPlane.replicas',
  'spec.topology.controlPlane.vmClass',
  'spec.topology.controlPlane.storageClass',
  'spec.topology.controlPlane.tkr.reference.name',
  'spec.topology.nodePools',
  'spec.settings.network.cni.name',
  'spec.settings.network.pods.cidrBlocks',
  'spec.settings.network.services.cidrBlocks',
]);

const CNIS = ['antrea', 'calico', 'antrea-nsx-routed'] as const;
const DEFAULT_SERVICES = '10.96.0.0/12';
const DEFAULT_PODS = '192.168.0.0/16';
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Is this a TanzuKubernetesCluster manifest (any version of run.tanzu.vmware.com)? */
export function looksLikeTkc(value: unknown): boolean {
  return isTkcDocument(value);
}

function isTkcDocument(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value['apiVersion'] === 'string' &&
    value['apiVersion'].startsWith(`${TKC_GROUP}/`) &&
    value['kind'] === 'TanzuKubernetesCluster'
  );
}

export function importTkc(draft: ImportDraft, files: readonly ImportedFile[]): void {
  for (const file of files)
    file.documents.forEach((doc, i) => {
      const r = i === 0 ? file.reporter : file.reporter.forDocument(doc.at);
      if (!isTkcDocument(doc.value)) {
        const kind = isRecord(doc.value)
          ? `${String(doc.value['apiVersion'] ?? '?')} ${String(doc.value['kind'] ?? '?')}`
          : shown(doc.value);
        r.warning('import/other-document', `document ${i + 1} (${kind}) is not a TanzuKubernetesCluster; not read`, {
          data: { document: i + 1 },
        });
        return;
      }
      readManifest(draft, doc.value, r);
    });
}

function readManifest(draft: ImportDraft, m: Record<string, unknown>, r: FileReporter): void {
  const version = String(m['apiVersion']).slice(TKC_GROUP.length + 1);
  if (!VERSIONS.includes(version)) {
    r.error(
      'import/bad-value',
      `apiVersion is ${shown(m['apiVersion'])}; Viplane reads ${VERSIONS.map((v) => `${TKC_GROUP}/${v}`).join(' and ')}`,
      {
        key: ['apiVersion'],
        value: m['apiVersion'],
        expected: VERSIONS.map((v) => `${TKC_GROUP}/${v}`).join(' or '),
      },
    );
    return;
  }
  const unknownKeys = TREE.unknownKeys(m, 'TanzuKubernetesCluster');
  for (const u of unknownKeys) r.warning('import/unknown-key', u.message, { key: u.key, value: u.value });
  if ('status' in m) r.info('import/ignored', 'status is the state of a running cluster; not read', { key: ['status'] });

  const get = (...key: KeyPath): unknown => valueAt(m, key);
  /** Keys (dotted) whose value was reported unusable: their fields become unknown, never the CRD default. */
  const invalid = new Set<string>();
  const bad = (key: KeyPath, value: unknown, expected: string): void => {
    invalid.add(key.join('.'));
    r.error('import/bad-value', `${key.join('.')} is ${shown(value)}; expected ${expected}`, { key, value, expected });
  };
  /** Did the file give `key` (or anything under it) an unusable value? */
  const isBad = (...key: KeyPath): boolean => {
    const k = key.join('.');
    return [...invalid].some((i) => i === k || i.startsWith(`${k}.`));
  };
  const str = (...key: KeyPath): string | undefined => {
    const v = get(...key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    bad(key, v, 'a string');
    return undefined;
  };
  const count = (...key: KeyPath): number | undefined => {
    const v = get(...key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000) return v;
    bad(key, v, 'a whole number (int32)');
    return undefined;
  };
  const cidrs = (...key: KeyPath): string[] | undefined => {
    const v = get(...key);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      bad(key, v, 'a list of CIDRs');
      return undefined;
    }
    const out: string[] = [];
    v.forEach((c, i) => {
      if (typeof c === 'string' && !isParseError(parseCidr(c))) out.push(c);
      else bad([...key, i], c, 'a CIDR such as 10.96.0.0/12');
    });
    return out;
  };

  const name = str('metadata', 'name');
  if (name === undefined) {
    r.error('import/missing-value', 'metadata.name is not set; a TanzuKubernetesCluster needs a name', {
      key: ['metadata'],
      expected: 'a DNS-1123 name',
    });
    return;
  }
  if (!DNS_1123_LABEL.test(name)) bad(['metadata', 'name'], name, 'a DNS-1123 label (lowercase letters, digits, "-", at most 63)');

  // The vSphere namespace: by name, else new with its Supervisor and workload network unknown.
  const nsName = str('metadata', 'namespace');
  const ns =
    nsName === undefined
      ? undefined
      : (draft.byName(['vsphereNamespace'], nsName) ??
        draft.add('vsphereNamespace', nsName, {}, { by: r, unknown: ['supervisorId', 'workloadNetworkId', 'networkOverride'] }));
  if (nsName === undefined)
    r.warning(
      'import/missing-value',
      `TKC ${name}: metadata.namespace is not set (kubectl would use the current context's namespace); its vSphere namespace is unknown`,
      {
        key: ['metadata'],
        expected: 'the vSphere namespace',
      },
    );

  const existing = draft.ofKind('tkc').find((t) => t.name === name && (ns === undefined || t.props.namespaceId === ns.id));
  const tkc: Tkc = existing ?? draft.add('tkc', name, { namespaceId: ns?.id ?? null }, { by: r });
  const at = (...key: KeyPath) => ({ reporter: r, key });
  if (ns) draft.set(tkc, 'namespaceId', ns.id, at('metadata', 'namespace'));
  else draft.markUnknown(tkc, 'namespaceId');
  const target = [{ kind: 'tkc' as const, id: tkc.id }];

  // Topology: the control plane's class, storage and TKr stand for the cluster.
  const cp = ['spec', 'topology', 'controlPlane'] as const;
  if (!isRecord(get(...cp)))
    r.error('import/missing-value', `TKC ${name}: spec.topology.controlPlane is required`, {
      key: ['spec'],
      expected: 'spec.topology.controlPlane',
    });
  const cpReplicas = count(...cp, 'replicas');
  if (isBad(...cp, 'replicas')) draft.unusable(tkc, 'controlPlaneCount', at(...cp, 'replicas'));
  else {
    if (cpReplicas === undefined && isRecord(get(...cp)))
      r.info('import/default-applied', `TKC ${name}: spec.topology.controlPlane.replicas is not set; the CRD's default 1 applies`, {
        data: { key: 'spec.topology.controlPlane.replicas', default: 1 },
      });
    draft.set(tkc, 'controlPlaneCount', cpReplicas ?? 1, at(...cp, 'replicas'));
  }

  const known = (prop: 'vmClass' | 'storageClass' | 'tkr', key: KeyPath, value: string | undefined, required: boolean): void => {
    if (value !== undefined && !isPlaceholder(value)) {
      draft.set(tkc, prop, value, at(...key));
      return;
    }
    draft.set(tkc, prop, '', at(...key));
    draft.markUnknown(tkc, prop);
    if (value !== undefined)
      r.info('import/placeholder', `${key.join('.')} is the placeholder ${value}; ${prop} is unknown`, { key, value });
    else if (required)
      r.error('import/missing-value', `TKC ${name}: ${key.join('.')} is required by the CRD`, {
        key: key.slice(0, -1),
        expected: key.join('.'),
      });
  };
  const vmClass = str(...cp, 'vmClass');
  const storageClass = str(...cp, 'storageClass');
  known('vmClass', [...cp, 'vmClass'], vmClass, true);
  known('storageClass', [...cp, 'storageClass'], storageClass, true);
  // The TKr: tkr.reference.name; the deprecated spec.distribution (fullVersion, else version) otherwise.
  const tkrName = str(...cp, 'tkr', 'reference', 'name');
  const distribution = str('spec', 'distribution', 'fullVersion') ?? str('spec', 'distribution', 'version');
  if (tkrName === undefined && distribution !== undefined)
    r.info('import/deprecated', `TKC ${name}: spec.distribution is deprecated; ${distribution} is read as the TKr (tkr.reference.name)`, {
      key: ['spec', 'distribution'],
      value: distribution,
    });
  known('tkr', [...cp, 'tkr', 'reference', 'name'], tkrName ?? distribution, false);

  // Node pools: their replicas add up; the design has one pool like the control plane's.
  const pools = get('spec', 'topology', 'nodePools');
  let workers = 0;
  let workersKnown = true;
  if (pools === undefined || pools === null) {
    r.error('import/missing-value', `TKC ${name}: spec.topology.nodePools is required by the CRD`, {
      key: ['spec', 'topology'],
      expected: 'spec.topology.nodePools',
    });
  } else if (!Array.isArray(pools)) bad(['spec', 'topology', 'nodePools'], pools, 'a list of node pools');
  else {
    let differs = pools.length > 1 && pools.some((p) => !isRecord(p));
    pools.forEach((pool, i) => {
      const key = ['spec', 'topology', 'nodePools', i] as const;
      if (!isRecord(pool)) {
        bad([...key], pool, 'a node pool {name, replicas, vmClass, storageClass}');
        return;
      }
      const n = count(...key, 'replicas');
      if (n === undefined) workersKnown = false;
      else workers += n;
      const poolClass = str(...key, 'vmClass');
      const poolStorage = str(...key, 'storageClass');
      const poolTkr = str(...key, 'tkr', 'reference', 'name');
      if (poolClass === undefined)
        r.error('import/missing-value', `TKC ${name}: node pool ${i + 1} has no vmClass (required by the CRD)`, {
          key: [...key],
          expected: 'vmClass',
        });
      if (poolStorage === undefined)
        r.error('import/missing-value', `TKC ${name}: node pool ${i + 1} has no storageClass (required by the CRD)`, {
          key: [...key],
          expected: 'storageClass',
        });
      if (
        (poolClass !== undefined && poolClass !== vmClass) ||
        (poolStorage !== undefined && poolStorage !== storageClass) ||
        (poolTkr !== undefined && poolTkr !== (tkrName ?? distribution)) ||
        Object.keys(pool).some((k) => !['name', 'replicas', 'vmClass', 'storageClass', 'tkr'].includes(k)) ||
        (pool['name'] !== TKC_NODE_POOL && pools.length > 1)
      )
        differs = true;
    });
    const renamed = pools.length === 1 && isRecord(pools[0]) && pools[0]['name'] !== TKC_NODE_POOL;
    if (pools.length > 1 || differs || renamed) {
      draft.extra(tkc, 'spec.topology.nodePools', pools);
      if (differs)
        r.warning(
          'import/simplified',
          `TKC ${name}: the design models one node pool with the control plane's VM class, storage class and TKr; the ${pools.length} pool(s) are kept as written`,
          {
            key: ['spec', 'topology', 'nodePools'],
            targets: target,
          },
        );
    }
  }
  if (workersKnown) draft.set(tkc, 'workerCount', workers, at('spec', 'topology', 'nodePools'));
  else draft.markUnknown(tkc, 'workerCount');

  // Network.
  const net = ['spec', 'settings', 'network'] as const;
  const cniName = str(...net, 'cni', 'name');
  let cni: Tkc['props']['cni'];
  if (cniName === undefined) {
    cni = 'antrea';
    r.info('import/default-applied', `TKC ${name}: no spec.settings.network.cni; the TKG Service's default CNI antrea applies`, {
      data: { key: 'spec.settings.network.cni.name', default: 'antrea' },
    });
  } else if ((CNIS as readonly string[]).includes(cniName)) cni = cniName as (typeof CNIS)[number];
  else {
    cni = 'other';
    r.warning('import/bad-value', `TKC ${name}: cni.name ${shown(cniName)} is none of ${CNIS.join(', ')}; kept as written`, {
      key: [...net, 'cni', 'name'],
      value: cniName,
      expected: CNIS.join(' | '),
    });
    draft.extra(tkc, 'spec.settings.network.cni.name', cniName);
  }
  draft.set(tkc, 'cni', cni, at(...net, 'cni', 'name'));

  const services = cidrs(...net, 'services', 'cidrBlocks');
  // A list with an unusable CIDR is unknown as a whole: a partial list is not what the file says.
  if (isBad(...net, 'services', 'cidrBlocks')) draft.unusable(tkc, 'serviceCidrBlocks', at(...net, 'services', 'cidrBlocks'), []);
  else {
    if (services === undefined)
      r.info('import/default-applied', `TKC ${name}: no services.cidrBlocks; the default ${DEFAULT_SERVICES} applies`, {
        data: { key: 'spec.settings.network.services.cidrBlocks', default: [DEFAULT_SERVICES] },
      });
    draft.set(tkc, 'serviceCidrBlocks', services ?? [DEFAULT_SERVICES], at(...net, 'services', 'cidrBlocks'));
  }
  const pods = cidrs(...net, 'pods', 'cidrBlocks');
  if (isBad(...net, 'pods', 'cidrBlocks')) draft.unusable(tkc, 'podCidrBlocks', at(...net, 'pods', 'cidrBlocks'), []);
  else if (cni === 'antrea-nsx-routed') {
    if (pods !== undefined && pods.length > 0)
      r.error(
        'import/bad-value',
        `TKC ${name}: pods.cidrBlocks must be left out with antrea-nsx-routed (the Supervisor hands out pod CIDRs)`,
        {
          key: [...net, 'pods', 'cidrBlocks'],
          value: pods,
          expected: 'no pods.cidrBlocks',
        },
      );
    draft.set(tkc, 'podCidrBlocks', pods ?? [], at(...net, 'pods', 'cidrBlocks'));
  } else {
    if (pods === undefined)
      r.info('import/default-applied', `TKC ${name}: no pods.cidrBlocks; the default ${DEFAULT_PODS} applies`, {
        data: { key: 'spec.settings.network.pods.cidrBlocks', default: [DEFAULT_PODS] },
      });
    draft.set(tkc, 'podCidrBlocks', pods ?? [DEFAULT_PODS], at(...net, 'pods', 'cidrBlocks'));
  }
  for (const key of ['pods', 'services'] as const) {
    const blocks = key === 'pods' ? pods : services;
    if (blocks && blocks.length > 8) bad([...net, key, 'cidrBlocks'], blocks.length, 'at most 8 CIDR blocks');
  }

  // Everything else the manifest says: extras under its dotted path.
  for (const [key, value] of leaves(TREE, m)) {
    const path = key.join('.');
    if (MODELLED.has(path) || key[0] === 'status' || (key[0] === 'metadata' && SERVER_META.has(String(key[1])))) continue;
    // The storage default the export writes (= the storage class) needs no keeping.
    if (path === 'spec.settings.storage.defaultClass' && value === storageClass) continue;
    draft.extra(tkc, path, value);
  }
  for (const u of unknownKeys) {
    const { path, key } = extrasPath(u.key);
    if (!(path in (tkc.extras ?? {}))) draft.extra(tkc, path, valueAt(m, key));
  }
}
