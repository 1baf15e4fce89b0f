import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HttpErrorFilter, NestPinoLogger, createValidationPipe, processIdentity, redactConfig } from '@app/common';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { correlationMiddleware } from './http/correlation.middleware';
import { setupOpenApi } from './http/openapi';
import { serveConsole } from './http/ui';

async function bootstrap(): Promise<void> {
  const config = loadGatewayConfig();
  const identity = processIdentity('gateway', config);
  const { logger } = identity;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'Unhandled promise rejection'));
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config, identity), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(correlationMiddleware(logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.enableShutdownHooks();
  setupOpenApi(app, identity.version);
  serveConsole(app, config.UI_DIST, logger);
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  logger.info({ config: redactConfig({ ...config }), url: await app.getUrl() }, 'gateway listening');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
