/** What a browser does with the firewall's 412 challenge: run its cookie assignment and come back. */
export async function challengeCookie(url: string): Promise<string | undefined> {
  const response = await fetch(url);
  if (response.status !== 412) return undefined;
  const script = await response.text();
  return /document\.cookie="([^;"]+)/.exec(script)?.[1];
}
