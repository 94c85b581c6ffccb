/**
 * A filter rule's sources or destinations: one entry per line (address, CIDR, range `a-b`, `any`
 * or an element id), plus a picker that appends an element of the design, since an element
 * stands for its addresses and stays right when the design is renumbered.
 */
import { useEffect, useId, useState } from 'react';
import { kindInfo } from '@viplane/model';
import { editor, useEditor } from '../../store/editor.ts';
import type { FieldMessage } from '../../lib/fieldChecks.ts';

export function EntriesInput(props: {
  id: string;
  label: 'Sources' | 'Destinations';
  ruleNumber: number;
  value: string[];
  message: FieldMessage | null;
  disabled: boolean;
  testId: string;
  onChange(value: string[]): void;
}) {
  const [draft, setDraft] = useState(props.value.join('\n'));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(props.value.join('\n'));
  }, [props.value, focused]);
  const hintId = useId();
  // "id\tlabel" lines: a string, so this re-renders only when names or ids change.
  const options = useEditor((s) =>
    s.doc.elements
      .filter((e) => kindInfo[e.kind].system !== undefined && e.kind !== 'firewall')
      .map((e) => `${e.id}\t${e.name} (${kindInfo[e.kind].label})`)
      .join('\n'),
  );
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const what = props.label === 'Sources' ? 'source' : 'destination';
  return (
    <div className="filter-rule-field entries">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        className={`input mono${props.message ? ' invalid' : ''}`}
        rows={Math.min(4, Math.max(1, props.value.length))}
        value={draft}
        placeholder="any"
        disabled={props.disabled}
        spellCheck={false}
        aria-label={`Rule ${props.ruleNumber} ${props.label.toLowerCase()}`}
        aria-describedby={hintId}
        aria-invalid={props.message ? true : undefined}
        data-testid={props.testId}
        onFocus={() => {
          setFocused(true);
          editor().beginTransaction(`edit rule ${what}s`);
        }}
        onBlur={() => {
          setFocused(false);
          editor().commitTransaction();
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          props.onChange(lines(e.target.value));
        }}
      />
      {!props.disabled && (
        <select
          className="select small"
          aria-label={`Add an element as a ${what} of rule ${props.ruleNumber}`}
          value=""
          data-testid={`${props.testId}-pick`}
          onChange={(e) => {
            if (e.target.value && !props.value.includes(e.target.value)) props.onChange([...props.value, e.target.value]);
          }}
        >
          <option value="">Add element…</option>
          {options
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [id, label] = line.split('\t') as [string, string];
              return (
                <option key={id} value={id}>
                  {label}
                </option>
              );
            })}
        </select>
      )}
      <div id={hintId} className={`field-msg ${props.message ? 'error' : 'hint'}`} role={props.message ? 'alert' : undefined}>
        {props.message?.text ?? 'One per line: address, CIDR, a-b range, or an element; empty means any'}
      </div>
    </div>
  );
}
