/**
 * Every element kind, grouped by system, with search. Drag onto the canvas, or click to add at
 * the centre. For the keyboard the list is one tab stop (a roving tabindex): arrows move between
 * kinds, Enter or Space adds one; ArrowDown in the search field enters the list.
 */
import { memo, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { kindInfo, type ElementKind } from '@viplane/model';
import { GLYPH, kindDescription, kindsBySystem, sysVar } from '../lib/kinds.ts';
import { PALETTE_MIME } from '../flow/Canvas.tsx';
import { addKind } from '../store/actions.ts';

const GROUPS = kindsBySystem();

export const Palette = memo(function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return GROUPS;
    return GROUPS.map((g) => ({
      ...g,
      kinds: g.kinds.filter((k) => `${kindInfo[k].label} ${k} ${g.title} ${kindDescription(k)}`.toLowerCase().includes(q)),
    })).filter((g) => g.kinds.length > 0);
  }, [query]);
  const visible = useMemo(() => groups.flatMap((g) => g.kinds), [groups]);
  const [active, setActive] = useState<ElementKind | null>(null);
  const current = active && visible.includes(active) ? active : (visible[0] ?? null);
  const list = useRef<HTMLDivElement>(null);
  const focusKind = (kind: ElementKind | undefined) => {
    if (!kind) return;
    setActive(kind);
    list.current?.querySelector<HTMLElement>(`[data-kind="${kind}"]`)?.focus();
  };
  const onListKey = (e: KeyboardEvent) => {
    const at = current ? visible.indexOf(current) : -1;
    const to =
      e.key === 'ArrowDown'
        ? visible[at + 1]
        : e.key === 'ArrowUp'
          ? visible[at - 1]
          : e.key === 'Home'
            ? visible[0]
            : e.key === 'End'
              ? visible[visible.length - 1]
              : undefined;
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    focusKind(to);
  };
  return (
    <aside className="palette" aria-label="Palette" data-testid="palette" data-pane="palette">
      <div className="panel-head">
        <div className="panel-title">Elements</div>
        <input
          className="search"
          placeholder="Search elements…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="palette-search"
          aria-label="Search elements"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && current) {
              e.preventDefault();
              focusKind(current);
            }
          }}
        />
      </div>
      <div className="panel-body" ref={list} onKeyDown={onListKey} role="group" aria-label="Element kinds">
        {groups.map((g) => (
          <div className="palette-group" key={g.system}>
            <h4>{g.title}</h4>
            {g.kinds.map((k) => (
              <PaletteItem key={k} kind={k} system={g.system} tabbable={k === current} onFocus={() => setActive(k)} />
            ))}
          </div>
        ))}
        {groups.length === 0 && <div className="empty">No element matches “{query}”.</div>}
      </div>
      <div className="palette-foot">Drag onto the canvas · click or Enter to add</div>
    </aside>
  );
});

function PaletteItem({ kind, system, tabbable, onFocus }: { kind: ElementKind; system: string; tabbable: boolean; onFocus(): void }) {
  return (
    <div
      className="palette-item"
      draggable
      role="button"
      tabIndex={tabbable ? 0 : -1}
      data-kind={kind}
      onFocus={onFocus}
      aria-label={`Add ${kindInfo[kind].label}`}
      aria-describedby={`palette-desc-${kind}`}
      data-testid={`palette-${kind}`}
      title={kindDescription(kind)}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => addKind(kind)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          addKind(kind);
        }
      }}
    >
      <div className="glyph" style={{ '--sys': sysVar(system as never) } as CSSProperties}>
        {GLYPH[kind]}
      </div>
      <div className="pi-text">
        <span className="pi-label">{kindInfo[kind].label}</span>
        <span className="pi-desc" id={`palette-desc-${kind}`}>
          {kindDescription(kind)}
        </span>
      </div>
    </div>
  );
}
