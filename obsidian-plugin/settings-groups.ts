// The keyword-group editor of the settings tab: per group its name, include and exclude rules,
// categories and followed authors, plus adding and removing groups.
import { Setting } from 'obsidian';
import type { KeywordGroup, PaperFeedConfig } from '../core/config';
import type { FieldErrors } from './field-errors';
import { categoriesToText, lines, linesToText, rulesToText, textToCategories, textToRules } from './settings';

export interface GroupEditorHost {
  /** Applies a change to the draft config, checks it and saves it when it is valid; `groupsChanged` redraws the list. */
  edit(change: (draft: PaperFeedConfig) => void, groupsChanged?: boolean): Promise<void>;
  errors: FieldErrors;
}

export function renderGroups(containerEl: HTMLElement, draft: PaperFeedConfig, host: GroupEditorHost): void {
  new Setting(containerEl)
    .setName('Keyword groups')
    .setDesc(
      'A paper belongs to a group when one of its include rules, categories or authors matches and no exclude rule does. The daily note lists papers by group.',
    )
    .setHeading();
  draft.groups.forEach((group, index) => renderGroup(containerEl.createDiv({ cls: 'paper-feed-group' }), group, index, host));
  new Setting(containerEl)
    .setName('Add a group')
    .setDesc('A new group is saved once it has a rule, a category or an author.')
    .addButton((button) =>
      button.setButtonText('Add group').onClick(() =>
        host.edit((config) => {
          config.groups.push({ name: freeName(config.groups), include: [] });
        }, true),
      ),
    );
}

function renderGroup(el: HTMLElement, group: KeywordGroup, index: number, host: GroupEditorHost): void {
  const at = `groups[${index}]`;
  const setGroup = (change: (g: KeywordGroup) => void) =>
    host.edit((config) => {
      const target = config.groups[index];
      if (target) change(target);
    });

  const name = new Setting(el)
    .setName('Group name')
    .setDesc("Shown as a heading in the daily note and kept in each paper note's keywords.")
    .addText((text) => text.setValue(group.name).onChange((value) => setGroup((g) => (g.name = value))))
    .addExtraButton((button) =>
      button
        .setIcon('trash')
        .setTooltip('Remove this group')
        .onClick(() => host.edit((config) => void config.groups.splice(index, 1), true)),
    );
  host.errors.claim(name, `${at}.name`);

  const include = new Setting(el)
    .setName('Include')
    .setDesc('One rule per line: a phrase, or /regex/flags. Start a line with "title:", "abstract:", "authors:" or "comment:" to look only there.')
    .addTextArea((text) => text.setValue(rulesToText(group.include)).onChange((value) => setGroup((g) => (g.include = textToRules(value)))));
  host.errors.claim(include, at, `${at}.include`);

  const exclude = listSetting(
    el,
    'Exclude',
    'Papers matching any of these rules stay out of the group.',
    'area',
    rulesToText(group.exclude),
    textToRules,
    (list) => setGroup((g) => (list ? (g.exclude = list) : delete g.exclude)),
  );
  host.errors.claim(exclude, `${at}.exclude`);

  const categories = listSetting(
    el,
    'Categories',
    'Only papers in these categories, e.g. "cs.RO, eess.SY" or a whole archive such as "cs". Empty: any category.',
    'line',
    categoriesToText(group.categories),
    textToCategories,
    (list) => setGroup((g) => (list ? (g.categories = list) : delete g.categories)),
  );
  host.errors.claim(categories, `${at}.categories`);

  const authors = listSetting(
    el,
    'Followed authors',
    'A paper by any of these people belongs to the group. One name per line.',
    'area',
    linesToText(group.authors),
    lines,
    (list) => setGroup((g) => (list ? (g.authors = list) : delete g.authors)),
  );
  host.errors.claim(authors, `${at}.authors`);
}

/** A text field holding an optional list: `store` gets the list, or undefined when it is empty (the key is then left out). */
function listSetting<T>(
  el: HTMLElement,
  name: string,
  desc: string,
  field: 'line' | 'area',
  shown: string,
  parse: (value: string) => T[],
  store: (list: T[] | undefined) => Promise<void>,
): Setting {
  const setting = new Setting(el).setName(name).setDesc(desc);
  const wire = (text: { setValue(value: string): unknown; onChange(callback: (value: string) => unknown): unknown }) => {
    text.setValue(shown);
    text.onChange((value) => {
      const list = parse(value);
      void store(list.length ? list : undefined);
    });
  };
  return field === 'area' ? setting.addTextArea(wire) : setting.addText(wire);
}

function freeName(groups: readonly KeywordGroup[]): string {
  const taken = new Set(groups.map((g) => g.name.toLowerCase()));
  for (let n = groups.length + 1; ; n += 1) if (!taken.has(`group ${n}`)) return `Group ${n}`;
}
