/**
 * The ordered rule table of a firewall (`rules`) or a router's ACL (`acl`): action, protocol,
 * ports, sources, destinations and a note per rule; add, remove and move rules without the
 * mouse. Order matters (first match wins), so moving is a first-class action, not drag-only.
 * Every input carries the DOM id of its field path (`rules.2.ports`), so a problem focuses it.
 */
import { useMemo } from 'react';
import type { FilterRule } from '@viplane/model';
import { editor, useEditor } from '../../store/editor.ts';
import { nestedId } from '../../document/edits.ts';
import { IconPlus } from '../../components/icons.tsx';
import { fieldInputId } from './fieldIds.ts';
import { checkEntries, checkPorts, moveRule, newRule } from './filterRules.ts';
import { OwnLabels, Select, TextInput } from './widgets.tsx';
import { EntriesInput } from './EntriesInput.tsx';

const ACTIONS = [
  { value: 'allow', label: 'Allow' },
  { value: 'deny', label: 'Deny' },
];
const PROTOCOLS = [
  { value: 'tcp', label: 'TCP' },
  { value: 'udp', label: 'UDP' },
  { value: 'icmp', label: 'ICMP' },
  { value: 'any', label: 'Any protocol' },
];

export function FilterRulesEditor(props: {
  ownerId: string;
  /** `rules` on a firewall (default deny), `acl` on a router (filters nothing while empty). */
  prop: 'rules' | 'acl';
  label: string;
  rules: FilterRule[];
  disabled: boolean;
  onChange(rules: FilterRule[]): void;
}) {
  const { ownerId, prop, rules, disabled, onChange } = props;
  // A string (compared by value), so the editor re-renders only when ids change, not on every move.
  const ids = useEditor((s) => s.doc.elements.map((e) => e.id).join('\n'));
  const elementIds = useMemo(() => new Set(ids.split('\n')), [ids]);
  const set = (i: number, patch: Partial<FilterRule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const idOf = (i: number, field?: string) => fieldInputId(ownerId, field ? `${prop}.${i}.${field}` : `${prop}.${i}`);
  const tail =
    prop === 'rules'
      ? 'First match wins; anything no rule allows is denied. Replies of allowed connections pass (stateful).'
      : rules.length === 0
        ? 'Empty: the router filters nothing. With entries, first match wins and an implicit deny follows the last.'
        : 'First match wins; an implicit deny follows the last entry.';
  return (
    <OwnLabels>
      <div className="fieldset filter-rules" data-testid={`filter-${prop}`} role="group" aria-label={props.label}>
        <div className="fieldset-title">{props.label}</div>
        <p className="subtle filter-rules-hint" id={`${ownerId}-${prop}-hint`}>
          {tail}
        </p>
        <ol className="filter-rule-list">
          {rules.map((r, i) => {
            const n = i + 1;
            const portsMsg = checkPorts(r.ports, r.protocol);
            const srcMsg = checkEntries(r.sources, elementIds);
            const dstMsg = checkEntries(r.destinations, elementIds);
            return (
              <li key={r.id} className={`filter-rule ${r.action}`} data-testid={`filter-${prop}-${i}`} aria-label={`Rule ${n} (${r.id})`}>
                <div className="filter-rule-head">
                  <span className="filter-rule-number" aria-hidden="true">
                    {n}
                  </span>
                  <Select
                    id={idOf(i)}
                    label={`Rule ${n} action`}
                    value={r.action}
                    options={ACTIONS}
                    disabled={disabled}
                    testId={`filter-${prop}-${i}-action`}
                    onChange={(v) => set(i, { action: v === 'deny' ? 'deny' : 'allow' })}
                  />
                  <Select
                    id={idOf(i, 'protocol')}
                    label={`Rule ${n} protocol`}
                    value={r.protocol}
                    options={PROTOCOLS}
                    disabled={disabled}
                    testId={`filter-${prop}-${i}-protocol`}
                    onChange={(v) => set(i, { protocol: (v ?? 'any') as FilterRule['protocol'] })}
                  />
                  {!disabled && (
                    <span className="filter-rule-tools">
                      <button
                        className="row-move"
                        aria-label={`Move rule ${n} up`}
                        title="Move up (earlier rules win)"
                        disabled={i === 0}
                        onClick={() => onChange(moveRule(rules, i, -1))}
                        data-testid={`filter-${prop}-${i}-up`}
                      >
                        ↑
                      </button>
                      <button
                        className="row-move"
                        aria-label={`Move rule ${n} down`}
                        title="Move down"
                        disabled={i === rules.length - 1}
                        onClick={() => onChange(moveRule(rules, i, 1))}
                        data-testid={`filter-${prop}-${i}-down`}
                      >
                        ↓
                      </button>
                      <button
                        className="row-del"
                        aria-label={`Remove rule ${n}`}
                        title="Remove rule"
                        onClick={() => onChange(rules.filter((_, j) => j !== i))}
                        data-testid={`filter-${prop}-${i}-delete`}
                      >
                        ×
                      </button>
                    </span>
                  )}
                </div>
                <label className="filter-rule-field">
                  <span>Ports</span>
                  <TextInput
                    id={idOf(i, 'ports')}
                    mono
                    value={r.ports}
                    disabled={disabled}
                    invalid={!!portsMsg}
                    placeholder="any, 443, 30000-32767, 22,443"
                    onChange={(v) => set(i, { ports: v })}
                    testId={`filter-${prop}-${i}-ports`}
                  />
                </label>
                {portsMsg && <div className="field-msg error">{portsMsg.text}</div>}
                <EntriesInput
                  id={idOf(i, 'sources')}
                  label="Sources"
                  ruleNumber={n}
                  value={r.sources}
                  message={srcMsg}
                  disabled={disabled}
                  testId={`filter-${prop}-${i}-sources`}
                  onChange={(v) => set(i, { sources: v })}
                />
                <EntriesInput
                  id={idOf(i, 'destinations')}
                  label="Destinations"
                  ruleNumber={n}
                  value={r.destinations}
                  message={dstMsg}
                  disabled={disabled}
                  testId={`filter-${prop}-${i}-destinations`}
                  onChange={(v) => set(i, { destinations: v })}
                />
                <label className="filter-rule-field">
                  <span>Note</span>
                  <TextInput
                    id={idOf(i, 'description')}
                    value={r.description ?? ''}
                    disabled={disabled}
                    placeholder="why this rule exists"
                    onChange={(v) => set(i, v === '' ? { description: undefined } : { description: v })}
                    testId={`filter-${prop}-${i}-description`}
                  />
                </label>
              </li>
            );
          })}
        </ol>
        {!disabled && (
          <button
            className="btn small outline add-row"
            onClick={() => onChange([...rules, newRule(nestedId(editor().doc, ownerId, 'rule'))])}
            data-testid={`filter-${prop}-add`}
          >
            <IconPlus /> Add rule
          </button>
        )}
      </div>
    </OwnLabels>
  );
}
