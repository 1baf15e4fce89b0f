import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, SERVICE_POINT_IMPORT_COLUMNS } from '@app/contracts';
import type { CreateServicePointRequest, ImportReport, ImportRequest, TenantId } from '@app/contracts';
import { existingNodeIds } from '../bulk/existing-nodes';
import { InFileDuplicates, RowErrors, cellsOfRows, checkColumns } from '../bulk/import-rows';
import { ruleOfRow } from '../bulk/rule-errors';
import { ConsumersBulkRepository } from '../consumers/consumers-bulk.repository';
import type { ServicePointEntity } from '../database/entities/service-point.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { validateNewServicePoint } from './service-point-rules';
import type { ServicePointFields } from './service-point-rules';
import { servicePointSnapshot } from './service-point.view';
import { ServicePointsBulkRepository } from './service-points-bulk.repository';
import { ServicePointsRepository } from './service-points.repository';

/**
 * Imports service points from the rows of a file: each row by `validateNewServicePoint`, then the
 * checks of a single creation for a whole file (code unique per tenant, consumer the tenant's and
 * not closed, node the tenant's).
 */
@Injectable()
export class ServicePointImportService {
  constructor(
    private readonly points: ServicePointsRepository,
    private readonly bulk: ServicePointsBulkRepository,
    private readonly consumers: ConsumersBulkRepository,
    private readonly history: HistoryRepository,
  ) {}

  async import(tenantId: TenantId, request: ImportRequest): Promise<ImportReport> {
    checkColumns(request.columns, SERVICE_POINT_IMPORT_COLUMNS, ['code', 'utility']);
    const rows = cellsOfRows(request);
    const errors = new RowErrors();
    const codes = new InFileDuplicates(errors, 'code', 'this code');
    const candidates: { line: number; fields: ServicePointFields }[] = [];
    for (const { line, cells } of rows) {
      const fields = ruleOfRow(line, errors, () => validateNewServicePoint(cells as unknown as CreateServicePointRequest));
      if (!fields) continue;
      codes.check(line, fields.code);
      candidates.push({ line, fields });
    }
    try {
      return await this.points.transaction(async (manager) => {
        const taken = await this.bulk.takenCodes(manager, tenantId, candidates.map((c) => c.fields.code));
        const consumers = await this.consumers.statusOf(manager, tenantId, candidates.flatMap((c) => (c.fields.consumerId ? [c.fields.consumerId] : [])));
        const nodes = await existingNodeIds(manager, tenantId, candidates.flatMap((c) => (c.fields.nodeId ? [c.fields.nodeId] : [])));
        for (const { line, fields } of candidates) {
          if (taken.has(fields.code)) errors.add(line, 'code', 'a service point with this code already exists');
          if (fields.consumerId) {
            const status = consumers.get(fields.consumerId);
            if (!status) errors.add(line, 'consumerId', 'consumer not found');
            else if (status === 'closed') errors.add(line, 'consumerId', 'the consumer is closed');
          }
          if (fields.nodeId && !nodes.has(fields.nodeId)) errors.add(line, 'nodeId', 'hierarchy node not found');
        }
        if (request.mode === 'all-or-nothing' && errors.size > 0) throw errors.rejectAll(rows.length);
        const records = candidates.filter((c) => !errors.has(c.line)).map((c) => ({ id: randomUUID(), ...c.fields }));
        await this.bulk.insertMany(manager, tenantId, records);
        const now = new Date();
        await this.history.recordMany(
          manager,
          tenantId,
          records.map((record) => {
            const stored: ServicePointEntity = { ...record, tenantId, status: 'active', createdAt: now, updatedAt: now };
            return { entityType: 'service_point', entityId: record.id, action: 'create', changes: diffFields(null, servicePointSnapshot(stored)) };
          }),
        );
        return errors.report(request.mode, rows.length, records.length);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'service_points_tenant_code_key')) throw new DomainError('CONFLICT', 'A service point with one of these codes was created while importing; import again');
      throw error;
    }
  }
}
