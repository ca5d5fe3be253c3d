// Paper Feed for Obsidian: lifecycle and wiring only (filled in by issue #4).
import { Plugin } from 'obsidian';

export default class PaperFeedPlugin extends Plugin {
  override async onload(): Promise<void> {}
}
