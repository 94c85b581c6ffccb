/** The Import dialog: what each file is, what went wrong where, and how to apply the result. */
import { kindInfo } from '@viplane/model';
import type { Diagnostic } from '@viplane/validator';
import { Modal } from '../components/Modal.tsx';
import { SeverityIcon } from '../panels/SeverityIcon.tsx';
import { closeDialog } from '../store/ui.ts';
import { applyImport, useImport } from './importFlow.ts';

const FORMAT_LABEL: Record<string, string> = {
  topology: 'Viplane topology',
  tkg: 'TKG cluster config',
  ako: 'AKO Helm values',
  tkc: 'TanzuKubernetesCluster',
  aci: 'acc-provision input',
};

export function ImportDialog() {
  const { inputs, merge, fresh, busy } = useImport();
  const preview = merge ?? fresh;
  const errors = preview?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  const added = preview?.document ? preview.document.elements.filter((e) => preview.created.includes(e.id)) : [];
  return (
    <Modal
      title={`Import ${inputs.length} file${inputs.length === 1 ? '' : 's'}`}
      subtitle="Read in your browser; nothing is uploaded. Credentials in the files are never kept."
      testId="dialog-import"
      medium
      footer={
        <>
          <button className="btn outline" onClick={closeDialog}>
            Cancel
          </button>
          {fresh?.document && (
            <button className={`btn ${merge ? 'outline' : 'primary'}`} onClick={() => applyImport('new')} data-testid="import-new">
              Open as new design
            </button>
          )}
          {merge?.document && (
            <button className="btn primary" onClick={() => applyImport('merge')} data-testid="import-merge">
              Add to this design
            </button>
          )}
        </>
      }
    >
      {busy || !preview ? (
        <p data-testid="import-busy">Reading…</p>
      ) : (
        <>
          <table className="grid" data-testid="import-files">
            <tbody>
              {preview.files.map((f) => (
                <tr key={f.name}>
                  <td className="mono">{f.name}</td>
                  <td>{f.format ? FORMAT_LABEL[f.format] : <span style={{ color: 'var(--error)' }}>not read</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.document ? (
            <p data-testid="import-summary">
              {added.length} element{added.length === 1 ? '' : 's'} to add
              {added.length > 0 && `: ${summarise(added.map((e) => kindInfo[e.kind].label))}`}.
              {errors > 0 && ` ${errors} problem${errors === 1 ? '' : 's'} in the files (below); the rest was read.`}
            </p>
          ) : (
            <p data-testid="import-summary">Nothing could be imported.</p>
          )}
          {preview.diagnostics.length > 0 && (
            <ul className="list-plain import-diagnostics" data-testid="import-diagnostics">
              {preview.diagnostics.map((d, i) => (
                <ImportProblem key={i} d={d} />
              ))}
            </ul>
          )}
        </>
      )}
    </Modal>
  );
}

function ImportProblem({ d }: { d: Diagnostic }) {
  return (
    <li data-testid="import-diagnostic" data-rule={d.ruleId} data-severity={d.severity}>
      <SeverityIcon severity={d.severity} /> <span>{d.message}</span> <span className="subtle mono">{d.ruleId}</span>
    </li>
  );
}

/** "TKG cluster ×2, Segment, Tier-1 gateway" */
function summarise(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => (n > 1 ? `${l} ×${n}` : l)).join(', ');
}
