// VS Code for the web: no local disk, so no rename of the operating system's (see local-disk.ts).
import type { SwapInto } from './local-disk';

export const swapInto: SwapInto | undefined = undefined;
