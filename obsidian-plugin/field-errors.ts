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

  constructor(private readonly generalEl: () => HTMLElement | null) {}

  /** Forget every field; called before the tab renders again. */
  clear(): void {
    this.slots = [];
  }

  /** Forget the fields that claim only keys under `root` (their rows are about to be drawn again). */
  forget(root: string): void {
    this.slots = this.slots.filter((slot) => !slot.keys.every((key) => isUnder(key, root)));
  }

  /** `setting` shows problems for these config keys (and every key below them). */
  claim(setting: Setting, ...keys: string[]): void {
    this.slots.push({ keys, setting, fallbackEl: null, message: null });
  }

  /**
   * The config's one problem (the core reports the first it finds): shown at the field that
   * claims `key`, or above the form when none does; null clears it.
   */
  showConfigProblem(key: string | null, message: string | null): void {
    const owner = key === null || message === null ? null : this.ownerOf(key);
    for (const slot of this.slots) if (slot.keys.some(isConfigKey)) this.render(slot, slot === owner ? message : null);
    this.generalEl()?.setText(owner || message === null ? '' : message);
  }

  /** A problem with a setting outside the config (it claims `key` alone); null clears it. */
  showFieldProblem(key: string, message: string | null): void {
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
