// Confirmation dialogs (<dialog>, modal: focus moves in on open, Escape closes, focus returns to the opener).
import { say } from './dom.js';

/**
 * Wires the dialog `id`: its form's submit runs the current action, `#<prefix>-cancel` closes it. Answers
 * `open(setup)`: `setup(dialog)` fills it and answers the action, an async function that may throw to keep the
 * dialog open with the error shown in `#<prefix>-error`; `focus` is the element to focus on opening.
 */
export function confirmDialog(id, prefix) {
  const dialog = document.getElementById(id);
  const form = dialog.querySelector('form');
  const error = document.getElementById(`${prefix}-error`);
  const confirm = document.getElementById(`${prefix}-confirm`);
  let action = null;
  let opener = null;

  document.getElementById(`${prefix}-cancel`).addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    action = null;
    if (opener && opener.isConnected) {
      opener.focus();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!action || confirm.disabled) {
      return;
    }
    confirm.disabled = true;
    try {
      await action();
      dialog.close();
    } catch (e) {
      say(error, e.message || String(e));
    } finally {
      confirm.disabled = false;
    }
  });

  return function open(setup, focus) {
    opener = document.activeElement;
    say(error, '');
    form.reset();
    action = setup(dialog);
    dialog.showModal();
    (focus || confirm).focus();
  };
}

/** An error meant for the operator, shown in the dialog as it is. */
export function refuse(message) {
  return new Error(message);
}
