// The settings tab described once, as sections of rows. Obsidian 1.13+ takes them as setting
// definitions (so its settings search finds every row by name and description) and calls each
// row's render; older versions get the same rows drawn by display(). Either way a row's control
// is drawn here, and every change goes through the tab's setControlValue.
import { Setting, type SettingDefinitionItem } from 'obsidian';
import type { FieldErrors } from './field-errors';

interface RowBase {
  name: string;
  desc?: string;
  /** Drawn after the control: an extra button, a hint. */
  decorate?(setting: Setting): void;
}

interface FieldBase extends RowBase {
  /** The value's name for getControlValue/setControlValue; problems with it are shown on this row. */
  key: string;
  /** Further config keys whose problems are shown on this row. */
  claims?: string[];
}

/** A text or text-area row: the text shown, and what a new text does (check, then save or show the problem). */
export interface TextField extends FieldBase {
  control: 'text' | 'textarea';
  placeholder?: string;
  read(): string;
  write(value: string): Promise<void>;
}

export interface DropdownField extends FieldBase {
  control: 'dropdown';
  options: Record<string, string>;
  read(): string;
  write(value: string): Promise<void>;
}

export interface ToggleField extends FieldBase {
  control: 'toggle';
  read(): boolean;
  write(value: boolean): Promise<void>;
}

/** A row drawn by hand (a button, the secret picker, the tab's general problem). */
export interface CustomRow extends RowBase {
  control?: undefined;
  render(setting: Setting): void;
}

export type Field = TextField | DropdownField | ToggleField;
export type SettingRow = Field | CustomRow;

export interface SettingSection {
  heading?: string;
  /** Shown under the heading (before 1.13) or as the section's first line. */
  desc?: string;
  cls?: string;
  rows: SettingRow[];
}

export function isField(row: SettingRow): row is Field {
  return row.control !== undefined;
}

/** The rows that hold a value, in the order the tab shows them. */
export function fieldsOf(sections: readonly SettingSection[]): Field[] {
  return sections.flatMap((section) => section.rows.filter(isField));
}

/** Draws a row's control into `setting`; `change` is where a person's edit goes (the tab's setControlValue). */
export function drawControl(setting: Setting, row: SettingRow, errors: FieldErrors, change: (key: string, value: string | boolean) => Promise<void>): void {
  if (row.control === undefined) row.render(setting);
  else if (row.control === 'toggle') setting.addToggle((toggle) => toggle.setValue(row.read()).onChange((value) => change(row.key, value)));
  else if (row.control === 'dropdown')
    setting.addDropdown((dropdown) =>
      dropdown
        .addOptions(row.options)
        .setValue(row.read())
        .onChange((value) => change(row.key, value)),
    );
  else {
    const wire = (text: { setPlaceholder(p: string): unknown; setValue(v: string): unknown; onChange(cb: (v: string) => unknown): unknown }) => {
      if (row.placeholder) text.setPlaceholder(row.placeholder);
      text.setValue(row.read());
      text.onChange((value) => change(row.key, value));
    };
    if (row.control === 'textarea') setting.addTextArea(wire);
    else setting.addText(wire);
  }
  if (isField(row)) errors.claim(setting, ...(row.claims ?? [row.key]));
  row.decorate?.(setting);
}

/**
 * The sections as Obsidian 1.13's setting definitions: one group per section, each row drawn by
 * its own render (Obsidian sets the name and description; changing them there re-renders the tab).
 */
export function toDefinitions(sections: readonly SettingSection[], draw: (setting: Setting, row: SettingRow) => void): SettingDefinitionItem[] {
  return sections.map((section) => ({
    type: 'group' as const,
    heading: section.heading,
    cls: section.cls,
    items: [
      // A row without a name (a section's description, the general problem) is no search result.
      ...(section.desc ? [{ name: '', desc: section.desc, searchable: false }] : []),
      ...section.rows.map((row) => ({ name: row.name, desc: row.desc, searchable: row.name !== '', render: (setting: Setting) => draw(setting, row) })),
    ],
  }));
}

/** The same sections drawn by hand, for Obsidian before 1.13. */
export function drawSections(containerEl: HTMLElement, sections: readonly SettingSection[], draw: (setting: Setting, row: SettingRow) => void): void {
  for (const section of sections) {
    const el = section.cls ? containerEl.createDiv({ cls: section.cls }) : containerEl;
    if (section.heading) {
      const heading = new Setting(el).setName(section.heading).setHeading();
      if (section.desc) heading.setDesc(section.desc);
    }
    for (const row of section.rows) {
      const setting = new Setting(el).setName(row.name);
      if (row.desc) setting.setDesc(row.desc);
      draw(setting, row);
    }
  }
}
