/**
 * When a key event runs a command: bare-key shortcuts never fire in a text field, Space plays and pauses from
 * anywhere else (a focused button, cue block, problem or the grid included), Enter still presses the focused
 * button, and controls that own Space or the arrow keys (checkboxes, radio buttons, sliders) keep them.
 */
import { hasModifier, isTypingTarget } from '../keyboard';

/** What the focused element does with keys. */
export interface KeyTarget {
  /** A text field: typed characters go there. */
  typing: boolean;
  /** A button or link (Enter presses it). */
  button: boolean;
  /** A checkbox or radio button (Space toggles it, arrows move between radio buttons). */
  choice: boolean;
  /** A slider, select or other control that moves with the arrow keys. */
  arrows: boolean;
}

/** Shortcuts that belong to a text field while one has the focus. */
const TEXT_FIELD_KEYS = new Set(['Mod+A', 'Mod+Delete', 'Mod+Backspace']);
const ARROW = /(^|\+)Arrow(Left|Right|Up|Down)$/;
/** Function keys type nothing, so they work while typing too (F8 / Shift+F8: next / previous problem). */
const FUNCTION_KEY = /^(Shift\+)?F\d{1,2}$/;

/** Whether a normalised shortcut pressed on `target` should run its command. */
export function shortcutApplies(shortcut: string, target: KeyTarget, mac: boolean): boolean {
  if (target.typing) {
    if (FUNCTION_KEY.test(shortcut)) return true;
    if (!hasModifier(shortcut) || TEXT_FIELD_KEYS.has(shortcut)) return false;
    // On a Mac, Alt+Left/Right move the caret by a word.
    if (mac && /^(Mod\+)?Alt\+(Shift\+)?Arrow(Left|Right)$/.test(shortcut)) return false;
    return true;
  }
  if (shortcut === 'Enter' && target.button) return false;
  if (shortcut === 'Space' && target.choice) return false;
  if ((target.choice || target.arrows) && ARROW.test(shortcut) && !hasModifier(shortcut)) return false;
  return true;
}

/** Classifies the element a key event went to. */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  const none: KeyTarget = { typing: false, button: false, choice: false, arrows: false };
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return none;
  if (isTypingTarget(target)) return { ...none, typing: true };
  const input = target instanceof HTMLInputElement ? target : null;
  return {
    typing: false,
    button:
      target.closest('button, a, [role="button"]') !== null || input?.type === 'button' || input?.type === 'submit',
    choice: input?.type === 'checkbox' || input?.type === 'radio',
    arrows:
      input?.type === 'range' || target.closest('[role="slider"], [role="radiogroup"], [role="tablist"]') !== null,
  };
}
