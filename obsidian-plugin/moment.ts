// Obsidian's own moment.js. obsidian.d.ts types it as a namespace import, which esModuleInterop
// makes uncallable; this hands the same object out with moment's real, callable type.
import { moment as obsidianMoment } from 'obsidian';
import type momentFunction from 'moment';

export const moment = obsidianMoment as unknown as typeof momentFunction;
