/**
 * Fallback server for `.ci/mcp-conformance.sh` (and manual Inspector runs): the MCP router
 * alone on a bare Express app, over the real index (ingested first when missing or stale).
 * Entry file: reads the environment (HOST, PORT, INDEX_DIR, …). Logs go to stderr.
 * Prints nothing on stdout; the script waits for the port instead.
 */
import express from 'express';
import { pino } from 'pino';
import { runIngest } from '../../ingest/pipeline.js';
import { indexStatus, loadIndex } from '../../ingest/store/index-reader.js';
import { loadConfig } from '../../common/config.js';
import { createPlanAssistant } from '../../server/core/assistant.js';
import { createMcpHttpHandler } from '../../server/mcp/http.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.LOG_LEVEL, name: 'mcp-conformance' }, pino.destination({ fd: 2, sync: true }));
  const status = await indexStatus(config.indexPath, config.corpusPath);
  if (!status.exists || status.stale) await runIngest(config);
  const assistant = createPlanAssistant({ index: await loadIndex(config.indexPath, { config }), config });
  const mcp = createMcpHttpHandler({ getAssistant: () => assistant, config, logger });
  const app = express();
  app.use(mcp.router);
  const server = app.listen(config.PORT, config.HOST, () => logger.info({ host: config.HOST, port: config.PORT }, 'MCP HTTP sẵn sàng'));
  const stop = () => {
    void mcp.close().finally(() => server.close(() => process.exit(0)));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`serve-for-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
