import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { IdentityService, tenantOf, type Principal } from '@fairmarket/identity';
import { runAsTenant } from '@fairmarket/tenancy';
import { apiErrorBody } from '../common/api-error';

/**
 * Authenticates every request (bearer token or `X-Api-Key`) and runs the rest of it in the
 * caller's tenant context, which the database's row policies read. A request without
 * credentials runs as nobody (its database queries see nothing); the guard decides whether
 * the route may be called at all.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly identity: IdentityService) {}

  async use(req: Request & { principal?: Principal | null }, res: Response, next: NextFunction): Promise<void> {
    let principal: Principal | null = null;
    try {
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const apiKey = req.headers['x-api-key'];
      if (bearer) principal = await this.identity.principalFromToken(bearer);
      else if (typeof apiKey === 'string') principal = await this.identity.principalFromApiKey(apiKey);
      if ((bearer || apiKey) && !principal) {
        res.status(401).json(apiErrorBody(401, {
          code: 'invalid_credentials',
          message: 'The token or API key is invalid, expired or revoked; sign in again or use a current key.',
          message_zh: '令牌或 API 密钥无效、已过期或已撤销；请重新登录或使用有效密钥。',
        }));
        return;
      }
    } catch (error) {
      next(error);
      return;
    }
    req.principal = principal;
    runAsTenant(tenantOf(principal), () => next());
  }
}
