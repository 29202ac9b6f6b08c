/** Default codes and bilingual messages by HTTP status, used when a route gives none. */
const DEFAULTS: Record<number, { code: string; message: string; message_zh: string }> = {
  400: { code: 'bad_request', message: 'The request is not valid.', message_zh: '请求无效。' },
  401: { code: 'unauthenticated', message: 'Sign in first.', message_zh: '请先登录。' },
  403: { code: 'forbidden', message: 'You may not do this.', message_zh: '无权执行此操作。' },
  404: { code: 'not_found', message: 'Not found.', message_zh: '未找到。' },
  409: { code: 'conflict', message: 'The request conflicts with the current state.', message_zh: '请求与当前状态冲突。' },
  413: { code: 'payload_too_large', message: 'The upload is larger than allowed.', message_zh: '上传内容超过限制。' },
  415: { code: 'unsupported_media_type', message: 'This type of file or body is not accepted.', message_zh: '不支持该文件或请求类型。' },
  429: { code: 'rate_limited', message: 'Too many requests; try again later.', message_zh: '请求过于频繁，请稍后再试。' },
  500: { code: 'internal_error', message: 'Something went wrong on our side.', message_zh: '服务器内部错误。' },
};

export interface ApiErrorBody {
  error: { code: string; message: string; message_zh: string; details?: unknown };
}

export function apiErrorBody(status: number, response: unknown): ApiErrorBody {
  const base = DEFAULTS[status] ?? { code: `http_${status}`, message: 'Request failed.', message_zh: '请求失败。' };
  const r = (typeof response === 'string' ? { message: response } : (response ?? {})) as Record<string, unknown>;
  const messages = Array.isArray(r.message) ? (r.message as string[]) : undefined;
  return {
    error: {
      code: typeof r.code === 'string' ? r.code : base.code,
      message: messages ? messages.join('; ') : typeof r.message === 'string' && status !== 500 ? r.message : base.message,
      message_zh: typeof r.message_zh === 'string' ? r.message_zh : base.message_zh,
      ...(messages ? { details: messages } : r.details !== undefined ? { details: r.details } : {}),
    },
  };
}
