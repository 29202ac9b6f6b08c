import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService, type Principal } from '@fairmarket/identity';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

/**
 * A regulator opening a case picks its approver and handler from the people of their own office, not
 * by typing a user id; listing every user stays an admin's job (AdminController).
 */
@ApiTags('users')
@Controller('v1/users')
@Access({ roles: ['regulator'] })
export class ColleaguesController {
  constructor(private readonly identity: IdentityService) {}

  @Get('colleagues')
  @ApiOperation({ summary: "The active regulators of the caller's organisation (id and display name only), to pick a case's handler or approver" })
  colleagues(@CurrentPrincipal() principal: Principal) {
    return this.identity.colleagues(principal.orgId);
  }
}
