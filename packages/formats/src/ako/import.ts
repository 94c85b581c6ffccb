/**
 * AKO Helm values (`values.yaml` of the `ako/ako` chart) -> design (issue 6). The inverse of
 * values.ts: one `ako` element per file (a design's AKO of the same clusterName is updated; two files
 * with the same clusterName are two AKOs, which ako/cluster-name-duplicate reports), its
 * NSX-ALB Controller (matched by the management address in ControllerSettings.controllerHost, else
 * created on a "Controller network (<host>)" whose facts are unknown, as tkg/import.ts does), the SE
 * group by name, the VIP network (vipNetworkList[0]: port group by name, with its CIDR, registered on
 * the Controller) and the node network (nodeNetworkList[0]).
 *
 * Mode, from what values.ts writes (modes.ts): serviceType NodePort -> nodeport, NodePortLocal ->
 * nodeportlocal, ClusterIP with static-route sync on -> static-route, off -> routable (the pods are
 * reachable without AKO's routes). The chart's documented defaults fill what a file leaves out
 * (serviceType ClusterIP, disableStaticRouteSync "false", cloud Default-Cloud, SE group
 * Default-Group, shardVSSize LARGE, defaultIngController "true"), each with an info.
 *
 * The cluster AKO runs in is not in the file: a k8sCluster or TKC named like AKOSettings.clusterName
 * is linked, else (or when our own export's header names it) the cluster stays unknown.
 * Keys the design does not model are kept in `extras` under their dotted path and written back by
 * values.ts; avicredentials are dropped; unknown keys are warnings with the closest known key.
 * Pre-1.4 charts' keys (seed 003's values.yaml: NetworkSettings.networkName/subnetIP/subnetPrefix,
 * ControllerSettings.controllerIP) are read as their successors, with an info.
 */
import type { ElementOf } from '@viplane/model';
import { formatIp, isParseError, parseCidr, parseIp } from '@viplane/model';
import type { ImportDraft } from '../import/draft.ts';
import type { ImportedFile } from '../import/formats.ts';
import { KeyTree, extrasPath, isRecord, leaves, valueAt } from '../import/keytree.ts';
import { shown, type FileReporter } from '../import/report.ts';
import type { KeyPath } from '../import/source.ts';
import { AKO_VALUES_KEYS } from './known-keys.ts';
import { isPlaceholder } from '../placeholder.ts';
import { AKO_CLUSTER_NAME, type AkoMode } from './modes.ts';

type Ako = ElementOf<'ako'>;
type Network = ElementOf<'portGroup'> | ElementOf<'nsxtSegment'>;

/**
 * Keys of AKO charts before 1.4 (avi-helm-charts `ako` 1.2-1.3: one VIP network given as name, subnet
 * address and mask; the Controller as controllerIP) and the keys that replaced them.
 */
const LEGACY_KEYS: Record<string, string> = {
  'NetworkSettings.networkName': 'NetworkSettings.vipNetworkList[].networkName',
  'NetworkSettings.subnetIP': 'NetworkSettings.vipNetworkList[].cidr',
  'NetworkSettings.subnetPrefix': 'NetworkSettings.vipNetworkList[].cidr',
  'ControllerSettings.controllerIP': 'ControllerSettings.controllerHost',
};
const TREE = new KeyTree([...AKO_VALUES_KEYS, ...Object.keys(LEGACY_KEYS)]);

/** The top-level sections that say "AKO values" (detection). */
const SECTIONS = ['AKOSettings', 'ControllerSettings', 'NetworkSettings', 'L7Settings'];

/** Settings the ako element (or the elements it refers to) models: not kept in extras. */
const MODELLED = new Set([
  'AKOSettings.clusterName',
  'AKOSettings.disableStaticRouteSync',
  'L7Settings.serviceType',
  'L7Settings.defaultIngController',
  'L7Settings.shardVSSize',
  'ControllerSettings.controllerHost',
  'ControllerSettings.controllerIP',
  'ControllerSettings.controllerVersion',
  'ControllerSettings.cloudName',
  'ControllerSettings.serviceEngineGroupName',
  'NetworkSettings.vipNetworkList',
  'NetworkSettings.nodeNetworkList',
  'NetworkSettings.networkName',
  'NetworkSettings.subnetIP',
  'NetworkSettings.subnetPrefix',
  'nodePortSelector.key',
  'nodePortSelector.value',
]);

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'NodePortLocal'] as const;
const SHARD_SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'DEDICATED'] as const;
const CNI_PLUGINS = ['', 'calico', 'canal', 'flannel', 'openshift', 'antrea', 'ncp', 'ovn-kubernetes', 'cilium'];
/** The IngressClass the chart creates (templates/ingressclass.yaml). */
const CHART_INGRESS_CLASS = 'avi-lb';

/** Is this AKO Helm values? A mapping with one of the chart's settings sections. */
export function looksLikeAkoValues(value: unknown): boolean {
  return isRecord(value) && SECTIONS.some((s) => isRecord(value[s]));
}

export function importAko(draft: ImportDraft, files: readonly ImportedFile[]): void {
  // AKO elements an earlier file of this import already stands for.
  const claimed = new Set<string>();
  for (const file of files) readFile(draft, file, claimed);
}

function readFile(draft: ImportDraft, file: ImportedFile, claimed: Set<string>): void {
  const r = file.reporter;
  const values = file.documents[0]?.value;
  if (!isRecord(values)) {
    r.error('import/not-a-mapping', 'AKO values are a YAML mapping (AKOSettings, NetworkSettings, ...)', {
      value: values,
      expected: 'a mapping',
    });
    return;
  }
  if (file.documents.length > 1)
    r.warning('import/extra-documents', `only the first of ${file.documents.length} YAML documents is read as AKO values`, {});

  const unknownKeys = TREE.unknownKeys(values, 'AKO');
  for (const u of unknownKeys) r.warning('import/unknown-key', u.message, { key: u.key, value: u.value });
  // Credentials never enter a document (values.ts writes placeholders for them).
  const creds = values['avicredentials'];
  if (isRecord(creds)) {
    const given = Object.entries(creds)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k]) => `avicredentials.${k}`);
    if (given.length > 0)
      r.info(
        'import/secret-dropped',
        `credentials not imported (a design never holds secrets; exports write placeholders): ${given.join(', ')}`,
        {
          key: ['avicredentials'],
          data: { keys: given },
        },
      );
  }
  for (const legacy of Object.keys(LEGACY_KEYS)) {
    const [section, key] = legacy.split('.') as [string, string];
    const s = values[section];
    if (isRecord(s) && key in s)
      r.info('import/legacy-key', `${legacy} is a key of AKO charts before 1.4; read as ${LEGACY_KEYS[legacy]}`, { key: [section, key] });
  }

  /** `Section.key`s whose value was reported unusable: their fields become unknown, never the chart default. */
  const bad = new Set<string>();
  const section = (name: string): Record<string, unknown> => {
    const v = values[name];
    if (v === undefined || v === null) return {};
    if (isRecord(v)) return v;
    r.error('import/bad-value', `${name} is ${shown(v)}; expected a mapping of settings`, { key: [name], value: v, expected: 'a mapping' });
    return {};
  };
  const ako = section('AKOSettings');
  const net = section('NetworkSettings');
  const l7 = section('L7Settings');
  const ctl = section('ControllerSettings');

  /** A scalar setting as text; `undefined` when absent or empty. */
  const text = (s: Record<string, unknown>, sectionName: string, key: string): string | undefined => {
    const v = s[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    bad.add(`${sectionName}.${key}`);
    r.error('import/bad-value', `${sectionName}.${key} is ${shown(v)}; expected a single value`, {
      key: [sectionName, key],
      value: v,
      expected: 'a string',
    });
    return undefined;
  };
  const bool = (s: Record<string, unknown>, sectionName: string, key: string): boolean | undefined => {
    const v = text(s, sectionName, key);
    if (v === undefined) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    bad.add(`${sectionName}.${key}`);
    r.error('import/bad-value', `${sectionName}.${key} is ${shown(s[key])}; expected "true" or "false"`, {
      key: [sectionName, key],
      value: s[key],
      expected: '"true" or "false"',
    });
    return undefined;
  };
  const oneOf = <T extends string>(s: Record<string, unknown>, sectionName: string, key: string, allowed: readonly T[]): T | undefined => {
    const v = text(s, sectionName, key);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad.add(`${sectionName}.${key}`);
    r.error('import/bad-value', `${sectionName}.${key} is ${shown(s[key])}; expected one of ${allowed.filter(Boolean).join(', ')}`, {
      key: [sectionName, key],
      value: s[key],
      expected: allowed.filter(Boolean).join(' | '),
    });
    return undefined;
  };
  /** The chart's default for a key the file leaves out; for an unusable value the caller marks the field unknown. */
  const defaulted = <T>(value: T | undefined, key: string, fallback: T): T => {
    if (value !== undefined || bad.has(key)) return value ?? fallback;
    r.info('import/default-applied', `${key} is not set; the AKO chart's default ${shown(fallback)} applies`, {
      data: { key, default: fallback },
    });
    return fallback;
  };

  // clusterName: AKO's own rule (internal/lib/lib.go).
  const clusterName = text(ako, 'AKOSettings', 'clusterName');
  if (clusterName !== undefined && !AKO_CLUSTER_NAME.test(clusterName)) {
    r.error('import/bad-value', `AKOSettings.clusterName is ${shown(clusterName)}; AKO takes only letters, digits, "-" and "_"`, {
      key: ['AKOSettings', 'clusterName'],
      value: clusterName,
      expected: '[A-Za-z0-9_-]+',
    });
  }
  if (clusterName === undefined)
    r.warning(
      'import/missing-value',
      'AKOSettings.clusterName is not set (the chart default "my-cluster" must be edited); the clusterName is unknown',
      {
        key: ['AKOSettings'],
        expected: 'a unique cluster name',
      },
    );

  // Mode (modes.ts, inverted).
  const serviceType = defaulted(oneOf(l7, 'L7Settings', 'serviceType', SERVICE_TYPES), 'L7Settings.serviceType', 'ClusterIP' as const);
  const disableSync = defaulted(bool(ako, 'AKOSettings', 'disableStaticRouteSync'), 'AKOSettings.disableStaticRouteSync', false);
  const mode: AkoMode =
    serviceType === 'NodePort' ? 'nodeport' : serviceType === 'NodePortLocal' ? 'nodeportlocal' : disableSync ? 'routable' : 'static-route';
  const cniPlugin = oneOf(ako, 'AKOSettings', 'cniPlugin', CNI_PLUGINS);
  if (serviceType === 'NodePortLocal' && cniPlugin !== undefined && cniPlugin !== 'antrea')
    r.error('import/bad-value', `L7Settings.serviceType NodePortLocal needs AKOSettings.cniPlugin antrea, not ${shown(cniPlugin)}`, {
      key: ['AKOSettings', 'cniPlugin'],
      value: cniPlugin,
      expected: 'antrea',
    });

  const ingressEnabled = defaulted(bool(l7, 'L7Settings', 'defaultIngController'), 'L7Settings.defaultIngController', true);
  const shardSize = defaulted(oneOf(l7, 'L7Settings', 'shardVSSize', SHARD_SIZES), 'L7Settings.shardVSSize', 'LARGE' as const);

  // The AKO element: the design's AKO with this clusterName (re-importing its values updates it), else a
  // new one. Each values file is one AKO installation: a second file with the same clusterName is a
  // second AKO (ako/cluster-name-duplicate then says so), never merged into the first.
  // A clusterName AKO refuses is still what the file says: kept, and reported above.
  const usable = clusterName !== undefined;
  const existing = usable ? draft.ofKind('ako').find((a) => a.props.clusterName === clusterName && !claimed.has(a.id)) : undefined;
  const el: Ako =
    existing ??
    draft.add(
      'ako',
      usable ? `AKO ${clusterName}` : `AKO (${file.stem})`,
      {
        clusterName: usable ? clusterName : '',
        ingress: { enabled: ingressEnabled, className: CHART_INGRESS_CLASS, shardSize, dnsVsId: null },
      },
      { by: r },
    );
  claimed.add(el.id);
  const at = (...key: KeyPath) => ({ reporter: r, key });
  if (clusterName === undefined) draft.markUnknown(el, 'clusterName');
  else draft.set(el, 'clusterName', clusterName, at('AKOSettings', 'clusterName'));
  // The mode follows from serviceType, and for ClusterIP from disableStaticRouteSync.
  const modeKey = bad.has('L7Settings.serviceType')
    ? 'serviceType'
    : serviceType === 'ClusterIP' && bad.has('AKOSettings.disableStaticRouteSync')
      ? 'disableStaticRouteSync'
      : null;
  if (modeKey === null) draft.set(el, 'mode', mode, at('L7Settings', 'serviceType'));
  else draft.unusable(el, 'mode', at(modeKey === 'serviceType' ? 'L7Settings' : 'AKOSettings', modeKey));
  draft.set(el, 'ingress', { ...el.props.ingress, enabled: ingressEnabled, shardSize }, at('L7Settings'));
  if (bad.has('L7Settings.defaultIngController')) draft.unusable(el, 'ingress.enabled', at('L7Settings', 'defaultIngController'));
  if (bad.has('L7Settings.shardVSSize')) draft.unusable(el, 'ingress.shardSize', at('L7Settings', 'shardVSSize'));

  // The cluster: by name (our own export's header names it; else clusterName).
  const headerCluster = /^#\s*AKO Helm values for cluster "([^"]*)"/m.exec(file.text)?.[1];
  const clusterNames = [headerCluster, clusterName].filter((n): n is string => n !== undefined && n !== '(none)');
  const cluster = clusterNames.map((n) => draft.byName(['k8sCluster', 'tkc'], n)).find((c) => c !== undefined);
  if (cluster) draft.set(el, 'clusterId', cluster.id, at('AKOSettings', 'clusterName'));
  else if (el.props.clusterId === null) {
    draft.markUnknown(el, 'clusterId');
    r.info(
      'import/cluster-unknown',
      `the cluster AKO ${clusterName ?? ''} runs in is not in the files (no cluster named ${clusterNames.map((n) => shown(n)).join(' or ') || '(none)'}); choose it in the inspector`,
      {
        key: ['AKOSettings', 'clusterName'],
        targets: [{ kind: 'ako', id: el.id }],
      },
    );
  }

  // Controller.
  const hostKey: KeyPath =
    ctl['controllerHost'] !== undefined ? ['ControllerSettings', 'controllerHost'] : ['ControllerSettings', 'controllerIP'];
  const hostText = text(ctl, 'ControllerSettings', hostKey[1] as string);
  const host = hostText !== undefined && isPlaceholder(hostText) ? undefined : hostText;
  const controller = controllerOf(draft, host, r, el);
  draft.set(el, 'controllerId', controller.id, at(...hostKey));
  if (host !== undefined && isParseError(parseIp(host))) draft.extra(el, 'ControllerSettings.controllerHost', host);
  const version = text(ctl, 'ControllerSettings', 'controllerVersion');
  if (version !== undefined) draft.set(controller, 'version', version, at('ControllerSettings', 'controllerVersion'));
  else draft.markUnknown(controller, 'version');
  const cloudName = defaulted(text(ctl, 'ControllerSettings', 'cloudName'), 'ControllerSettings.cloudName', 'Default-Cloud');
  if (bad.has('ControllerSettings.cloudName')) draft.unusable(controller, 'cloudName', at('ControllerSettings', 'cloudName'), '');
  else draft.set(controller, 'cloudName', cloudName, at('ControllerSettings', 'cloudName'));
  const seName = defaulted(
    text(ctl, 'ControllerSettings', 'serviceEngineGroupName'),
    'ControllerSettings.serviceEngineGroupName',
    'Default-Group',
  );
  if (bad.has('ControllerSettings.serviceEngineGroupName'))
    draft.unusable(el, 'seGroupId', at('ControllerSettings', 'serviceEngineGroupName'));
  else {
    const seGroup =
      draft.ofKind('seGroup').find((g) => g.name === seName && g.props.controllerId === controller.id) ??
      draft.add('seGroup', seName, { controllerId: controller.id }, { by: r, unknown: ['haMode', 'seCount'] });
    draft.set(el, 'seGroupId', seGroup.id, at('ControllerSettings', 'serviceEngineGroupName'));
  }

  // VIP network: vipNetworkList[0] (only AWS clouds take more), or the pre-1.4 keys.
  const vip = vipNetwork(net, r);
  if (vip) {
    const n = network(draft, vip.name, r);
    if (vip.cidr !== undefined) setSubnet(draft, n, vip.cidr, r, vip.cidrKey);
    if (n.kind === 'portGroup') draft.set(n, 'albRegistered', true, at(...vip.nameKey));
    draft.set(el, 'vipNetworkId', n.id, at(...vip.nameKey));
  } else draft.markUnknown(el, 'vipNetworkId');

  // Node network: nodeNetworkList[0]; the design's AKO has one.
  const nodeList = net['nodeNetworkList'];
  if (nodeList === undefined || nodeList === null) {
    if (mode === 'static-route') draft.markUnknown(el, 'nodeNetworkId');
  } else if (!Array.isArray(nodeList)) {
    r.error('import/bad-value', `NetworkSettings.nodeNetworkList is ${shown(nodeList)}; expected a list of {networkName, cidrs}`, {
      key: ['NetworkSettings', 'nodeNetworkList'],
      value: nodeList,
      expected: 'a list',
    });
    draft.unusable(el, 'nodeNetworkId', at('NetworkSettings', 'nodeNetworkList'));
  } else {
    if (nodeList.length > 5)
      r.error('import/bad-value', `NetworkSettings.nodeNetworkList has ${nodeList.length} entries; AKO takes at most 5`, {
        key: ['NetworkSettings', 'nodeNetworkList'],
        value: nodeList.length,
        expected: 'at most 5 entries',
      });
    if (nodeList.length > 1) {
      r.warning(
        'import/simplified',
        `NetworkSettings.nodeNetworkList has ${nodeList.length} networks; the design models the first (the list is kept as written)`,
        {
          key: ['NetworkSettings', 'nodeNetworkList'],
        },
      );
    }
    const first = nodeEntry(nodeList[0], r);
    if (first) {
      const n = network(draft, first.name, r);
      if (first.cidr !== undefined) setSubnet(draft, n, first.cidr, r, ['NetworkSettings', 'nodeNetworkList', 0, 'cidrs', 0]);
      draft.set(el, 'nodeNetworkId', n.id, at('NetworkSettings', 'nodeNetworkList', 0, 'networkName'));
    } else if (nodeList.length === 0) draft.set(el, 'nodeNetworkId', null, at('NetworkSettings', 'nodeNetworkList'));
    else draft.unusable(el, 'nodeNetworkId', at('NetworkSettings', 'nodeNetworkList', 0));
  }

  // A list with more than the design models (more entries, networkUUID, v6cidr, more CIDRs) is kept whole.
  for (const [listKey, modelled] of [
    ['vipNetworkList', ['networkName', 'cidr']],
    ['nodeNetworkList', ['networkName', 'cidrs']],
  ] as const) {
    const list = net[listKey];
    if (!Array.isArray(list)) continue;
    const richer =
      list.length > 1 ||
      list.some(
        (e) =>
          !isRecord(e) ||
          Object.keys(e).some((k) => !(modelled as readonly string[]).includes(k)) ||
          (Array.isArray(e['cidrs']) && e['cidrs'].length > 1),
      );
    if (richer) draft.extra(el, `NetworkSettings.${listKey}`, list);
  }

  // NodePort mode: the pool members' label selector.
  const selector = values['nodePortSelector'];
  if (isRecord(selector)) {
    const key = text(selector, 'nodePortSelector', 'key');
    if (key !== undefined)
      draft.set(el, 'nodeSelectorLabels', { [key]: text(selector, 'nodePortSelector', 'value') ?? '' }, at('nodePortSelector'));
  }

  // Everything else the file says, known or not: extras under its dotted path (lists whole). An
  // unknown key inside a modelled list keeps that whole list as written.
  for (const [key, value] of leaves(TREE, values)) {
    const path = key.join('.');
    if (key[0] === 'avicredentials' || MODELLED.has(path)) continue;
    draft.extra(el, path, value);
  }
  for (const u of unknownKeys) {
    const { path, key } = extrasPath(u.key);
    if (key[0] !== 'avicredentials' && !(path in (el.extras ?? {}))) draft.extra(el, path, valueAt(values, key));
  }
}

function controllerOf(draft: ImportDraft, host: string | undefined, r: FileReporter, ako: Ako): ElementOf<'aviController'> {
  const controllers = draft.ofKind('aviController');
  const found =
    host === undefined
      ? ((draft.byId(ako.props.controllerId) as ElementOf<'aviController'> | undefined) ??
        (controllers.length === 1 ? controllers[0] : undefined))
      : (controllers.find((c) => draft.linksOf(c.id).some((l) => l.kind === 'nic' && l.from === c.id && l.address === host)) ??
        // A Controller known by host name only (an earlier import of the same name).
        controllers.find((c) => c.name === `NSX-ALB Controller ${host}`));
  if (found) return found;
  const controller = draft.add(
    'aviController',
    host ? `NSX-ALB Controller ${host}` : 'NSX-ALB Controller',
    {},
    {
      by: r,
      unknown: ['version', 'vrfs', 'ipamProfile', 'dnsProfile', 'vcenterId'],
    },
  );
  if (host !== undefined && !isParseError(parseIp(host))) {
    // The Controller sits on a network the file does not name: one with every value unknown.
    const net = draft.add('portGroup', `Controller network (${host})`, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] });
    draft.nic(controller, net, { role: 'management', address: host, addressMode: 'static' });
  } else if (host === undefined)
    r.warning('import/missing-value', 'ControllerSettings.controllerHost is not set; the Controller address is unknown', {
      key: ['ControllerSettings'],
      expected: 'the Controller IP address or host name',
    });
  return controller;
}

interface VipEntry {
  name: string;
  /** `undefined` when the file's CIDR is unusable (reported): the network's subnet stays unknown. */
  cidr: string | undefined;
  nameKey: KeyPath;
  cidrKey: KeyPath;
}

function vipNetwork(net: Record<string, unknown>, r: FileReporter): VipEntry | null {
  const list = net['vipNetworkList'];
  if (Array.isArray(list)) {
    if (list.length > 1)
      r.warning(
        'import/simplified',
        `NetworkSettings.vipNetworkList has ${list.length} networks; AKO takes more than one only on AWS clouds, the design models the first`,
        {
          key: ['NetworkSettings', 'vipNetworkList'],
        },
      );
    const first: unknown = list[0];
    if (first === undefined) {
      r.warning('import/missing-value', 'NetworkSettings.vipNetworkList is empty; AKO shuts down without a VIP network', {
        key: ['NetworkSettings', 'vipNetworkList'],
        expected: 'one {networkName, cidr}',
      });
      return null;
    }
    const key: KeyPath = ['NetworkSettings', 'vipNetworkList', 0];
    if (!isRecord(first)) {
      r.error('import/bad-value', `NetworkSettings.vipNetworkList[0] is ${shown(first)}; expected {networkName, cidr}`, {
        key,
        value: first,
        expected: '{networkName, cidr}',
      });
      return null;
    }
    const name = typeof first['networkName'] === 'string' && first['networkName'] !== '' ? first['networkName'] : undefined;
    if (name === undefined) {
      r.warning(
        'import/missing-value',
        'NetworkSettings.vipNetworkList[0] has no networkName (a networkUUID names no network of the design); the VIP network is unknown',
        {
          key,
          expected: 'networkName',
        },
      );
      return null;
    }
    const cidr = cidrValue(first['cidr'], [...key, 'cidr'], r);
    return { name, cidr, nameKey: [...key, 'networkName'], cidrKey: [...key, 'cidr'] };
  }
  if (list !== undefined && list !== null) {
    r.error('import/bad-value', `NetworkSettings.vipNetworkList is ${shown(list)}; expected a list of {networkName, cidr}`, {
      key: ['NetworkSettings', 'vipNetworkList'],
      value: list,
      expected: 'a list',
    });
    return null;
  }
  // Before AKO 1.4: networkName + subnetIP + subnetPrefix (a mask or a prefix length).
  const name = net['networkName'];
  const ip = net['subnetIP'];
  const prefix = net['subnetPrefix'];
  if (typeof name !== 'string' || name === '') {
    r.warning('import/missing-value', 'NetworkSettings.vipNetworkList is not set; AKO shuts down without a VIP network', {
      key: ['NetworkSettings'],
      expected: 'vipNetworkList: [{networkName, cidr}]',
    });
    return null;
  }
  const length = prefixLength(prefix);
  if (length === undefined) {
    r.error(
      'import/bad-value',
      `NetworkSettings.subnetPrefix is ${shown(prefix)}; expected a mask such as 255.255.255.0 or a prefix length`,
      {
        key: ['NetworkSettings', 'subnetPrefix'],
        value: prefix,
        expected: 'a dotted mask or 0-32',
      },
    );
  }
  const cidr = length === undefined ? undefined : cidrValue(`${String(ip)}/${length}`, ['NetworkSettings', 'subnetIP'], r);
  return { name, cidr, nameKey: ['NetworkSettings', 'networkName'], cidrKey: ['NetworkSettings', 'subnetIP'] };
}

function nodeEntry(entry: unknown, r: FileReporter): { name: string; cidr: string | undefined } | null {
  if (entry === undefined) return null;
  const key: KeyPath = ['NetworkSettings', 'nodeNetworkList', 0];
  if (!isRecord(entry)) {
    r.error('import/bad-value', `NetworkSettings.nodeNetworkList[0] is ${shown(entry)}; expected {networkName, cidrs}`, {
      key,
      value: entry,
      expected: '{networkName, cidrs}',
    });
    return null;
  }
  const name = entry['networkName'];
  if (typeof name !== 'string' || name === '') {
    r.warning(
      'import/missing-value',
      'NetworkSettings.nodeNetworkList[0] has no networkName (a networkUUID names no network of the design); the node network is unknown',
      {
        key,
        expected: 'networkName',
      },
    );
    return null;
  }
  const cidrs = entry['cidrs'];
  if (cidrs !== undefined && cidrs !== null && !Array.isArray(cidrs)) {
    r.error('import/bad-value', `NetworkSettings.nodeNetworkList[0].cidrs is ${shown(cidrs)}; expected a list of CIDRs`, {
      key: [...key, 'cidrs'],
      value: cidrs,
      expected: 'a list of CIDRs',
    });
    return { name, cidr: undefined };
  }
  const list = (cidrs ?? []) as unknown[];
  list.slice(1).forEach((c, i) => cidrValue(c, [...key, 'cidrs', i + 1], r));
  return { name, cidr: list.length > 0 ? cidrValue(list[0], [...key, 'cidrs', 0], r) : undefined };
}

function cidrValue(value: unknown, key: KeyPath, r: FileReporter): string | undefined {
  if (typeof value === 'string' && !isParseError(parseCidr(value))) return value;
  r.error(
    'import/bad-value',
    `${key
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .slice(1)} is ${shown(value)}; expected a CIDR such as 172.16.251.0/24`,
    {
      key,
      value,
      expected: 'a CIDR (address/prefix)',
    },
  );
  return undefined;
}

function prefixLength(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 32 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return prefixLength(Number(value));
  const mask = parseIp(value);
  if (isParseError(mask) || mask.family !== 4) return undefined;
  for (let length = 0; length <= 32; length++) if ((length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0) === mask.value) return length;
  return undefined;
}

function network(draft: ImportDraft, name: string, r: FileReporter): Network {
  return (
    draft.byName(['portGroup', 'nsxtSegment'], name) ??
    draft.add('portGroup', name, {}, { by: r, unknown: ['vlan', 'subnet', 'gateway', 'ranges'] })
  );
}

/** The network's subnet from the file (as the network address: AKO reads `10.0.0.1/24` as that network). */
function setSubnet(draft: ImportDraft, n: Network, cidr: string, r: FileReporter, key: KeyPath): void {
  const parsed = parseCidr(cidr);
  if (isParseError(parsed)) return;
  const canonical = `${formatIp(parsed.family === 4 ? { family: 4, value: parsed.start } : { family: 6, value: parsed.start })}/${parsed.prefixLength}`;
  if (draft.isNew(n) || n.props.subnet === null) draft.set(n, 'subnet', canonical, { reporter: r, key });
  else if (n.props.subnet !== canonical)
    r.warning('import/conflict', `${cidr} differs from network ${n.name}'s subnet ${n.props.subnet}`, {
      key,
      value: cidr,
      targets: [{ kind: n.kind, id: n.id }],
    });
}
