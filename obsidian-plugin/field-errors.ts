// Shows a setting's problem next to the field it belongs to. The core names the offending key
// ("groups[1].include[0]"); each field claims the keys it edits, and the longest claim wins.
import { requireApiVersion, type Setting } from 'obsidian';
import { CONFIG_KEYS } from '../core/config-validate';

interface Slot {
  keys: string[];
  setting: Setting;
  fallbackEl: HTMLElement | null;
  message: string | null;
}

export class FieldErrors {
  private slots: Slot[] = [];
  // The problems as last shown, so a field drawn after them still shows its own.
  private configProblem: { key: string | null; message: string } | null = null;
  private readonly fieldProblems = new Map<string, string>();

  constructor(private readonly generalEl: () => HTMLElement | null) {}

  /** Forget every field and problem; called before the tab is drawn again. */
  clear(): void {
    this.slots = [];
    this.configProblem = null;
    this.fieldProblems.clear();
  }

  /** `setting` shows problems for these keys (and every key below them), those already found included. */
  claim(setting: Setting, ...keys: string[]): void {
    const slot: Slot = { keys, setting, fallbackEl: null, message: null };
    this.slots.push(slot);
    if (this.configProblem) this.showConfigProblem(this.configProblem.key, this.configProblem.message);
    for (const [key, message] of this.fieldProblems) if (this.ownerOf(key) === slot) this.render(slot, message);
  }

  /**
   * The config's one problem (the core reports the first it finds): shown at the field that
   * claims `key`, or above the form when none does; null clears it.
   */
  showConfigProblem(key: string | null, message: string | null): void {
    this.configProblem = message === null ? null : { key, message };
    const owner = key === null || message === null ? null : this.ownerOf(key);
    for (const slot of this.slots) if (slot.keys.some(isConfigKey)) this.render(slot, slot === owner ? message : null);
    this.generalEl()?.setText(owner || message === null ? '' : message);
  }

  /** A problem with a setting outside the config (it claims `key` alone); null clears it. */
  showFieldProblem(key: string, message: string | null): void {
    if (message === null) this.fieldProblems.delete(key);
    else this.fieldProblems.set(key, message);
    const owner = this.ownerOf(key);
    if (owner) this.render(owner, message);
  }

  private ownerOf(key: string): Slot | null {
    let best: Slot | null = null;
    let bestLength = -1;
    for (const slot of this.slots) {
      for (const claimed of slot.keys) {
        const covers = isUnder(key, claimed);
        if (covers && claimed.length > bestLength) {
          best = slot;
          bestLength = claimed.length;
        }
      }
    }
    return best;
  }

  private render(slot: Slot, message: string | null): void {
    if (slot.message === message) return;
    slot.message = message;
    if (requireApiVersion('1.13.0')) {
      slot.setting.setErrorMessage(message);
      return;
    }
    // Before 1.13 a setting has no error line of its own; this one sits under the description.
    if (!message) {
      slot.fallbackEl?.detach();
      slot.fallbackEl = null;
      slot.setting.settingEl.removeClass('paper-feed-invalid');
      return;
    }
    slot.fallbackEl ??= slot.setting.infoEl.createDiv({ cls: 'paper-feed-error' });
    slot.fallbackEl.setText(message);
    slot.setting.settingEl.addClass('paper-feed-invalid');
  }
}

function isConfigKey(key: string): boolean {
  return CONFIG_KEYS.some((root) => isUnder(key, root));
}

/** "groups[1].include" is under "groups" and "groups[1]"; "groupsX" is not. */
function isUnder(key: string, root: string): boolean {
  return key === root || key.startsWith(`${root}.`) || key.startsWith(`${root}[`);
}

/** The part of a core config message after its "key: " prefix, for showing beside the field. */
export function problemText(message: string, key: string | undefined): string {
  return key && message.startsWith(`${key}: `) ? message.slice(key.length + 2) : message;
}
