/** Edits made live that the server never received and can no longer receive (a revoked link): download or discard. */
import { useState } from 'react';
import { saveFile } from '../persistence/files.ts';
import { discardStranded, useUnsavedEdits } from './rejoin.ts';

export function UnsavedEdits() {
  const stranded = useUnsavedEdits((s) => s.stranded);
  const [downloaded, setDownloaded] = useState(false);
  if (!stranded) return null;
  const doc = stranded.document;
  return (
    <section className="unsaved-edits" data-testid="unsaved-edits" aria-labelledby="unsaved-edits-title">
      <h2 id="unsaved-edits-title">You have edits the server never received</h2>
      <p>
        You made {stranded.count === 1 ? 'an edit' : `${stranded.count} edits`} through this link (last on{' '}
        {new Date(stranded.savedAt).toLocaleString()}) that did not reach the server before the link stopped working. They are still in
        this browser: download them as a design file to keep them.
      </p>
      <div className="row">
        {doc && (
          <button
            className="btn primary"
            onClick={() => {
              saveFile(doc);
              setDownloaded(true);
            }}
            data-testid="unsaved-download"
          >
            Download your edits as a design file
          </button>
        )}
        <button
          className="btn outline"
          onClick={() => {
            if (downloaded || window.confirm('Discard your edits? They cannot be brought back.')) void discardStranded();
          }}
          data-testid="unsaved-discard"
        >
          {downloaded ? 'Done: forget them here' : 'Discard them'}
        </button>
      </div>
    </section>
  );
}
