/**
 * The share dialog: the creator's own links, then every link of the design (label, scope,
 * created, expires, last used) with revoke (confirmed first), and a form that creates a view,
 * comment or edit link with a label and an expiry. The new token is shown once. Only an edit link
 * may list, create or revoke; the server enforces it.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession, type ServerBinding } from '../store/session.ts';
import { toast } from '../store/ui.ts';
import { saveToServer, shareUrl } from '../persistence/serverSync.ts';
import { createShareLink, listShareLinks, revokeShareLink, type ShareLinkInfo, type ShareScope } from '../persistence/api.ts';
import { Modal } from '../components/Modal.tsx';
import { EXPIRY_CHOICES, SCOPE_HELP, SCOPE_LABEL, linkName, linkState, relativeTime, sortLinks } from './links.ts';

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied`, 'success');
  } catch {
    toast('Copy failed: select the link and copy it', 'error');
  }
}

function LinkField({ label, url, testId }: { label: string; url: string; testId: string }) {
  return (
    <>
      <label className="subtle" htmlFor={testId}>
        {label}
      </label>
      <div className="share-row">
        <input id={testId} className="input" readOnly value={url} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button className="btn outline" onClick={() => void copy(url, label)} aria-label={`Copy ${label}`}>
          Copy
        </button>
      </div>
    </>
  );
}

export function ShareDialog() {
  const server = useSession((s) => s.server);
  const dirty = useSession((s) => s.dirty);
  const saving = useSession((s) => s.saving);
  const viewOnly = useSession((s) => s.viewOnly);
  const viewLink = server?.viewToken ? shareUrl(server.id, 'view', server.viewToken) : null;
  const editLink = server?.editToken ? shareUrl(server.id, 'edit', server.editToken) : null;
  const commentLink = server?.commentToken ? shareUrl(server.id, 'comment', server.commentToken) : null;
  return (
    <Modal title="Share" subtitle="Links carry their token after the #, which browsers never send to a server." testId="dialog-share" wide>
      {!server && (
        <div>
          <p>Save the design to the server to get links. Anyone with a view link sees it read-only, with validation.</p>
          <button className="btn primary" disabled={saving} onClick={() => void saveToServer()} data-testid="share-save">
            {saving ? 'Saving…' : 'Save to server'}
          </button>
        </div>
      )}
      {server && (
        <>
          {dirty && !viewOnly && (
            <div className="field-msg warning" style={{ marginBottom: 10 }}>
              Links show version {server.version}; your latest edits are not saved yet.{' '}
              <button className="link-btn" onClick={() => void saveToServer()}>
                Save now
              </button>
            </div>
          )}
          {viewLink && <LinkField label="View link (read-only)" url={viewLink} testId="share-view-link" />}
          {commentLink && <LinkField label="Comment link (read and comment)" url={commentLink} testId="share-comment-link" />}
          {editLink && <LinkField label="Edit link (anyone with it can change the design)" url={editLink} testId="share-edit-link" />}
          {server.editToken ? (
            <ManageLinks server={server} editToken={server.editToken} />
          ) : (
            <p className="subtle">Only someone with an edit link can see, create or revoke this design's links.</p>
          )}
          <div className="subtle">
            Design <span className="mono">{server.id}</span> · version {server.version}
          </div>
        </>
      )}
    </Modal>
  );
}

function ManageLinks({ server, editToken }: { server: ServerBinding; editToken: string }) {
  const client = useQueryClient();
  const key = ['shares', server.id] as const;
  const links = useQuery({ queryKey: key, queryFn: () => listShareLinks(server.id, editToken) });
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeShareLink(server.id, editToken, linkId),
    onSuccess: () => toast('Link revoked: it stops working at once', 'success'),
    onError: (err) => toast(`Revoke failed: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000),
    onSettled: () => {
      setConfirming(null);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const now = Date.now();
  return (
    <section aria-label="Share links" className="share-links">
      <h3>Links</h3>
      {links.isPending && <div className="subtle">Loading…</div>}
      {links.error && <div className="field-msg error">The links could not be read: {links.error.message}</div>}
      {links.data && (
        <table className="share-table" data-testid="share-links">
          <thead>
            <tr>
              <th>Label</th>
              <th>Scope</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortLinks(links.data, now).map((link) => (
              <LinkRow
                key={link.id}
                link={link}
                now={now}
                confirming={confirming === link.id}
                busy={revoke.isPending}
                onRevoke={() => setConfirming(link.id)}
                onCancel={() => setConfirming(null)}
                onConfirm={() => revoke.mutate(link.id)}
              />
            ))}
          </tbody>
        </table>
      )}
      <CreateLink designId={server.id} editToken={editToken} onCreated={() => void client.invalidateQueries({ queryKey: key })} />
    </section>
  );
}

function LinkRow(props: {
  link: ShareLinkInfo;
  now: number;
  confirming: boolean;
  busy: boolean;
  onRevoke(): void;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { link, now } = props;
  const state = linkState(link, now);
  const name = linkName(link);
  const when = (iso: string | null) => <span title={iso ?? undefined}>{relativeTime(iso, now)}</span>;
  return (
    <tr data-testid="share-link-row" data-link-id={link.id} data-state={state} data-scope={link.scope}>
      <td>{name}</td>
      <td>{SCOPE_LABEL[link.scope]}</td>
      <td>{when(link.createdAt)}</td>
      <td>
        {state === 'revoked' ? 'revoked' : state === 'expired' ? <strong>expired</strong> : link.expiresAt ? when(link.expiresAt) : 'never'}
      </td>
      <td>{link.lastUsedAt ? when(link.lastUsedAt) : 'never'}</td>
      <td className="share-actions">
        {state === 'active' && !props.confirming && (
          <button className="btn outline" onClick={props.onRevoke} aria-label={`Revoke ${name}`}>
            Revoke
          </button>
        )}
        {props.confirming && (
          <span role="group" aria-label={`Confirm revoking ${name}`}>
            <span className="subtle">Anyone using it loses access at once. </span>
            <button className="btn outline" onClick={props.onCancel}>
              Cancel
            </button>{' '}
            <button className="btn danger" disabled={props.busy} onClick={props.onConfirm} data-testid="share-revoke-confirm">
              Revoke link
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

function CreateLink({ designId, editToken, onCreated }: { designId: string; editToken: string; onCreated(): void }) {
  const [scope, setScope] = useState<ShareScope>('view');
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState(0);
  const [made, setMade] = useState<{ url: string; scope: ShareScope } | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const seconds = EXPIRY_CHOICES[expiry]?.seconds ?? null;
      return createShareLink(designId, editToken, {
        scope,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(seconds === null ? {} : { expiresInSeconds: seconds }),
      });
    },
    onSuccess: (link) => {
      setMade({ url: shareUrl(designId, link.scope, link.token), scope: link.scope });
      setLabel('');
      onCreated();
    },
    onError: (err) => toast(`The link was not created: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000),
  });
  return (
    <form
      className="share-create"
      aria-label="New link"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h3>New link</h3>
      <div className="share-create-row">
        <label>
          <span className="subtle">Scope</span>
          <select className="input" value={scope} onChange={(e) => setScope(e.target.value as ShareScope)} aria-label="Scope">
            {(['view', 'comment', 'edit'] as const).map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABEL[s]}: {SCOPE_HELP[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="subtle">Label</span>
          <input
            className="input"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            aria-label="Label"
            placeholder="e.g. network team"
          />
        </label>
        <label>
          <span className="subtle">Expires</span>
          <select className="input" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))} aria-label="Expires">
            {EXPIRY_CHOICES.map((c, i) => (
              <option key={c.label} value={i}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button className="btn primary" type="submit" disabled={create.isPending}>
          Create link
        </button>
      </div>
      {made && (
        <div className="share-made">
          <LinkField
            label={`New ${SCOPE_LABEL[made.scope].toLowerCase()} link (shown once: copy it now)`}
            url={made.url}
            testId="share-new-link"
          />
        </div>
      )}
    </form>
  );
}
