/** Every element kind, grouped by system, with search. Drag onto the canvas, or click to add at the centre. */
import { memo, useMemo, useState, type CSSProperties } from 'react';
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
  return (
    <aside className="palette" aria-label="Palette" data-testid="palette">
      <div className="panel-head">
        <div className="panel-title">Elements</div>
        <input
          className="search"
          placeholder="Search elements…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="palette-search"
          aria-label="Search elements"
        />
      </div>
      <div className="panel-body">
        {groups.map((g) => (
          <div className="palette-group" key={g.system}>
            <h4>{g.title}</h4>
            {g.kinds.map((k) => (
              <PaletteItem key={k} kind={k} system={g.system} />
            ))}
          </div>
        ))}
        {groups.length === 0 && <div className="empty">No element matches “{query}”.</div>}
      </div>
      <div className="palette-foot">Drag onto the canvas · click to add</div>
    </aside>
  );
});

function PaletteItem({ kind, system }: { kind: ElementKind; system: string }) {
  return (
    <div
      className="palette-item"
      draggable
      role="button"
      tabIndex={0}
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
        <span className="pi-desc">{kindDescription(kind)}</span>
      </div>
    </div>
  );
}
