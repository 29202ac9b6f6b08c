import { ConflictException, Inject, Injectable, NotFoundException, UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { AuditLogService } from '@fairmarket/audit';
import { signAccessToken, tokenSigningKey, verifyAccessToken } from './access-token';
import { apiKeySecretMatches, formatApiKey, hashApiKeySecret, newApiKeySecret, parseApiKey } from './api-key-secret';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password-hash';
import { ROLE_ORGANISATION, type ApiKeyScope, type OrganisationKind, type Principal, type Role } from './roles';

const USER_COLUMNS = 'u.id, u.org_id, u.email, u.display_name, u.role, u.active, u.created_at, o.platform_id, o.name AS org_name';

/** Organisations, users, logins and API keys. Identity tables hold no platform data and no row policies. */
@Injectable()
export class IdentityService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {
    this.key = tokenSigningKey(config);
  }

  async login(email: string, password: string) {
    const [user] = await this.dataSource.query(`SELECT ${USER_COLUMNS}, u.password_hash FROM users u JOIN organisations o ON o.id = u.org_id WHERE lower(u.email) = lower($1)`, [email]);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok || !user.active) {
      await this.audit.append({ actorId: user?.id ?? null, actorRole: null, action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null, detail: { email } });
      throw new UnauthorizedException({ code: 'invalid_credentials', message: 'Wrong e-mail or password, or the account is disabled; check both or ask an admin.', message_zh: '邮箱或密码错误，或账户已停用；请核对或联系管理员。' });
    }
    await this.audit.append({ actorId: user.id, actorRole: user.role, action: 'auth.login', subjectType: 'user', subjectId: user.id });
    const token = signAccessToken({ sub: user.id, role: user.role, org: user.org_id, plat: user.platform_id }, this.key, this.config.JWT_TTL_SECONDS);
    return { access_token: token, token_type: 'Bearer', expires_in: this.config.JWT_TTL_SECONDS, user: publicUser(user) };
  }

  /** A principal for a bearer token whose user still exists and is active; null otherwise. */
  async principalFromToken(token: string): Promise<Principal | null> {
    const claims = verifyAccessToken(token, this.key);
    if (!claims) return null;
    const [user] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.id = $1 AND u.active`, [claims.sub]);
    if (!user) return null;
    return { userId: user.id, role: user.role, orgId: user.org_id, platformId: user.platform_id, via: 'token' };
  }

  async principalFromApiKey(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const [row] = await this.dataSource.query(
      `SELECT k.id AS key_id, k.secret_hash, k.scopes, ${USER_COLUMNS} FROM api_keys k JOIN users u ON u.id = k.user_id JOIN organisations o ON o.id = u.org_id
       WHERE k.id = $1 AND k.revoked_at IS NULL AND u.active`,
      [parsed.keyId],
    );
    if (!row || !apiKeySecretMatches(parsed.secret, row.secret_hash)) return null;
    await this.dataSource.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.key_id]);
    return { userId: row.id, role: row.role, orgId: row.org_id, platformId: row.platform_id, via: 'api_key', scopes: row.scopes, apiKeyId: row.key_id };
  }

  async createOrganisation(actor: Principal, input: { name: string; kind: OrganisationKind; platform_id?: string }) {
    if ((input.kind === 'platform') !== Boolean(input.platform_id)) {
      throw new UnprocessableEntityException({ code: 'platform_id_mismatch', message: 'A platform organisation needs platform_id, and only a platform has one.', message_zh: '平台类组织必须且只有平台类组织填写 platform_id。' });
    }
    return this.dataSource.transaction(async (em) => {
      const [existing] = input.platform_id ? await em.query('SELECT id FROM organisations WHERE platform_id = $1', [input.platform_id]) : [];
      if (existing) throw new ConflictException({ code: 'platform_taken', message: `Platform ${input.platform_id} already has an organisation (${existing.id}); add users to it instead.`, message_zh: `平台 ${input.platform_id} 已有组织，请直接为其添加用户。` });
      const [org] = await em.query('INSERT INTO organisations (name, kind, platform_id) VALUES ($1, $2, $3) RETURNING *', [input.name, input.kind, input.platform_id ?? null]);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'organisation.create', subjectType: 'organisation', subjectId: org.id, detail: { kind: org.kind, platform_id: org.platform_id } }, em);
      return org;
    });
  }

  listOrganisations() {
    return this.dataSource.query('SELECT * FROM organisations ORDER BY created_at');
  }

  /** Creates a user; `actor` null only for the CLI's first admin. */
  async createUser(actor: Principal | null, input: { org_id: string; email: string; display_name: string; password: string; role: Role }) {
    return this.dataSource.transaction(async (em) => {
      const [org] = await em.query('SELECT * FROM organisations WHERE id = $1', [input.org_id]);
      if (!org) throw new NotFoundException({ code: 'organisation_not_found', message: `No organisation ${input.org_id}; create it first.`, message_zh: `组织 ${input.org_id} 不存在，请先创建。` });
      if (ROLE_ORGANISATION[input.role] !== org.kind) {
        throw new UnprocessableEntityException({ code: 'role_organisation_mismatch', message: `Role ${input.role} belongs in a ${ROLE_ORGANISATION[input.role]} organisation, not a ${org.kind} one.`, message_zh: `角色 ${input.role} 只能属于 ${ROLE_ORGANISATION[input.role]} 类组织。` });
      }
      const [taken] = await em.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [input.email]);
      if (taken) throw new ConflictException({ code: 'email_taken', message: `A user with e-mail ${input.email} exists; choose another address.`, message_zh: `邮箱 ${input.email} 已被使用。` });
      const [user] = await em.query('INSERT INTO users (org_id, email, display_name, password_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
        input.org_id, input.email, input.display_name, await hashPassword(input.password), input.role,
      ]);
      await this.audit.append({ actorId: actor?.userId ?? null, actorRole: actor?.role ?? 'cli', action: 'user.create', subjectType: 'user', subjectId: user.id, detail: { role: user.role, org_id: user.org_id } }, em);
      return publicUser({ ...user, platform_id: org.platform_id, org_name: org.name });
    });
  }

  async listUsers() {
    const rows = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.org_id ORDER BY u.created_at`);
    return rows.map(publicUser);
  }

  /**
   * The active regulators of one organisation, by name: whom a regulator may pick as a case's handler,
   * approver or task assignee. Only id and name, so this read gives away no e-mail addresses.
   */
  async colleagues(orgId: string): Promise<{ id: string; display_name: string }[]> {
    return this.dataSource.query(`SELECT id, display_name FROM users WHERE org_id = $1 AND role = 'regulator' AND active ORDER BY display_name, id`, [orgId]);
  }

  async user(id: string) {
    const [row] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundException({ code: 'user_not_found', message: `No user ${id}.`, message_zh: `用户 ${id} 不存在。` });
    return publicUser(row);
  }

  /** A key for the caller's own machine uploads; the key is in the answer and nowhere else, ever. */
  async createApiKey(actor: Principal, name: string, scopes: ApiKeyScope[]) {
    return this.dataSource.transaction(async (em) => {
      const secret = newApiKeySecret();
      const [row] = await em.query('INSERT INTO api_keys (user_id, name, secret_hash, scopes) VALUES ($1, $2, $3, $4) RETURNING id, name, scopes, created_at', [actor.userId, name, hashApiKeySecret(secret), scopes]);
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'api_key.create', subjectType: 'api_key', subjectId: row.id, detail: { scopes } }, em);
      return { ...row, key: formatApiKey(row.id, secret) };
    });
  }

  listApiKeys(actor: Principal) {
    return this.dataSource.query('SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_keys WHERE user_id = $1 ORDER BY created_at', [actor.userId]);
  }

  async revokeApiKey(actor: Principal, keyId: string) {
    return this.dataSource.transaction(async (em) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[row]] = await em.query('UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, name, scopes, revoked_at', [keyId, actor.userId]);
      if (!row) throw new NotFoundException({ code: 'api_key_not_found', message: `You have no API key ${keyId}.`, message_zh: `您没有 API 密钥 ${keyId}。` });
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'api_key.revoke', subjectType: 'api_key', subjectId: keyId }, em);
      return row;
    });
  }
}

function publicUser(u: Record<string, unknown>) {
  return { id: u.id, email: u.email, display_name: u.display_name, role: u.role, org_id: u.org_id, org_name: u.org_name, platform_id: u.platform_id ?? null, active: u.active };
}
