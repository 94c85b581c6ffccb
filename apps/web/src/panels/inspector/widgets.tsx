/**
 * Inspector widgets. Text fields commit on every keystroke (so validation runs as you type)
 * inside a transaction opened on focus and committed on blur: typing into one field is one
 * undo step. Numbers keep a local draft while they do not parse, and show why.
 */
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { kindInfo, networkKinds, type ElementKind, type TopologyDocument } from '@viplane/model';
import { editor, useEditorStable } from '../../store/editor.ts';
import { checkCidr, checkInteger, checkIp, checkRange, checkVlan, type FieldMessage } from '../../lib/fieldChecks.ts';
import { RANGE_PURPOSE_LABEL } from '../../lib/labels.ts';
import { IconPlus } from '../../components/icons.tsx';

export const tx = (label: string) => ({
  onFocus: () => editor().beginTransaction(label),
  onBlur: () => editor().commitTransaction(),
});

/**
 * The id of the control a `Field` labels: a control inside a Field without an id of its own takes
 * it, so every select, input and textarea is named by the Field's label (axe: `label`, `select-name`).
 */
const FieldControlId = createContext<string | undefined>(undefined);

/** Lists inside a Field (ranges, routes, nodes) name each control themselves: no shared id. */
export function OwnLabels({ children }: { children: ReactNode }) {
  return <FieldControlId.Provider value={undefined}>{children}</FieldControlId.Provider>;
}

/** The id a control inside a Field should carry. */
export function useFieldControlId(own?: string): string | undefined {
  const fromField = useContext(FieldControlId);
  return own ?? fromField;
}

export function Field(props: {
  label: string;
  msg?: FieldMessage | null;
  children: ReactNode;
  wide?: boolean;
  htmlFor?: string;
  testId?: string;
}) {
  const generated = useId();
  const controlId = props.htmlFor ?? generated;
  const msgId = `${controlId}-msg`;
  return (
    <div className={`field${props.wide ? ' wide' : ''}`} data-testid={props.testId}>
      <label htmlFor={controlId}>{props.label}</label>
      <FieldControlId.Provider value={controlId}>
        <div>{props.children}</div>
      </FieldControlId.Provider>
      {props.msg && (
        <div
          id={msgId}
          className={`field-msg ${props.msg.level}`}
          data-testid={props.testId ? `${props.testId}-msg` : undefined}
          role={props.msg.level === 'error' ? 'alert' : undefined}
        >
          {props.msg.text}
        </div>
      )}
    </div>
  );
}

interface BaseProps<T> {
  id?: string;
  value: T;
  onChange(value: T): void;
  disabled?: boolean;
  testId?: string;
  placeholder?: string;
}

export function TextInput({
  value,
  onChange,
  disabled,
  testId,
  placeholder,
  mono,
  invalid,
  id,
  label,
}: BaseProps<string> & { mono?: boolean; invalid?: boolean; label?: string }) {
  const controlId = useFieldControlId(id);
  return (
    <input
      id={controlId}
      aria-label={label}
      className={`input${mono ? ' mono' : ''}${invalid ? ' invalid' : ''}`}
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
      aria-invalid={invalid || undefined}
      {...tx('edit field')}
    />
  );
}

/** CIDR or address; `nullable`: empty means "unknown" (`null`). */
export function AddressInput(
  props: BaseProps<string | null> & {
    kind: 'cidr' | 'ip';
    nullable: boolean;
    extra?: FieldMessage | null;
    label: string;
    fieldTestId?: string;
  },
) {
  const { value, onChange, kind, nullable, extra, label } = props;
  const syntax = kind === 'cidr' ? checkCidr(value, !nullable) : checkIp(value, !nullable);
  const msg = syntax ?? extra ?? null;
  const autoId = useId();
  const id = props.id ?? autoId;
  return (
    <Field label={label} msg={msg} htmlFor={id} testId={props.fieldTestId}>
      <TextInput
        id={id}
        mono
        value={value ?? ''}
        invalid={msg?.level === 'error'}
        disabled={props.disabled}
        placeholder={props.placeholder ?? (nullable ? (kind === 'cidr' ? 'unknown (e.g. 192.168.48.0/22)' : 'none') : '')}
        onChange={(v) => onChange(v === '' && nullable ? null : v)}
        testId={props.testId}
      />
    </Field>
  );
}

/** Integer with a draft: the document only gets values that parse. */
export function NumberInput(
  props: BaseProps<number | null> & {
    check(text: string): { value: number | null; message: FieldMessage | null };
    label: string;
    nullable?: boolean;
    fieldTestId?: string;
  },
) {
  const { value, onChange, check, label } = props;
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value === null ? '' : String(value));
  }, [value, focused]);
  const result = check(draft);
  const autoId = useId();
  const id = props.id ?? autoId;
  return (
    <Field label={label} msg={result.message} htmlFor={id} testId={props.fieldTestId}>
      <input
        id={id}
        className={`input mono${result.message?.level === 'error' ? ' invalid' : ''}`}
        inputMode="numeric"
        value={draft}
        disabled={props.disabled}
        placeholder={props.nullable ? 'none' : ''}
        data-testid={props.testId}
        onFocus={() => {
          setFocused(true);
          editor().beginTransaction('edit number');
        }}
        onBlur={() => {
          setFocused(false);
          editor().commitTransaction();
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          const r = check(e.target.value);
          if (e.target.value.trim() === '' && props.nullable) onChange(null);
          else if (r.value !== null && !r.message) onChange(r.value);
          else if (r.value !== null && r.message?.level !== 'error') onChange(r.value);
        }}
      />
    </Field>
  );
}

export const vlanCheck = (text: string) => checkVlan(text);
export const intCheck = (min: number, max: number) => (text: string) => checkInteger(text, min, max);

/** An on/off field: a switch named by its Field label that says whether it is on (role=switch + aria-checked). */
export function Toggle({ value, onChange, disabled, testId, label }: BaseProps<boolean> & { label: string }) {
  return (
    <Field label={label}>
      <SwitchInput value={value} onChange={onChange} disabled={disabled} testId={testId} />
    </Field>
  );
}

function SwitchInput({ value, onChange, disabled, testId }: BaseProps<boolean>) {
  const id = useFieldControlId();
  return (
    <span className="switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={value}
        checked={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span className="subtle" aria-hidden="true">
        {value ? 'Yes' : 'No'}
      </span>
    </span>
  );
}

export function Select({
  value,
  onChange,
  options,
  disabled,
  testId,
  nullLabel,
  id,
  label,
}: BaseProps<string | null> & { options: { value: string; label: string }[]; nullLabel?: string; label?: string }) {
  const controlId = useFieldControlId(id);
  return (
    <select
      id={controlId}
      aria-label={label}
      className="select"
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      data-testid={testId}
    >
      {nullLabel !== undefined && <option value="">{nullLabel}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Elements of the allowed kinds, by name. */
export function useElementOptions(kinds: readonly ElementKind[], exclude?: string) {
  // Same names and ids: keep the previous array so the select does not re-render on moves.
  return useEditorStable((s) => optionsOf(s.doc, kinds, exclude), sameOptions);
}

const optionCache = new WeakMap<object, Map<string, { value: string; label: string }[]>>();
function optionsOf(doc: TopologyDocument, kinds: readonly ElementKind[], exclude?: string) {
  let perDoc = optionCache.get(doc.elements);
  if (!perDoc) optionCache.set(doc.elements, (perDoc = new Map()));
  const key = `${kinds.join(',')}|${exclude ?? ''}`;
  let list = perDoc.get(key);
  if (!list) {
    list = doc.elements
      .filter((e) => kinds.includes(e.kind) && e.id !== exclude)
      .map((e) => ({ value: e.id, label: kinds.length > 1 ? `${e.name} (${kindInfo[e.kind].label})` : e.name }));
    perDoc.set(key, list);
  }
  return list;
}
function sameOptions(a: { value: string; label: string }[], b: { value: string; label: string }[]) {
  return a.length === b.length && a.every((o, i) => o.value === b[i]!.value && o.label === b[i]!.label);
}

export function RefSelect(
  props: BaseProps<string | null> & { targets: readonly ElementKind[]; self: string; label: string; fieldTestId?: string },
) {
  const options = useElementOptions(props.targets, props.self);
  const missing = props.value !== null && !options.some((o) => o.value === props.value);
  return (
    <Field
      label={props.label}
      testId={props.fieldTestId}
      msg={
        options.length === 0 && !props.value
          ? { level: 'hint', text: `Add a ${props.targets.map((k) => kindInfo[k].label).join(' or ')} first` }
          : null
      }
    >
      <Select
        value={props.value}
        onChange={props.onChange}
        disabled={props.disabled}
        testId={props.testId}
        nullLabel="— not connected —"
        options={missing ? [...options, { value: props.value!, label: props.value! }] : options}
      />
    </Field>
  );
}

// ---------------------------------------------------------------- structured lists

interface RangeRow {
  id: string;
  purpose: string;
  start: string;
  end: string;
}

export function RangesEditor(props: {
  ranges: RangeRow[];
  subnet: string | null;
  disabled?: boolean;
  onChange(ranges: RangeRow[]): void;
  newId(): string;
  defaultPurpose: string;
  purposes: string[];
  /** The DOM id of a row's input (fieldIds.ts), so a problem can focus it. */
  inputId?(index: number, field: 'start' | 'end' | 'purpose'): string;
}) {
  const { ranges, onChange, disabled } = props;
  const set = (i: number, patch: Partial<RangeRow>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <OwnLabels>
      <div data-testid="ranges">
        <div className="ranges-list">
          {ranges.map((r, i) => {
            const c = checkRange(r.start, r.end, props.subnet);
            return (
              <div className="range-row" key={r.id} data-testid={`ranges-${i}`}>
                <div className="purpose">
                  <Select
                    id={props.inputId?.(i, 'purpose')}
                    value={r.purpose}
                    disabled={disabled}
                    onChange={(v) => set(i, { purpose: v ?? props.defaultPurpose })}
                    options={props.purposes.map((p) => ({ value: p, label: RANGE_PURPOSE_LABEL[p] ?? p }))}
                    testId={`ranges-${i}-purpose`}
                    label={`Range ${i + 1} purpose`}
                  />
                </div>
                <span className="size" data-testid={`ranges-${i}-size`}>
                  {c.size !== null ? `${c.size.toLocaleString('en-US')} addr.` : ''}
                </span>
                {!disabled ? (
                  <button
                    className="row-del"
                    title="Remove range"
                    aria-label={`Remove range ${i + 1}`}
                    onClick={() => onChange(ranges.filter((_, j) => j !== i))}
                    data-testid={`ranges-${i}-delete`}
                  >
                    ×
                  </button>
                ) : (
                  <span />
                )}
                <div className="addr">
                  <div>
                    <TextInput
                      id={props.inputId?.(i, 'start')}
                      mono
                      value={r.start}
                      disabled={disabled}
                      invalid={c.start?.level === 'error'}
                      onChange={(v) => set(i, { start: v })}
                      testId={`ranges-${i}-start`}
                      label={`Range ${i + 1} start`}
                      placeholder="start"
                    />
                    {c.start && <div className={`field-msg ${c.start.level}`}>{c.start.text}</div>}
                  </div>
                  <span className="dash">–</span>
                  <div>
                    <TextInput
                      id={props.inputId?.(i, 'end')}
                      mono
                      value={r.end}
                      disabled={disabled}
                      invalid={c.end?.level === 'error'}
                      onChange={(v) => set(i, { end: v })}
                      testId={`ranges-${i}-end`}
                      label={`Range ${i + 1} end`}
                      placeholder="end"
                    />
                    {c.end && <div className={`field-msg ${c.end.level}`}>{c.end.text}</div>}
                  </div>
                </div>
              </div>
            );
          })}
        </div>
        {!disabled && (
          <button
            className="btn small outline add-row"
            onClick={() => onChange([...ranges, { id: props.newId(), purpose: props.defaultPurpose, start: '', end: '' }])}
            data-testid="ranges-add"
          >
            <IconPlus /> Add range
          </button>
        )}
      </div>
    </OwnLabels>
  );
}

interface RouteRow {
  id: string;
  prefix: string;
  nextHop: string | null;
}

export function RoutesEditor(props: {
  routes: RouteRow[];
  disabled?: boolean;
  onChange(routes: RouteRow[]): void;
  newId(): string;
  testPrefix: string;
}) {
  const { routes, onChange, disabled, testPrefix } = props;
  const set = (i: number, patch: Partial<RouteRow>) => onChange(routes.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <OwnLabels>
      <div data-testid={testPrefix}>
        {routes.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th>Prefix</th>
                <th>Next hop</th>
                <th>
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {routes.map((r, i) => {
                const pm = checkCidr(r.prefix, true);
                const nm = checkIp(r.nextHop);
                return (
                  <tr key={r.id} data-testid={`${testPrefix}-${i}`}>
                    <td>
                      <TextInput
                        mono
                        value={r.prefix}
                        disabled={disabled}
                        invalid={!!pm}
                        onChange={(v) => set(i, { prefix: v })}
                        testId={`${testPrefix}-${i}-prefix`}
                        label={`Route ${i + 1} prefix`}
                        placeholder="0.0.0.0/0"
                      />
                      {pm && <div className="field-msg error">{pm.text}</div>}
                    </td>
                    <td>
                      <TextInput
                        mono
                        value={r.nextHop ?? ''}
                        disabled={disabled}
                        invalid={!!nm}
                        onChange={(v) => set(i, { nextHop: v === '' ? null : v })}
                        testId={`${testPrefix}-${i}-nextHop`}
                        label={`Route ${i + 1} next hop`}
                        placeholder="discard"
                      />
                      {nm && <div className="field-msg error">{nm.text}</div>}
                    </td>
                    <td>
                      {!disabled && (
                        <button
                          className="row-del"
                          title="Remove route"
                          aria-label={`Remove route ${i + 1}`}
                          onClick={() => onChange(routes.filter((_, j) => j !== i))}
                          data-testid={`${testPrefix}-${i}-delete`}
                        >
                          ×
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!disabled && (
          <button
            className="btn small outline add-row"
            onClick={() => onChange([...routes, { id: props.newId(), prefix: '', nextHop: null }])}
            data-testid={`${testPrefix}-add`}
          >
            <IconPlus /> Add route
          </button>
        )}
      </div>
    </OwnLabels>
  );
}

/** One value per line (CIDR blocks, APIC hosts, subdomains). */
export function LinesEditor(props: BaseProps<string[]> & { item: 'cidr' | 'ip' | 'text'; label: string; fieldTestId?: string }) {
  const [draft, setDraft] = useState(props.value.join('\n'));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(props.value.join('\n'));
  }, [props.value, focused]);
  const lines = draft
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const id = useId();
  const firstError =
    props.item === 'text' ? null : (lines.map((l) => (props.item === 'cidr' ? checkCidr(l) : checkIp(l))).find((m) => m) ?? null);
  return (
    <Field label={props.label} msg={firstError ?? { level: 'hint', text: 'One per line' }} testId={props.fieldTestId} htmlFor={id}>
      <textarea
        id={id}
        className={`input mono${firstError ? ' invalid' : ''}`}
        rows={Math.min(6, Math.max(2, lines.length + 1))}
        value={draft}
        disabled={props.disabled}
        data-testid={props.testId}
        spellCheck={false}
        onFocus={() => {
          setFocused(true);
          editor().beginTransaction('edit list');
        }}
        onBlur={() => {
          setFocused(false);
          editor().commitTransaction();
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          props.onChange(
            e.target.value
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
        }}
      />
    </Field>
  );
}

export function RecordEditor(props: BaseProps<Record<string, string>> & { label: string }) {
  const text = Object.entries(props.value)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  return (
    <LinesEditor
      label={props.label}
      item="text"
      value={text ? text.split('\n') : []}
      disabled={props.disabled}
      testId={props.testId}
      onChange={(lines) => {
        const out: Record<string, string> = {};
        for (const l of lines) {
          const at = l.indexOf('=');
          if (at > 0) out[l.slice(0, at).trim()] = l.slice(at + 1).trim();
        }
        props.onChange(out);
      }}
    />
  );
}

export function CheckboxSet(props: BaseProps<string[]> & { options: { value: string; label: string }[]; label: string }) {
  return (
    <Field label={props.label}>
      <CheckboxGroup label={props.label}>
        {props.options.map((o) => (
          <label key={o.value} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={props.value.includes(o.value)}
              disabled={props.disabled}
              data-testid={props.testId ? `${props.testId}-${o.value}` : undefined}
              onChange={(e) => props.onChange(e.target.checked ? [...props.value, o.value] : props.value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
        {props.options.length === 0 && <span className="subtle">Nothing to choose yet</span>}
      </CheckboxGroup>
    </Field>
  );
}

export function NetworkSet(props: BaseProps<string[]> & { label: string }) {
  const options = useElementOptions(networkKinds);
  return <CheckboxSet {...props} options={options} />;
}

/** Several checkboxes under one Field label: a named group (the label's `for` has no single control). */
function CheckboxGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} style={{ display: 'grid', gap: 3, paddingTop: 4 }}>
      {children}
    </div>
  );
}
