/** The top bar's live block: status, who is here (click someone to follow their view), your name. */
import { useState } from 'react';
import { liveSession } from './session.ts';
import { storeName, storedName, useLive } from './store.ts';

const STATUS_TEXT = {
  off: '',
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: edits are kept and merge on reconnect',
  ended: 'Session ended',
} as const;

export function Participants() {
  const status = useLive((s) => s.status);
  const others = useLive((s) => s.others);
  const following = useLive((s) => s.following);
  const endedReason = useLive((s) => s.endedReason);
  const [name, setName] = useState(() => storedName() ?? '');
  if (status === 'off') return null;
  return (
    <div className="live-bar" data-testid="live-bar" data-status={status}>
      <span className={`live-status live-${status}`} data-testid="live-status" title={endedReason ?? STATUS_TEXT[status]}>
        {status === 'ended' ? (endedReason ?? STATUS_TEXT.ended) : STATUS_TEXT[status]}
      </span>
      <ul className="live-people" aria-label="Participants">
        {others.map((p) => (
          <li key={p.clientId}>
            <button
              className={`live-person${following === p.clientId ? ' following' : ''}`}
              style={{ borderColor: p.color }}
              title={following === p.clientId ? `Stop following ${p.name}` : `Follow ${p.name}'s view`}
              data-testid="live-person"
              onClick={() => useLive.setState({ following: following === p.clientId ? null : p.clientId })}
            >
              <span className="live-dot" style={{ background: p.color }} />
              {p.name}
            </button>
          </li>
        ))}
      </ul>
      {status !== 'ended' && (
        <input
          className="live-name"
          aria-label="Your name in the session"
          placeholder="Your name"
          data-testid="live-name"
          value={name}
          maxLength={64}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            const trimmed = name.trim();
            if (!trimmed) return;
            storeName(trimmed);
            liveSession()?.setPresence({ name: trimmed });
          }}
        />
      )}
    </div>
  );
}
