import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiKeyScope, Role } from '@fairmarket/identity';

export const ACCESS = Symbol('fairmarket:access');

/** Who may call a route: `public`, or these roles; API keys only when the route names their scope. */
export interface AccessRule {
  roles: Role[] | 'public';
  keyScope?: ApiKeyScope;
}

/**
 * Every route declares its access (a route without one is refused by the guard). The rule is
 * also published in the OpenAPI document as `x-fairmarket-access`, which the route-enumeration
 * test reads to make sure each route is tested for every role.
 */
export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  const docs = rule.roles === 'public' ? [] : [ApiBearerAuth(), ...(rule.keyScope ? [ApiSecurity('api-key')] : []), ApiUnauthorizedResponse({ description: 'Not signed in' }), ApiForbiddenResponse({ description: 'Role not allowed' })];
  return applyDecorators(SetMetadata(ACCESS, rule), ApiExtension('x-fairmarket-access', { roles: rule.roles, key_scope: rule.keyScope ?? null }), ...docs);
}

export const Public = () => Access({ roles: 'public' });
