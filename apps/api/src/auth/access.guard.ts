import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@fairmarket/identity';
import { ACCESS, type AccessRule } from './access.decorator';

/** Function-level authorisation: the route's declared roles, and API keys only where scoped. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!rule) {
      // Fail closed: a route someone forgot to declare is nobody's.
      throw new ForbiddenException({ code: 'route_without_access_rule', message: 'This route declares no access rule; it is closed until it does.', message_zh: '该接口未声明访问规则，暂不开放。' });
    }
    if (rule.roles === 'public') return true;
    const principal = context.switchToHttp().getRequest().principal as Principal | null;
    if (!principal) throw new UnauthorizedException({ code: 'unauthenticated', message: 'Sign in first: send `Authorization: Bearer <token>` from POST /v1/auth/login.', message_zh: '请先登录：携带 POST /v1/auth/login 返回的令牌。' });
    if (!rule.roles.includes(principal.role)) {
      throw new ForbiddenException({ code: 'role_not_allowed', message: `Your role (${principal.role}) may not do this; allowed: ${rule.roles.join(', ')}.`, message_zh: `您的角色（${principal.role}）无权执行此操作。` });
    }
    if (principal.via === 'api_key' && (!rule.keyScope || !principal.scopes?.includes(rule.keyScope))) {
      throw new ForbiddenException({ code: 'api_key_not_allowed', message: rule.keyScope ? `This API key lacks the scope ${rule.keyScope}.` : 'API keys cannot call this route; sign in as a person.', message_zh: 'API 密钥无权调用此接口。' });
    }
    return true;
  }
}
