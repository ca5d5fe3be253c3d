// The PaperFeedError a call throws (or a promise rejects with), so tests can assert its kind and
// its one-line message. Anything else thrown is a real failure and is passed on.
import { PaperFeedError } from '../../core/errors';

export function failureOf(run: () => unknown): PaperFeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof PaperFeedError) return error;
    throw error;
  }
  throw new Error('expected a PaperFeedError');
}

export async function rejectionOf(promise: Promise<unknown>): Promise<PaperFeedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaperFeedError) return error;
    throw error;
  }
  throw new Error('expected a PaperFeedError');
}
