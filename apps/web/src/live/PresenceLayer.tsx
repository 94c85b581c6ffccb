/**
 * Inside React Flow: publishes our pointer (in flow coordinates, so every viewer places it right at
 * their own zoom), selection and viewport; draws the others' cursors and selection outlines; moves our
 * viewport along with the participant we follow.
 */
import { useEffect, type RefObject } from 'react';
import { ViewportPortal, useReactFlow, useViewport } from '@xyflow/react';
import { useEditor } from '../store/editor.ts';
import { liveSession } from './session.ts';
import { useLive } from './store.ts';

const PUBLISH_MS = 50;

function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;
  return (...args: A) => {
    pending = args;
    const wait = last + ms - Date.now();
    if (wait <= 0) {
      last = Date.now();
      fn(...pending);
      pending = null;
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        if (pending) fn(...pending);
        pending = null;
      }, wait);
    }
  };
}

export function PresenceLayer({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const status = useLive((s) => s.status);
  const others = useLive((s) => s.others);
  const following = useLive((s) => s.following);
  const flow = useReactFlow();
  const viewport = useViewport();
  const selected = useEditor((s) => s.selectedNodes);
  const elements = useEditor((s) => s.doc.elements);
  const measured = useEditor((s) => s.measured);
  const active = status === 'live' || status === 'connecting' || status === 'offline';

  useEffect(() => {
    const container = containerRef.current;
    if (!active || !container) return;
    const publish = throttle(
      (x: number, y: number) => liveSession()?.setPresence({ cursor: flow.screenToFlowPosition({ x, y }) }),
      PUBLISH_MS,
    );
    const move = (e: PointerEvent) => publish(e.clientX, e.clientY);
    const leave = () => liveSession()?.setPresence({ cursor: null });
    container.addEventListener('pointermove', move);
    container.addEventListener('pointerleave', leave);
    return () => {
      container.removeEventListener('pointermove', move);
      container.removeEventListener('pointerleave', leave);
    };
  }, [active, containerRef, flow]);

  useEffect(() => {
    if (active) liveSession()?.setPresence({ selection: [...selected] });
  }, [active, selected]);

  useEffect(() => {
    if (active) liveSession()?.setPresence({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
  }, [active, viewport.x, viewport.y, viewport.zoom]);

  const followed = following === null ? undefined : others.find((o) => o.clientId === following);
  useEffect(() => {
    if (followed?.viewport) void flow.setViewport(followed.viewport, { duration: 120 });
  }, [flow, followed?.viewport]);

  if (!active || others.length === 0) return null;
  const byId = new Map(elements.map((e) => [e.id, e]));
  return (
    <ViewportPortal>
      {others.flatMap((p) =>
        p.selection.map((id) => {
          const el = byId.get(id);
          if (!el) return null;
          const size = measured.get(id) ?? { width: 160, height: 60 };
          return (
            <div
              key={`${p.clientId}-${id}`}
              className="live-selection"
              data-testid="live-selection"
              style={{
                transform: `translate(${el.position.x - 4}px, ${el.position.y - 4}px)`,
                width: size.width + 8,
                height: size.height + 8,
                borderColor: p.color,
              }}
            />
          );
        }),
      )}
      {others.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="live-cursor"
            data-testid="live-cursor"
            style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)` }}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 1 L6 15 L8 9 L14 7 Z" fill={p.color} stroke="white" strokeWidth="1" />
            </svg>
            <span className="live-cursor-name" style={{ background: p.color }}>
              {p.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}
