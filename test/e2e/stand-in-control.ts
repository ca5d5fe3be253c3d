// Tells the arXiv stand-in (scripts/e2e/arxiv-stand-in.mjs) how to answer, and reads what it
// has served, so a flow can wait for a request instead of sleeping.

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  at: string;
}

export async function answerWith(standInUrl: string, answer: { status: 200; fixture?: string } | { status: 503 }): Promise<void> {
  const response = await fetch(`${standInUrl}/__stand-in/answer`, { method: 'POST', body: JSON.stringify(answer) });
  if (response.status !== 204) throw new Error(`The arXiv stand-in refused the answer ${JSON.stringify(answer)} (HTTP ${response.status}).`);
}

export async function servedRequests(standInUrl: string): Promise<ServedRequest[]> {
  const response = await fetch(`${standInUrl}/__stand-in/requests`);
  return (await response.json()) as ServedRequest[];
}
