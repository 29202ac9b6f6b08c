import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService, type Principal } from '@fairmarket/identity';
import { Access, Public } from './access.decorator';
import { CreateApiKeyDto, LoginDto } from './auth.dto';
import { CurrentPrincipal } from './current-principal.decorator';

const EVERYONE = ['regulator', 'platform_compliance', 'consumer_group', 'admin'] as const;

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns a bearer token (rate limited per client)' })
  login(@Body() dto: LoginDto) {
    return this.identity.login(dto.email, dto.password);
  }

  @Get('me')
  @Access({ roles: [...EVERYONE], keyScope: 'datasets:read' })
  @ApiOperation({ summary: 'Who I am: user, role, organisation and platform' })
  me(@CurrentPrincipal() principal: Principal) {
    return this.identity.user(principal.userId).then((user) => ({ ...user, via: principal.via, scopes: principal.scopes ?? null }));
  }

  @Post('api-keys')
  @Access({ roles: ['platform_compliance', 'regulator'] })
  @ApiOperation({ summary: 'Create an API key for machine uploads; the key is shown in this answer only' })
  createKey(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto) {
    return this.identity.createApiKey(principal, dto.name, dto.scopes);
  }

  @Get('api-keys')
  @Access({ roles: ['platform_compliance', 'regulator'] })
  @ApiOperation({ summary: 'My API keys (never their secrets)' })
  listKeys(@CurrentPrincipal() principal: Principal) {
    return this.identity.listApiKeys(principal);
  }

  @Delete('api-keys/:keyId')
  @Access({ roles: ['platform_compliance', 'regulator'] })
  @ApiOperation({ summary: 'Revoke one of my API keys; it stops working at once' })
  revokeKey(@CurrentPrincipal() principal: Principal, @Param('keyId', ParseUUIDPipe) keyId: string) {
    return this.identity.revokeApiKey(principal, keyId);
  }
}
