import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@fairmarket/identity';

/** The authenticated caller (routes that declare roles always have one). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);
