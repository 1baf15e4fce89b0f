import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, GATEWAY_IMPORT_COLUMNS } from '@app/contracts';
import type { CreateGatewayRequest, ImportReport, ImportRequest, TenantId } from '@app/contracts';
import { existingNodeIds } from '../bulk/existing-nodes';
import { InFileDuplicates, RowErrors, cellsOfRows, checkColumns } from '../bulk/import-rows';
import { isUniqueViolation } from '../database/pg-errors';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { newGatewayRecord } from './gateway-record';
import { validateGatewayRow } from './gateway-import-rows';
import { gatewaySnapshot } from './gateway.view';
import { GatewaysRepository } from './gateways.repository';

/** Imports gateways from the rows of a file, as `MeterImportService` does meters (EUI unique per tenant). */
@Injectable()
export class GatewayImportService {
  constructor(
    private readonly gateways: GatewaysRepository,
    private readonly history: HistoryRepository,
  ) {}

  async import(tenantId: TenantId, request: ImportRequest): Promise<ImportReport> {
    checkColumns(request.columns, GATEWAY_IMPORT_COLUMNS, ['eui', 'name']);
    const rows = cellsOfRows(request);
    const errors = new RowErrors();
    const candidates: { line: number; request: CreateGatewayRequest }[] = [];
    const euis = new InFileDuplicates(errors, 'eui', 'this EUI');
    for (const { line, cells } of rows) {
      const valid = validateGatewayRow(line, cells, errors);
      if (!valid) continue;
      euis.check(line, valid.eui.toLowerCase());
      candidates.push({ line, request: valid });
    }
    try {
      return await this.gateways.transaction(async (manager) => {
        const taken = await this.gateways.takenEuis(manager, tenantId, candidates.map((c) => c.request.eui.toLowerCase()));
        const nodes = await existingNodeIds(manager, tenantId, candidates.map((c) => c.request.nodeId).filter((id): id is string => !!id));
        for (const { line, request: r } of candidates) {
          if (taken.has(r.eui.toLowerCase())) errors.add(line, 'eui', 'a gateway with this EUI already exists');
          if (r.nodeId && !nodes.has(r.nodeId)) errors.add(line, 'nodeId', 'hierarchy node not found');
        }
        if (request.mode === 'all-or-nothing' && errors.size > 0) throw errors.rejectAll(rows.length);
        const records = candidates.filter((c) => !errors.has(c.line)).map((c) => newGatewayRecord(randomUUID(), c.request));
        await this.gateways.insertMany(manager, tenantId, records);
        const now = new Date();
        await this.history.recordMany(
          manager,
          tenantId,
          records.map((record) => ({ entityType: 'gateway', entityId: record.id, action: 'create', changes: diffFields(null, gatewaySnapshot({ ...record, tenantId, createdAt: now, updatedAt: now })) })),
        );
        return errors.report(request.mode, rows.length, records.length);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'gateways_tenant_eui_key')) throw new DomainError('CONFLICT', 'A gateway with this EUI was created while importing; import again');
      throw error;
    }
  }
}
