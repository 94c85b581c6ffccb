/**
 * The export dialog (server bundle / report / address plan, client-side design SVG, topology JSON)
 * and the NSX-ALB routing view of one SE group or HAProxy. @viplane/formats is loaded lazily so
 * the canvas bundle does not carry it; diagrams are shown as <img> data URLs (no SVG markup runs).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type WheelEvent } from 'react';
import { fitScale } from '../lib/fitScale.ts';
import type { TopologyDocument } from '@viplane/model';
import type * as FormatsModule from '@viplane/formats';
import { closeDialog, openDialog, toast } from '../store/ui.ts';
import { editor, useEditor } from '../store/editor.ts';
import { saveFile } from '../persistence/files.ts';
import {
  baseName,
  downloadBlob,
  downloadSvg,
  serverExport,
  sharedHandoff,
  svgDataUrl,
  type ServerExportFormat,
} from '../persistence/exports.ts';
import { useSession } from '../store/session.ts';
import { threadsForExport } from '../comments/queries.ts';
import { IconDownload } from '../components/icons.tsx';
import { Modal } from '../components/Modal.tsx';

type Formats = typeof FormatsModule;

let formatsPromise: Promise<Formats> | null = null;
export function loadFormats(): Promise<Formats> {
  formatsPromise ??= import('@viplane/formats');
  return formatsPromise;
}

function useFormats(): { formats: Formats | null; error: string | null } {
  const [state, setState] = useState<{ formats: Formats | null; error: string | null }>({ formats: null, error: null });
  useEffect(() => {
    let live = true;
    loadFormats().then(
      (formats) => live && setState({ formats, error: null }),
      (err: unknown) => live && setState({ formats: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The SE group / HAProxy the routing view opens on: the single selected one, if any. */
export function selectedRoutingHost(doc: TopologyDocument, selected: ReadonlySet<string>): string | null {
  if (selected.size !== 1) return null;
  const id = [...selected][0]!;
  const el = doc.elements.find((e) => e.id === id);
  return el && (el.kind === 'seGroup' || el.kind === 'haproxy') ? id : null;
}

export function openRoutingView(hostId: string) {
  openDialog({ type: 'routing', hostId });
}

// ---------------------------------------------------------------- export

interface ServerItem {
  format: ServerExportFormat;
  label: string;
  detail: string;
  testId: string;
}

const SERVER_ITEMS: ServerItem[] = [
  {
    format: 'bundle',
    label: 'Deployment bundle (.zip)',
    detail: 'README, TKG / AKO / Avi / HAProxy / NSX-T / ACI files, diagrams, report, address plan and topology.json.',
    testId: 'export-bundle',
  },
  { format: 'report', label: 'Validation report (.html)', detail: 'Every rule result with its explanation.', testId: 'export-report' },
  {
    format: 'address-plan',
    label: 'Address plan (.csv)',
    detail: 'Every subnet, range and address with its holder.',
    testId: 'export-address-plan',
  },
  {
    format: 'handoff',
    label: 'Network handoff (.zip)',
    detail:
      'For the network team: VLANs, subnets, DHCP scopes, reserved ranges and holders, routes, DNS, firewall matrix, L2 requirements (Markdown, HTML, CSV, XLSX, NetBox import).',
    testId: 'export-handoff',
  },
];

export function ExportDialog() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ what: string; message: string } | null>(null);

  const runServer = async (item: ServerItem) => {
    setBusy(item.format);
    setError(null);
    try {
      const { blob, filename } = await serverExport(item.format, editor().doc, await threadsForExport());
      downloadBlob(blob, filename);
      toast(`Downloaded ${filename}`, 'success');
    } catch (err) {
      setError({ what: item.label, message: message(err) });
    } finally {
      setBusy(null);
    }
  };

  // A saved design (opened from a share link, or saved here) can be read as the server stores it, with its token.
  const server = useSession((s) => s.server);
  const token = server?.viewToken ?? server?.editToken ?? null;
  const runShared = async () => {
    if (!server || !token) return;
    setBusy('handoff-shared');
    setError(null);
    try {
      const { blob, filename } = await sharedHandoff(server.id, token, 'html');
      downloadBlob(blob, filename);
      toast(`Downloaded ${filename}`, 'success');
    } catch (err) {
      setError({ what: 'Network handoff of the saved design', message: message(err) });
    } finally {
      setBusy(null);
    }
  };

  const runSvg = async () => {
    setBusy('svg');
    setError(null);
    try {
      const formats = await loadFormats();
      const doc = editor().doc;
      const name = `${baseName(doc.name)}.svg`;
      downloadSvg(formats.designDiagramSvg(doc), name);
      toast(`Downloaded ${name}`, 'success');
    } catch (err) {
      setError({ what: 'Design diagram', message: message(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      title="Export"
      subtitle="Files to deploy and review the design outside Viplane."
      testId="dialog-export"
      medium
      footer={
        <button className="btn outline" onClick={closeDialog}>
          Close
        </button>
      }
    >
      {error && (
        <div className="field-msg error export-error" role="alert" data-testid="export-error">
          <strong>{error.what} failed:</strong> {error.message}
        </div>
      )}
      <ul className="export-list">
        {SERVER_ITEMS.map((item) => (
          <li key={item.format}>
            <div>
              <strong>{item.label}</strong>
              <div className="subtle">{item.detail}</div>
            </div>
            <button
              className="btn outline"
              disabled={busy !== null}
              onClick={() => void runServer(item)}
              data-testid={item.testId}
              data-busy={busy === item.format}
            >
              <IconDownload /> {busy === item.format ? 'Preparing…' : 'Download'}
            </button>
          </li>
        ))}
        {server && token && (
          <li>
            <div>
              <strong>Network handoff of the saved design (.html)</strong>
              <div className="subtle">The handoff of the version stored on the server, read with this design’s share link.</div>
            </div>
            <button
              className="btn outline"
              disabled={busy !== null}
              onClick={() => void runShared()}
              data-testid="export-handoff-shared"
              data-busy={busy === 'handoff-shared'}
            >
              <IconDownload /> {busy === 'handoff-shared' ? 'Preparing…' : 'Download'}
            </button>
          </li>
        )}
        <li>
          <div>
            <strong>Design diagram (.svg)</strong>
            <div className="subtle">The whole design, drawn in your browser.</div>
          </div>
          <button className="btn outline" disabled={busy !== null} onClick={() => void runSvg()} data-testid="export-svg">
            <IconDownload /> {busy === 'svg' ? 'Preparing…' : 'Download'}
          </button>
        </li>
        <li>
          <div>
            <strong>Topology (.viplane.json)</strong>
            <div className="subtle">The design itself, to open again in Viplane.</div>
          </div>
          <button className="btn outline" disabled={busy !== null} onClick={() => saveFile(editor().doc)} data-testid="export-json">
            <IconDownload /> Download
          </button>
        </li>
      </ul>
    </Modal>
  );
}

// ---------------------------------------------------------------- routing view

const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4];

export function RoutingView({ hostId }: { hostId: string }) {
  const doc = useEditor((s) => s.doc);
  const { formats, error: loadError } = useFormats();
  const hosts = useMemo(() => formats?.routingHosts(doc) ?? [], [formats, doc]);
  const host = hosts.find((h) => h.id === hostId) ?? null;
  const drawn = useMemo((): { svg: string } | { error: string } | null => {
    if (!formats || !host) return null;
    try {
      return { svg: formats.routingDiagramSvg(doc, host.id) };
    } catch (err) {
      return { error: message(err) };
    }
  }, [formats, doc, host]);
  // null = fit the whole diagram into the panel; otherwise a factor of the SVG's own size.
  const [zoom, setZoom] = useState<number | null>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const svg = drawn && 'svg' in drawn ? drawn.svg : null;
  const src = useMemo(() => (svg ? svgDataUrl(svg) : null), [svg]);
  // The room the panel offers: its width, and its height limit (the panel grows up to its max-height).
  const scroller = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const maxH = parseFloat(style.maxHeight);
      const next = { w: el.clientWidth, h: Number.isFinite(maxH) ? maxH - borders : el.clientHeight };
      setRoom((r) => (r && r.w === next.w && r.h === next.h ? r : next));
    };
    measure();
    // The window resized (the height limit follows 100vh); the panel's own size follows the image, so it is not observed.
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [src]);
  const fit = natural && room ? fitScale(natural, room) : null;

  const step = (dir: 1 | -1) =>
    setZoom((z) => {
      const current = z ?? fit ?? 1;
      const next = dir > 0 ? ZOOM_STEPS.find((s) => s > current + 1e-6) : [...ZOOM_STEPS].reverse().find((s) => s < current - 1e-6);
      return next ?? current;
    });
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    step(e.deltaY < 0 ? 1 : -1);
  };

  const download = () => {
    if (!svg || !host) return;
    downloadSvg(svg, `${baseName(doc.name)}-routing-${baseName(host.name)}.svg`);
  };

  const subtitle = host
    ? `${host.kind === 'seGroup' ? 'Service Engine group' : 'HAProxy appliance'} ${host.name}: its NICs, networks and routes, live with the design.`
    : undefined;

  return (
    <Modal
      title="Routing view"
      subtitle={subtitle}
      testId="routing-view"
      wide
      footer={
        <>
          <button className="btn outline" onClick={closeDialog}>
            Close
          </button>
          <button className="btn primary" disabled={!svg} onClick={download} data-testid="routing-download">
            <IconDownload /> Download SVG
          </button>
        </>
      }
    >
      <div className="routing-toolbar">
        {hosts.length > 1 && (
          <select
            className="input"
            value={host?.id ?? ''}
            onChange={(e) => openRoutingView(e.target.value)}
            aria-label="SE group or HAProxy"
            data-testid="routing-host"
          >
            {!host && <option value="">—</option>}
            {hosts.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name} ({h.kind === 'seGroup' ? 'SE group' : 'HAProxy'})
              </option>
            ))}
          </select>
        )}
        <div className="spacer" />
        <button className="btn outline small" onClick={() => step(-1)} aria-label="Zoom out" data-testid="routing-zoom-out">
          −
        </button>
        <span className="subtle routing-zoom" data-testid="routing-zoom">
          {zoom === null ? `Fit${fit === null ? '' : ` (${Math.round(fit * 100)} %)`}` : `${Math.round(zoom * 100)} %`}
        </span>
        <button className="btn outline small" onClick={() => step(1)} aria-label="Zoom in" data-testid="routing-zoom-in">
          +
        </button>
        <button className="btn outline small" onClick={() => setZoom(null)} data-testid="routing-zoom-fit">
          Fit
        </button>
        <button className="btn outline small" onClick={() => setZoom(1)} data-testid="routing-zoom-100">
          100 %
        </button>
      </div>
      {loadError && (
        <div className="field-msg error" data-testid="routing-error">
          Could not load the diagram code: {loadError}
        </div>
      )}
      {formats && !host && (
        <div className="field-msg warning" data-testid="routing-error">
          This element is no longer an SE group or HAProxy in the design.
        </div>
      )}
      {drawn && 'error' in drawn && (
        <div className="field-msg error" data-testid="routing-error">
          The routing diagram could not be drawn: {drawn.error}
        </div>
      )}
      {!formats && !loadError && <div className="subtle">Loading…</div>}
      {src && (
        <div className="routing-scroll" onWheel={onWheel} data-testid="routing-scroll" ref={scroller}>
          <img
            src={src}
            alt={`Routing diagram of ${host?.name ?? ''}`}
            data-testid="routing-img"
            draggable={false}
            onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            style={
              !natural || (zoom === null && fit === null)
                ? { maxWidth: '100%', height: 'auto' }
                : { width: natural.w * (zoom ?? fit!), height: natural.h * (zoom ?? fit!), maxWidth: 'none' }
            }
          />
        </div>
      )}
    </Modal>
  );
}
