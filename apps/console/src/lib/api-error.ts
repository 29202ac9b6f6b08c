/** An API answer that was not 2xx, carrying the bilingual message the API always sends. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string | null,
  ) {
    super(message);
  }

  /** The message in the reader's language, falling back to English when the API gave no Chinese. */
  text(lang: 'zh' | 'en'): string {
    return lang === 'zh' && this.messageZh ? this.messageZh : this.message;
  }

  static async from(response: Response): Promise<ApiError> {
    let body: Record<string, unknown> = {};
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not JSON (a proxy error page): the status line is all we have.
    }
    const error = (body.error as Record<string, unknown> | undefined) ?? body;
    const message = typeof error.message === 'string' ? error.message : Array.isArray(error.message) ? error.message.join('; ') : `HTTP ${response.status}`;
    return new ApiError(response.status, String(error.code ?? response.status), message, typeof error.message_zh === 'string' ? error.message_zh : null);
  }
}
