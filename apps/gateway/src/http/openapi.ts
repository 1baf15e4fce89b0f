import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { HEALTH_EXTRA_MODELS } from '../health/health.openapi';

/** Builds the OpenAPI document and serves it at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Open HES + MDM API')
    .setDescription(
      'REST API of the platform for operators, consumers and integrations (CIS, SCADA, ERP). ' +
        'Errors share one body: `{ error: { code, message, fields?, correlationId } }`. ' +
        'Send `X-Correlation-Id` to follow a request through every service log. ' +
        'Authenticate with `Authorization: Bearer <access token>` (from `POST /api/v1/auth/login`) or with an API key ' +
        '(`Authorization: Bearer ohk_...` or `X-API-Key: ohk_...`). Each operation names the permissions it needs in ' +
        '`x-required-permissions`; operations marked `x-public` need none.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key', description: 'Access token or API key' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key (ohk_...)' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: HEALTH_EXTRA_MODELS });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return document;
}
