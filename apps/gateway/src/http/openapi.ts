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
        'Send `X-Correlation-Id` to follow a request through every service log.',
    )
    .setVersion(version)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: HEALTH_EXTRA_MODELS });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return document;
}
