import { ApiError } from './api-error';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * The public API, and nothing else: every call carries the bearer token of the signed-in
 * user, so the console can do exactly what that user could do with curl.
 */
export class ApiClient {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return this.answer<T>(response);
  }

  /** Multipart upload with byte progress: fetch cannot report upload progress, XMLHttpRequest can. */
  upload<T>(path: string, files: File[], onProgress: (p: UploadProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const form = new FormData();
      for (const file of files) form.append('files', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      if (this.token) xhr.setRequestHeader('authorization', `Bearer ${this.token}`);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
      xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: network error.', '上传失败：网络错误。'));
      xhr.onload = () => {
        const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
        this.answer<T>(response).then(resolve, reject);
      };
      xhr.send(form);
    });
  }

  /** A file the API streams (dossier, attachment) as an object URL the page can offer for download. */
  async blobUrl(path: string): Promise<{ url: string; fileName: string | null }> {
    const response = await fetch(path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    if (!response.ok) throw await this.failure(response);
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    return { url: URL.createObjectURL(await response.blob()), fileName: match ? match[1] : null };
  }

  private async answer<T>(response: Response): Promise<T> {
    if (!response.ok) throw await this.failure(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  private async failure(response: Response): Promise<ApiError> {
    if (response.status === 401 && this.token) this.onUnauthorized();
    return ApiError.from(response);
  }
}
