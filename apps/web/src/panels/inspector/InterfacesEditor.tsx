/**
 * An element's interfaces as a list in the inspector: network, role, address mode, address and
 * gateway of each, reorder and remove, and "Add interface" — everything a drawn connection does,
 * by keyboard. Every change is one edit (one undo step; typing in a field is one transaction).
 */
import { networkKinds, type Element, type Link, type NicRole } from '@viplane/model';
import { useState, type ReactNode } from 'react';
import { getElement } from '../../document/edits.ts';
import {
  addInterface,
  interfacesOf,
  moveInterface,
  removeInterface,
  setInterfaceFields,
  setInterfaceNetwork,
  type Interface,
} from '../../document/interfaces.ts';
import { checkIp, checkIpIn } from '../../lib/fieldChecks.ts';
import { NIC_ROLES, ROLE_LABEL } from '../../flow/roles.ts';
import { editor, useEditor, useEditorStable } from '../../store/editor.ts';
import { IconPlus } from '../../components/icons.tsx';
import { AddressInput, Field, Select, useElementOptions } from './widgets.tsx';
import { fieldInputId } from './fieldIds.ts';

const MODES: { value: Link['addressMode']; label: string }[] = [
  { value: 'static', label: 'Static' },
  { value: 'pool', label: 'From an IP pool' },
  { value: 'dhcp', label: 'DHCP' },
];

const sameIds = (a: Interface[], b: Interface[]) => a.length === b.length && a.every((l, i) => l === b[i]);

export function InterfacesEditor({ el, disabled }: { el: Element; disabled: boolean }) {
  const nics = useEditorStable((s) => interfacesOf(s.doc, el.id), sameIds);
  const roles = NIC_ROLES[el.kind] ?? [];
  return (
    <div className="section" data-testid="interfaces">
      <h3 className="section-title" id={`${el.id}-interfaces`}>
        Interfaces
      </h3>
      {nics.length === 0 && <p className="subtle">No interfaces yet.</p>}
      <ol className="nic-list" aria-labelledby={`${el.id}-interfaces`}>
        {nics.map((link, i) => (
          <li key={link.id} className="nic-item" data-testid={`nic-${i}`} data-link={link.id}>
            <InterfaceFields link={link} roles={roles} disabled={disabled} prefix={`nic-${i}`} title={`Interface ${i + 1}`}>
              {!disabled && (
                <div className="nic-actions">
                  <button
                    className="btn outline small"
                    disabled={i === 0}
                    onClick={() => editor().edit((doc) => moveInterface(doc, link.id, -1))}
                    aria-label={`Move interface ${i + 1} up`}
                    data-testid={`nic-${i}-up`}
                  >
                    ↑
                  </button>
                  <button
                    className="btn outline small"
                    disabled={i === nics.length - 1}
                    onClick={() => editor().edit((doc) => moveInterface(doc, link.id, 1))}
                    aria-label={`Move interface ${i + 1} down`}
                    data-testid={`nic-${i}-down`}
                  >
                    ↓
                  </button>
                  <button
                    className="btn outline small danger"
                    onClick={() => editor().edit((doc) => removeInterface(doc, link.id))}
                    aria-label={`Remove interface ${i + 1}`}
                    data-testid={`nic-${i}-remove`}
                  >
                    Remove
                  </button>
                </div>
              )}
            </InterfaceFields>
          </li>
        ))}
      </ol>
      {!disabled && roles.length > 0 && <AddInterface key={el.id} el={el} roles={roles} existing={nics} />}
    </div>
  );
}

/** The fields of one interface; used by the list and by the connection inspector. */
export function InterfaceFields(props: {
  link: Interface;
  roles: readonly NicRole[];
  disabled: boolean;
  prefix: string;
  title: string;
  children?: ReactNode;
}) {
  const { link, roles, disabled, prefix } = props;
  const network = useEditor((s) => getElement(s.doc, link.to));
  const networks = useElementOptions(networkKinds);
  const subnet = network && 'subnet' in network.props ? (network.props.subnet as string | null) : null;
  const networkName = network?.name ?? link.to;
  const patch = (p: Parameters<typeof setInterfaceFields>[2]) => editor().edit((doc) => setInterfaceFields(doc, link.id, p));
  const roleOptions = (roles.includes(link.role) ? roles : [...roles, link.role]).map((r) => ({ value: r, label: ROLE_LABEL[r] ?? r }));
  const poolWithAddress = link.addressMode !== 'static' && link.address !== null;
  return (
    <fieldset className="nic-fields" aria-label={`${props.title}: ${ROLE_LABEL[link.role] ?? link.role} on ${networkName}`}>
      <legend className="nic-legend">
        {props.title}: {ROLE_LABEL[link.role] ?? link.role} on {networkName}
      </legend>
      <Field label="Network" htmlFor={fieldInputId(link.id, 'to')}>
        <Select
          id={fieldInputId(link.id, 'to')}
          value={link.to}
          disabled={disabled}
          testId={`${prefix}-network`}
          options={networks}
          onChange={(v) => v && editor().edit((doc) => setInterfaceNetwork(doc, link.id, v))}
        />
      </Field>
      <Field label="Role" htmlFor={fieldInputId(link.id, 'role')}>
        <Select
          id={fieldInputId(link.id, 'role')}
          value={link.role}
          disabled={disabled}
          testId={`${prefix}-role`}
          options={roleOptions}
          onChange={(v) => v && patch({ role: v as NicRole })}
        />
      </Field>
      <Field
        label="Address mode"
        htmlFor={fieldInputId(link.id, 'addressMode')}
        msg={
          poolWithAddress
            ? {
                level: 'warning',
                text: `A ${link.addressMode} interface takes its address from ${link.addressMode === 'pool' ? 'the pool' : 'DHCP'}: clear the address or choose Static`,
              }
            : null
        }
      >
        <Select
          id={fieldInputId(link.id, 'addressMode')}
          value={link.addressMode}
          disabled={disabled}
          testId={`${prefix}-mode`}
          options={MODES}
          onChange={(v) => v && patch({ addressMode: v as Link['addressMode'] })}
        />
      </Field>
      <AddressInput
        id={fieldInputId(link.id, 'address')}
        label="Address"
        kind="ip"
        nullable
        value={link.address}
        extra={checkIpIn(link.address, subnet, networkName)}
        disabled={disabled}
        testId={`${prefix}-address`}
        placeholder={link.addressMode === 'static' ? 'e.g. 192.168.48.10' : `assigned by ${link.addressMode}`}
        onChange={(v) => patch({ address: v })}
      />
      <AddressInput
        id={fieldInputId(link.id, 'gateway')}
        label="Gateway"
        kind="ip"
        nullable
        value={link.gateway}
        extra={checkIp(link.gateway) ?? checkIpIn(link.gateway, subnet, networkName)}
        disabled={disabled}
        testId={`${prefix}-gateway`}
        onChange={(v) => patch({ gateway: v })}
      />
      {props.children}
    </fieldset>
  );
}

function AddInterface({ el, roles, existing }: { el: Element; roles: readonly NicRole[]; existing: Interface[] }) {
  const networks = useElementOptions(networkKinds);
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [picked, setRole] = useState<NicRole>(roles[0]!);
  // A role picked for another kind of element never carries over (its roles differ).
  const role = roles.includes(picked) ? picked : roles[0]!;
  const chosen = networkId && networks.some((n) => n.value === networkId) ? networkId : (networks[0]?.value ?? null);
  const duplicate = chosen !== null && existing.some((l) => l.to === chosen && l.role === role);
  const add = () => {
    if (!chosen || duplicate) return;
    editor().edit((doc) => addInterface(doc, el.id, chosen, role)?.doc ?? doc);
  };
  return (
    <div className="fieldset nic-add" data-testid="nic-add">
      <div className="fieldset-title">Add interface</div>
      <Field
        label="Network"
        msg={networks.length === 0 ? { level: 'hint', text: 'Add a port group, segment or client network first' } : null}
      >
        <Select value={chosen} onChange={setNetworkId} options={networks} disabled={networks.length === 0} testId="nic-add-network" />
      </Field>
      {roles.length > 1 && (
        <Field label="Role">
          <Select
            value={role}
            onChange={(v) => v && setRole(v as NicRole)}
            options={roles.map((r) => ({ value: r, label: ROLE_LABEL[r] ?? r }))}
            testId="nic-add-role"
          />
        </Field>
      )}
      {duplicate && (
        <div className="field-msg warning" role="status">
          {el.name} already has a {ROLE_LABEL[role].toLowerCase()} interface on this network.
        </div>
      )}
      <button className="btn small outline add-row" onClick={add} disabled={!chosen || duplicate} data-testid="nic-add-button">
        <IconPlus /> Add interface
      </button>
    </div>
  );
}
