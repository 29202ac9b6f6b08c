import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService, type Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CreateOrganisationDto, CreateUserDto } from './admin.dto';

/** Accounts are an admin's job; admins see no platform data. */
@ApiTags('admin')
@Controller('v1/admin')
@Access({ roles: ['admin'] })
export class AdminController {
  constructor(private readonly identity: IdentityService) {}

  @Post('organisations')
  @ApiOperation({ summary: 'Create an organisation: regulator, platform (bound to one platform_id), consumer group or operator' })
  createOrganisation(@CurrentPrincipal() principal: Principal, @Body() dto: CreateOrganisationDto) {
    return this.identity.createOrganisation(principal, dto);
  }

  @Get('organisations')
  @ApiOperation({ summary: 'Every organisation' })
  organisations() {
    return this.identity.listOrganisations();
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a user in an organisation with a role that fits its kind' })
  createUser(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.identity.createUser(principal, dto);
  }

  @Get('users')
  @ApiOperation({ summary: 'Every user (no password hashes)' })
  users() {
    return this.identity.listUsers();
  }
}
