// "Fetch papers for a date range…": two dates, checked before anything is fetched; a problem is
// shown under the fields and the modal stays open.
import { Modal, Setting, type App } from 'obsidian';
import { isCalendarDay } from '../core/arxiv/eastern-time';
import { rangeProblem as runProblem } from '../core/runs/range-run';

/** Longer ranges take many minutes at arXiv's pace of one request every 3 seconds. */
export const MAX_RANGE_DAYS = 92;

export class RangeModal extends Modal {
  private from: string;
  private to: string;
  private errorEl: HTMLElement | null = null;

  constructor(
    app: App,
    initial: string,
    private readonly onSubmit: (from: string, to: string) => void,
  ) {
    super(app);
    this.from = initial;
    this.to = initial;
  }

  override onOpen(): void {
    this.setTitle('Fetch papers for a date range');
    const { contentEl } = this;
    contentEl.empty();
    contentEl.createEl('p', { text: 'Paper Feed writes one daily note per arXiv listing date in the range, from the arXiv search API.' });
    new Setting(contentEl)
      .setName('From')
      .setDesc('First listing date, for example 2026-05-25.')
      .addText((text) => {
        text.inputEl.type = 'date';
        text.setValue(this.from).onChange((value) => (this.from = value.trim()));
      });
    new Setting(contentEl)
      .setName('To')
      .setDesc('Last listing date, for example 2026-05-29.')
      .addText((text) => {
        text.inputEl.type = 'date';
        text.setValue(this.to).onChange((value) => (this.to = value.trim()));
      });
    this.errorEl = contentEl.createDiv({ cls: 'paper-feed-error' });
    new Setting(contentEl).addButton((button) =>
      button
        .setButtonText('Fetch')
        .setCta()
        .onClick(() => this.submit()),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private submit(): void {
    const problem = rangeProblem(this.from, this.to, new Date());
    if (problem) {
      this.errorEl?.setText(problem);
      return;
    }
    this.close();
    this.onSubmit(this.from, this.to);
  }
}

/** Why the range cannot be fetched, or null when it can; the run's own checks say it as every host does. */
export function rangeProblem(from: string, to: string, now: Date): string | null {
  for (const [name, day] of [
    ['start', from],
    ['end', to],
  ] as const) {
    if (!isCalendarDay(day)) {
      return `The ${name} date "${day}" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-29.`;
    }
  }
  const problem = runProblem(from, to, now);
  if (problem) return problem;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return `That is ${days} days; fetch at most ${MAX_RANGE_DAYS} days at a time so arXiv is not flooded.`;
  return null;
}
