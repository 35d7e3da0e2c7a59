// Copy buttons: each says « Copié » in its own status beside itself (announced), and only the
// button last used says anything. Without clipboard access, the text is selected for Ctrl+C.

const COPIED = 'Copié\u00a0!';
const FALLBACK = 'Copie automatique impossible : le texte est sélectionné, appuyez sur Ctrl+C (ou ⌘+C).';

export interface CopyButton {
  button: HTMLButtonElement;
  /** The text to copy. */
  area: HTMLTextAreaElement;
  /** The live status next to the button. */
  status: HTMLElement;
}

export function wireCopyButtons(buttons: CopyButton[]): { clear(): void } {
  const clear = () => {
    for (const b of buttons) {
      b.status.textContent = '';
      b.status.classList.remove('error');
    }
  };
  for (const b of buttons) {
    b.button.addEventListener('click', async () => {
      clear();
      try {
        if (!navigator.clipboard?.writeText) throw new Error('clipboard API unavailable');
        await navigator.clipboard.writeText(b.area.value);
        b.status.textContent = COPIED;
      } catch {
        b.area.focus();
        b.area.select();
        b.status.classList.add('error');
        b.status.textContent = FALLBACK;
      }
    });
  }
  return { clear };
}
