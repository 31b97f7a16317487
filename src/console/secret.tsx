import { useState } from 'preact/hooks';
import { Dialog } from './ui';

/**
 * A secret shown once: an API key after creation or rotation, a webhook endpoint's signing
 * secret after it is added. It lives only in this dialog's props: Done unmounts the dialog
 * and the page keeps no other copy, so it is gone from the DOM and from the console's state.
 */
export function SecretDialog({ title, label, warning, secret, onDone }: { title: string; label: string; warning: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here: select the secret and copy it yourself.');
    }
  };
  return (
    <Dialog title={title} onClose={onDone} modalOnly>
      <p class="warning" role="note">
        {warning}
      </p>
      <div class="secret">
        <label for="secret-value">{label}</label>
        <output id="secret-value" class="secret-value">
          {secret}
        </output>
      </div>
      {copied && (
        <p class="muted" role="status">
          {copied}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
