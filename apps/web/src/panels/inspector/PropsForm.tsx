/** The generic props form of an element, driven by its schema (see schemaSpec.ts). */
import { memo } from 'react';
import { kindInfo, type Element, type ElementKind, type FilterRule } from '@viplane/model';
import { getElement, nestedId, setProp, setReference } from '../../document/edits.ts';
import { editor, useEditor } from '../../store/editor.ts';
import { checkIpIn, type FieldMessage } from '../../lib/fieldChecks.ts';
import { fieldLabel } from '../../lib/labels.ts';
import { fieldInputId } from './fieldIds.ts';
import { FilterRulesEditor } from './FilterRulesEditor.tsx';
import { classify, defaultFor, propsSchema, type JsonSchema } from './schemaSpec.ts';
import { fieldApplies, pickerTargets } from './relevance.ts';
import {
  AddressInput,
  CheckboxSet,
  Field,
  intCheck,
  LinesEditor,
  NetworkSet,
  NumberInput,
  OwnLabels,
  RangesEditor,
  RecordEditor,
  RefSelect,
  RoutesEditor,
  Select,
  TextInput,
  Toggle,
  useElementOptions,
  vlanCheck,
} from './widgets.tsx';

type Path = (string | number)[];

interface Ctx {
  el: Element;
  disabled: boolean;
}

const PURPOSES = ['se-pool', 'vip-pool', 'se-vip-pool', 'dhcp', 'node', 'workload', 'reserved'];
const DEFAULT_PURPOSE: Partial<Record<ElementKind, string>> = {
  portGroup: 'se-vip-pool',
  nsxtSegment: 'dhcp',
  workloadNetwork: 'workload',
};

const set = (id: string, path: Path, value: unknown) => editor().edit((doc) => setProp(doc, id, path, value));
const read = (obj: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), obj);

export const PropsForm = memo(function PropsForm({ el, disabled }: { el: Element; disabled: boolean }) {
  const schema = propsSchema(el.kind);
  return <ObjectFields ctx={{ el, disabled }} schema={schema} path={[]} />;
});

function ObjectFields({ ctx, schema, path }: { ctx: Ctx; schema: JsonSchema; path: Path }) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, sub]) => {
        const field = <PropField key={key} ctx={ctx} fieldKey={key} schema={sub} path={[...path, key]} />;
        // A field an import could not learn: marked until the user enters it (see UnknownSection).
        return ctx.el.unknown?.includes([...path, key].join('.')) ? (
          <div key={key} className="field-unknown" data-testid={`unknown-${[...path, key].join('.')}`}>
            {field}
          </div>
        ) : (
          field
        );
      })}
    </>
  );
}

function PropField({ ctx, fieldKey, schema, path }: { ctx: Ctx; fieldKey: string; schema: JsonSchema; path: Path }) {
  const { el, disabled } = ctx;
  const dotted = path.join('.');
  const spec = classify(el.kind, dotted, fieldKey, schema);
  const value = read(el.props, path);
  const label = fieldLabel(dotted);
  const testId = `field-${dotted}`;
  const inputId = fieldInputId(el.id, dotted);
  const onChange = (v: unknown) => set(el.id, path, v);
  const extra = useContextCheck(el, dotted, value);
  if (!fieldApplies(el, dotted, value)) return null;

  switch (spec.type) {
    case 'ref':
      return (
        <RefSelect
          label={label}
          value={(value as string | null) ?? null}
          targets={pickerTargets(dotted, spec.targets)}
          self={el.id}
          disabled={disabled}
          testId={testId}
          onChange={(v) => editor().edit((doc) => setReference(doc, el.id, dotted, v))}
        />
      );
    case 'cidr':
    case 'ip':
      return (
        <AddressInput
          id={inputId}
          label={label}
          kind={spec.type}
          nullable={spec.nullable}
          value={(value as string | null) ?? null}
          extra={extra}
          disabled={disabled}
          testId={testId}
          fieldTestId={`${testId}-row`}
          onChange={onChange}
        />
      );
    case 'vlan':
      return (
        <NumberInput
          id={inputId}
          label={label}
          value={(value as number | null) ?? null}
          check={vlanCheck}
          nullable
          disabled={disabled}
          testId={testId}
          fieldTestId={`${testId}-row`}
          onChange={onChange}
        />
      );
    case 'int':
      return (
        <NumberInput
          id={inputId}
          label={label}
          value={(value as number | null) ?? null}
          check={intCheck(spec.min, spec.max)}
          nullable={spec.nullable}
          disabled={disabled}
          testId={testId}
          fieldTestId={`${testId}-row`}
          onChange={onChange}
        />
      );
    case 'bool':
      return <Toggle label={label} value={Boolean(value)} disabled={disabled} testId={testId} onChange={onChange} />;
    case 'enum':
      return (
        <Field label={label} htmlFor={inputId}>
          <Select
            id={inputId}
            value={(value as string | null) ?? null}
            disabled={disabled}
            testId={testId}
            nullLabel={spec.nullable ? '— none —' : undefined}
            options={spec.options.map((o) => ({ value: o, label: o }))}
            onChange={(v) => onChange(v)}
          />
        </Field>
      );
    case 'text':
      return (
        <Field label={label} htmlFor={inputId}>
          <TextInput id={inputId} value={(value as string) ?? ''} disabled={disabled} testId={testId} onChange={onChange} />
        </Field>
      );
    case 'const':
      return null;
    case 'ranges': {
      const subnet = (el.props as { subnet?: string | null }).subnet ?? null;
      return (
        <Field label={label} wide>
          <RangesEditor
            ranges={(value as { id: string; purpose: string; start: string; end: string }[]) ?? []}
            subnet={subnet}
            disabled={disabled}
            purposes={PURPOSES}
            defaultPurpose={DEFAULT_PURPOSE[el.kind] ?? 'reserved'}
            newId={() => nestedId(editor().doc, el.id, 'range')}
            inputId={(i, f) => fieldInputId(el.id, `${dotted}.${i}.${f}`)}
            onChange={onChange}
          />
        </Field>
      );
    }
    case 'routes':
      return (
        <Field label={label} wide>
          <RoutesEditor
            routes={(value as { id: string; prefix: string; nextHop: string | null }[]) ?? []}
            disabled={disabled}
            testPrefix="routes"
            newId={() => nestedId(editor().doc, el.id, 'route')}
            onChange={onChange}
          />
        </Field>
      );
    case 'filterRules':
      return (
        <FilterRulesEditor
          ownerId={el.id}
          prop={spec.prop}
          label={label}
          rules={(value as FilterRule[]) ?? []}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'vrfs':
      return <VrfsEditor ctx={ctx} path={path} />;
    case 'nodes':
      return <NodesEditor ctx={ctx} path={path} />;
    case 'loadBalancer':
      return <LoadBalancerField ctx={ctx} path={path} />;
    case 'networkSet':
      return <NetworkSet label={label} value={(value as string[]) ?? []} disabled={disabled} testId={testId} onChange={onChange} />;
    case 'list':
      return (
        <LinesEditor
          label={label}
          item={spec.item}
          value={(value as string[]) ?? []}
          disabled={disabled}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'enumSet':
      return (
        <CheckboxSet
          label={label}
          value={(value as string[]) ?? []}
          options={spec.options.map((o) => ({ value: o, label: o }))}
          disabled={disabled}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'record':
      return (
        <RecordEditor
          label={label}
          value={(value as Record<string, string>) ?? {}}
          disabled={disabled}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'object': {
      if (value === null || value === undefined) {
        return (
          <Toggle
            label={label}
            value={false}
            disabled={disabled}
            testId={`${testId}-enabled`}
            onChange={(on) => on && onChange(defaultFor(spec.schema))}
          />
        );
      }
      return (
        <div className="fieldset" data-testid={testId}>
          <div className="fieldset-title">
            {label}
            {spec.nullable && !disabled && (
              <button className="link-btn" onClick={() => onChange(null)} data-testid={`${testId}-remove`}>
                remove
              </button>
            )}
          </div>
          <ObjectFields ctx={ctx} schema={spec.schema} path={path} />
        </div>
      );
    }
  }
}

/** Checks that need the rest of the document (gateway in its subnet, kube-vip endpoint on the node network). */
function useContextCheck(el: Element, dotted: string, value: unknown): FieldMessage | null {
  const nodeSubnet = useEditor((s) => {
    if (el.kind !== 'tkgCluster' || dotted !== 'endpoint.address' || el.props.endpoint.provider !== 'kube-vip' || !el.props.nodeNetworkId)
      return null;
    const net = getElement(s.doc, el.props.nodeNetworkId);
    return net && 'subnet' in net.props ? (net.props.subnet as string | null) : null;
  });
  if (dotted === 'gateway' && 'subnet' in el.props)
    return checkIpIn(value as string | null, el.props.subnet as string | null, 'the subnet');
  if (nodeSubnet) return checkIpIn(value as string | null, nodeSubnet, 'the node network');
  return null;
}

function VrfsEditor({ ctx, path }: { ctx: Ctx; path: Path }) {
  const { el, disabled } = ctx;
  const vrfs = (read(el.props, path) as { name: string; staticRoutes: { id: string; prefix: string; nextHop: string | null }[] }[]) ?? [];
  return (
    <>
      {vrfs.map((vrf, i) => (
        <div className="fieldset" key={vrf.name} data-testid={`vrf-${vrf.name}`}>
          <div className="fieldset-title">
            {vrf.name === 'global' ? 'Data VRF (global) — static routes' : 'Management VRF — static routes'}
          </div>
          <RoutesEditor
            routes={vrf.staticRoutes}
            disabled={disabled}
            testPrefix={`vrf-${vrf.name}-routes`}
            newId={() => nestedId(editor().doc, el.id, 'route')}
            onChange={(routes) => set(el.id, [...path, i, 'staticRoutes'], routes)}
          />
        </div>
      ))}
    </>
  );
}

function NodesEditor({ ctx, path }: { ctx: Ctx; path: Path }) {
  const { el, disabled } = ctx;
  const nodes = (read(el.props, path) as { id: string; name: string; role: string; address: string | null; leafId: string | null }[]) ?? [];
  const leaves = useElementOptions(['aciSwitch']);
  const update = (next: typeof nodes) => set(el.id, path, next);
  return (
    <Field label="Nodes" wide>
      <OwnLabels>
        {nodes.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Address</th>
                <th>Leaf</th>
                <th>
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n, i) => (
                <tr key={n.id}>
                  <td>
                    <TextInput
                      value={n.name}
                      label={`Node ${i + 1} name`}
                      disabled={disabled}
                      onChange={(v) => update(nodes.map((x, j) => (j === i ? { ...x, name: v } : x)))}
                    />
                  </td>
                  <td>
                    <Select
                      value={n.role}
                      label={`Node ${i + 1} role`}
                      disabled={disabled}
                      options={[
                        { value: 'control-plane', label: 'CP' },
                        { value: 'worker', label: 'worker' },
                      ]}
                      onChange={(v) => update(nodes.map((x, j) => (j === i ? { ...x, role: v ?? 'worker' } : x)))}
                    />
                  </td>
                  <td>
                    <TextInput
                      mono
                      value={n.address ?? ''}
                      label={`Node ${i + 1} address`}
                      disabled={disabled}
                      onChange={(v) => update(nodes.map((x, j) => (j === i ? { ...x, address: v || null } : x)))}
                    />
                  </td>
                  <td>
                    <Select
                      value={n.leafId}
                      label={`Node ${i + 1} leaf`}
                      disabled={disabled}
                      nullLabel="—"
                      options={leaves}
                      onChange={(v) => update(nodes.map((x, j) => (j === i ? { ...x, leafId: v } : x)))}
                    />
                  </td>
                  <td>
                    {!disabled && (
                      <button
                        className="row-del"
                        aria-label={`Remove node ${i + 1}`}
                        onClick={() => update(nodes.filter((_, j) => j !== i))}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!disabled && (
          <button
            className="btn small outline add-row"
            onClick={() =>
              update([
                ...nodes,
                {
                  id: nestedId(editor().doc, el.id, 'node'),
                  name: `node-${nodes.length + 1}`,
                  role: 'worker',
                  address: null,
                  leafId: null,
                },
              ])
            }
          >
            Add node
          </button>
        )}
      </OwnLabels>
    </Field>
  );
}

function LoadBalancerField({ ctx, path }: { ctx: Ctx; path: Path }) {
  const { el, disabled } = ctx;
  const lb = read(el.props, path) as
    { provider: 'haproxy'; haproxyId: string | null } | { provider: 'nsx-alb'; controllerId: string | null };
  const refPath = lb.provider === 'haproxy' ? 'haproxyId' : 'controllerId';
  return (
    <div className="fieldset">
      <div className="fieldset-title">Load balancer</div>
      <Field label="Provider">
        <Select
          value={lb.provider}
          disabled={disabled}
          testId="field-loadBalancer.provider"
          options={[
            { value: 'haproxy', label: 'HAProxy' },
            { value: 'nsx-alb', label: 'NSX Advanced Load Balancer' },
          ]}
          onChange={(v) =>
            set(el.id, path, v === 'nsx-alb' ? { provider: 'nsx-alb', controllerId: null } : { provider: 'haproxy', haproxyId: null })
          }
        />
      </Field>
      <RefSelect
        label={lb.provider === 'haproxy' ? kindInfo.haproxy.label : kindInfo.aviController.label}
        value={lb.provider === 'haproxy' ? lb.haproxyId : lb.controllerId}
        targets={lb.provider === 'haproxy' ? ['haproxy'] : ['aviController']}
        self={el.id}
        disabled={disabled}
        testId={`field-loadBalancer.${refPath}`}
        onChange={(v) => set(el.id, [...path, refPath], v)}
      />
    </div>
  );
}
