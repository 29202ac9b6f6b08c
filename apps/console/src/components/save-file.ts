import type { ApiClient } from '../lib/api-client';

/** Downloads a file the API only gives with the bearer token: fetch it, then hand it to the browser. */
export async function saveFile(api: ApiClient, path: string, fallbackName: string): Promise<void> {
  const file = await api.blobUrl(path);
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.fileName ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started reading the blob; free it once the download surely has it.
  setTimeout(() => URL.revokeObjectURL(file.url), 30_000);
}
