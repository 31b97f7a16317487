import { parseArgs } from 'node:util';
import { and, desc, isNull, like } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../config';
import { InvalidationChannel } from '../db/notify';
import { openDatabase } from '../db/open';
import { auditEvents } from '../db/schema';
import { KeywardError } from '../errors';
import { createLogger } from '../logger';
import { createServiceToken, listServiceTokens, revokeServiceToken } from '../serviceTokens/serviceTokens';

/**
 * `npm run service-token -- …`: the operator's tool for the platform's service credentials
 * (SPEC §11), on the database the server uses (the same DATABASE_URL / DATA_DIR). On the
 * embedded PGlite the server must be stopped first (one process per data folder); on
 * PostgreSQL a revocation reaches running instances at once through LISTEN/NOTIFY.
 *
 *   --name <name>      make one and print it once
 *   --list             list them (never a token)
 *   --revoke <id|name> revoke one
 *   --audit            the platform's own audit events
 */
const USAGE = 'usage: npm run service-token -- --name <name> | --list | --revoke <id or name> | --audit';

/** The command itself, given its arguments and environment: `print` gets its output, line by line. */
export async function serviceTokenCommand(args: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'string' }, audit: { type: 'boolean' } },
    strict: true,
  });
  const chosen = [values.name !== undefined, values.list, values.revoke !== undefined, values.audit].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError();
  const config = loadConfig(env);
  // Warnings only: the command's output is its answer, not a log.
  const logger = createLogger('warn');
  const database = await openDatabase(config.database);
  const changes = new InvalidationChannel(database.db, config.database, [], logger);
  try {
    if (values.name !== undefined) {
      const { serviceToken, token } = await createServiceToken(changes, values.name);
      print(`Service token "${serviceToken.name}" (${serviceToken.id}). Shown this once; store it now:`);
      print(token);
    } else if (values.list) {
      const tokens = await listServiceTokens(database.db);
      if (tokens.length === 0) print('No service tokens.');
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `last used ${t.lastUsedAt?.toISOString() ?? 'never'}`;
        print(`${t.id}  ${t.name}  created ${t.createdAt.toISOString()}  ${state}`);
      }
    } else if (values.revoke !== undefined) {
      const revoked = await revokeServiceToken(changes, values.revoke);
      print(`Revoked "${revoked.name}" (${revoked.id}).`);
    } else {
      const events = await database.db
        .select()
        .from(auditEvents)
        .where(and(isNull(auditEvents.organizationId), like(auditEvents.action, 'service_token.%')))
        .orderBy(desc(auditEvents.id))
        .limit(100);
      if (events.length === 0) print('No platform events.');
      for (const e of events) print(`${e.createdAt.toISOString()}  ${e.action}  ${e.targetId}  ${JSON.stringify(e.details)}`);
    }
    return 0;
  } finally {
    await changes.stop();
    await database.close();
  }
}

export class UsageError extends Error {
  constructor() {
    super(USAGE);
  }
}

if (require.main === module) {
  serviceTokenCommand(process.argv.slice(2), process.env, (line) => void process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${USAGE}\n`);
        process.exit(2);
      }
      const message = error instanceof ConfigError || error instanceof KeywardError ? error.message : error instanceof Error ? error.message : String(error);
      process.stderr.write(`keyward: ${message}\n`);
      process.exit(1);
    },
  );
}
