// The keyword-group editor of the settings tab: per group its name, include and exclude rules,
// categories and followed authors, plus adding and removing groups.
import type { KeywordGroup, PaperFeedConfig } from '../core/config';
import type { SettingSection, TextField } from './setting-rows';
import { categoriesToText, lines, linesToText, rulesToText, textToCategories, textToRules } from './settings';

export interface GroupEditorHost {
  /** Applies a change to the draft config, checks it and saves it when it is valid; `groupsChanged` draws the tab again. */
  edit(change: (draft: PaperFeedConfig) => void, groupsChanged?: boolean): Promise<void>;
  /** The config the rows show (the draft once something was changed). */
  config(): PaperFeedConfig;
}

/** The heading, one section per group of `config`, and the row that adds a group. */
export function groupSections(config: PaperFeedConfig, host: GroupEditorHost): SettingSection[] {
  return [
    {
      heading: 'Keyword groups',
      desc: 'A paper belongs to a group when one of its include rules, categories or authors matches and no exclude rule does. The daily note lists papers by group.',
      rows: [],
    },
    ...config.groups.map((_, index) => ({ cls: 'paper-feed-group', rows: groupRows(index, host) })),
    {
      rows: [
        {
          name: 'Add a group',
          desc: 'A new group is saved once it has a rule, a category or an author.',
          render: (setting) => {
            setting.addButton((button) =>
              button.setButtonText('Add group').onClick(() =>
                host.edit((draft) => {
                  draft.groups.push({ name: freeName(draft.groups), include: [] });
                }, true),
              ),
            );
          },
        },
      ],
    },
  ];
}

function groupRows(index: number, host: GroupEditorHost): TextField[] {
  const at = `groups[${index}]`;
  const group = (): KeywordGroup | undefined => host.config().groups[index];
  const setGroup = (change: (g: KeywordGroup) => void) =>
    host.edit((draft) => {
      const target = draft.groups[index];
      if (target) change(target);
    });
  /** An optional list: an empty one leaves its key out of the group. */
  const list = <K extends 'exclude' | 'categories' | 'authors'>(
    name: string,
    desc: string,
    type: 'text' | 'textarea',
    key: K,
    show: (items: KeywordGroup[K]) => string,
    parse: (value: string) => NonNullable<KeywordGroup[K]>,
  ): TextField => ({
    name,
    desc,
    key: `${at}.${key}`,
    control: type,
    read: () => show(group()?.[key]),
    write: (value) =>
      setGroup((g) => {
        const items = parse(value);
        if (items.length) g[key] = items;
        else delete g[key];
      }),
  });

  return [
    {
      name: 'Group name',
      desc: "Shown as a heading in the daily note and kept in each paper note's keywords.",
      key: `${at}.name`,
      control: 'text',
      read: () => group()?.name ?? '',
      write: (value) => setGroup((g) => (g.name = value)),
      decorate: (setting) => {
        setting.addExtraButton((button) =>
          button
            .setIcon('trash')
            .setTooltip('Remove this group')
            .onClick(() => host.edit((draft) => void draft.groups.splice(index, 1), true)),
        );
      },
    },
    {
      name: 'Include',
      desc: 'One rule per line: a phrase, or /regex/flags. Start a line with "title:", "abstract:", "authors:" or "comment:" to look only there.',
      key: `${at}.include`,
      claims: [at, `${at}.include`],
      control: 'textarea',
      read: () => rulesToText(group()?.include),
      write: (value) => setGroup((g) => (g.include = textToRules(value))),
    },
    list('Exclude', 'Papers matching any of these rules stay out of the group.', 'textarea', 'exclude', rulesToText, textToRules),
    list(
      'Categories',
      'Only papers in these categories, e.g. "cs.RO, eess.SY" or a whole archive such as "cs". Empty: any category.',
      'text',
      'categories',
      categoriesToText,
      textToCategories,
    ),
    list('Followed authors', 'A paper by any of these people belongs to the group. One name per line.', 'textarea', 'authors', linesToText, lines),
  ];
}

function freeName(groups: readonly KeywordGroup[]): string {
  const taken = new Set(groups.map((g) => g.name.toLowerCase()));
  for (let n = groups.length + 1; ; n += 1) if (!taken.has(`group ${n}`)) return `Group ${n}`;
}
