import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@fairmarket/identity';
import { DossierJobs, type DossierStatus } from './dossier-jobs.service';

/**
 * Dossiers of a case. Like deciding it, building and taking out its dossier is for the
 * people who work the case, its handler and its approver; row policies already keep cases
 * to regulators, so an unknown case and another office's case both read as not found.
 */
@Injectable()
export class CaseDossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierJobs,
  ) {}

  async request(caseId: string, principal: Principal): Promise<DossierStatus> {
    const c = await this.participantCase(caseId, principal);
    this.dossiers.requireSigningKey();
    return this.dossiers.queue({ kind: 'case', id: caseId }, principal, { subject: 'case', caseId, requestedBy: principal.userId }, { case_ref: c.ref });
  }

  async status(caseId: string, dossierId: string, principal: Principal): Promise<DossierStatus> {
    await this.participantCase(caseId, principal);
    return this.dossiers.status({ kind: 'case', id: caseId }, dossierId);
  }

  async export(caseId: string, dossierId: string, principal: Principal): Promise<{ path: string; ref: string }> {
    const c = await this.participantCase(caseId, principal);
    return { path: await this.dossiers.export({ kind: 'case', id: caseId }, dossierId, principal), ref: c.ref };
  }

  private async participantCase(caseId: string, principal: Principal): Promise<{ ref: string }> {
    const [c] = await this.dataSource.query('SELECT ref, handler_id, approver_id FROM cases WHERE id = $1', [caseId]);
    if (!c) throw new NotFoundException({ code: 'case_not_found', message: `No case ${caseId}.`, message_zh: `案件 ${caseId} 不存在。` });
    if (principal.userId !== c.handler_id && principal.userId !== c.approver_id) {
      throw new ForbiddenException({ code: 'not_case_participant', message: `Only case ${c.ref}'s handler or approver may build or take out its dossier; ask one of them.`, message_zh: `只有案件 ${c.ref} 的承办人或审批人可以生成或导出卷宗。` });
    }
    return { ref: c.ref };
  }
}
