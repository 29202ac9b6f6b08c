/** The login role the api and worker use; created by the migrations, owns nothing. */
export const APP_DATABASE_ROLE = 'fairmarket_app';

/**
 * The connection string of the application's own role. APP_DATABASE_URL when set (production:
 * with the role's password); otherwise DATABASE_URL (which migrations use, as the owner) with
 * its user swapped for fairmarket_app, which suits local trust authentication.
 */
export function appDatabaseUrl(config: { DATABASE_URL: string; APP_DATABASE_URL?: string }): string {
  if (config.APP_DATABASE_URL) return config.APP_DATABASE_URL;
  const url = new URL(config.DATABASE_URL);
  url.username = APP_DATABASE_ROLE;
  url.password = '';
  return url.toString();
}
