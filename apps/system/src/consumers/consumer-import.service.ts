import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CONSUMER_IMPORT_COLUMNS, DomainError } from '@app/contracts';
import type { CreateConsumerRequest, ImportReport, ImportRequest, TenantId } from '@app/contracts';
import { InFileDuplicates, RowErrors, cellsOfRows, checkColumns } from '../bulk/import-rows';
import { ruleOfRow } from '../bulk/rule-errors';
import type { ConsumerEntity } from '../database/entities/consumer.entity';
import { isUniqueViolation } from '../database/pg-errors';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { validateNewConsumer } from './consumer-rules';
import type { ConsumerFields } from './consumer-rules';
import { consumerSnapshot } from './consumer.view';
import { ConsumersBulkRepository } from './consumers-bulk.repository';
import { ConsumersRepository } from './consumers.repository';

/** Imports consumers from the rows of a file: each row by `validateNewConsumer` (the rule of a single creation), account numbers unique per tenant. */
@Injectable()
export class ConsumerImportService {
  constructor(
    private readonly consumers: ConsumersRepository,
    private readonly bulk: ConsumersBulkRepository,
    private readonly history: HistoryRepository,
  ) {}

  async import(tenantId: TenantId, request: ImportRequest): Promise<ImportReport> {
    checkColumns(request.columns, CONSUMER_IMPORT_COLUMNS, ['kind', 'accountNumber', 'name']);
    const rows = cellsOfRows(request);
    const errors = new RowErrors();
    const accounts = new InFileDuplicates(errors, 'accountNumber', 'this account number');
    const candidates: { line: number; fields: ConsumerFields }[] = [];
    for (const { line, cells } of rows) {
      const fields = ruleOfRow(line, errors, () => validateNewConsumer(cells as unknown as CreateConsumerRequest));
      if (!fields) continue;
      accounts.check(line, fields.accountNumber);
      candidates.push({ line, fields });
    }
    try {
      return await this.consumers.transaction(async (manager) => {
        const taken = await this.bulk.takenAccountNumbers(manager, tenantId, candidates.map((c) => c.fields.accountNumber));
        for (const { line, fields } of candidates) if (taken.has(fields.accountNumber)) errors.add(line, 'accountNumber', 'a consumer with this account number already exists');
        if (request.mode === 'all-or-nothing' && errors.size > 0) throw errors.rejectAll(rows.length);
        const records = candidates.filter((c) => !errors.has(c.line)).map((c) => ({ id: randomUUID(), ...c.fields }));
        await this.bulk.insertMany(manager, tenantId, records);
        const now = new Date();
        await this.history.recordMany(
          manager,
          tenantId,
          records.map((record) => {
            const stored: ConsumerEntity = { ...record, tenantId, status: 'active', closedAt: null, createdAt: now, updatedAt: now };
            return { entityType: 'consumer', entityId: record.id, action: 'create', changes: diffFields(null, consumerSnapshot(stored)) };
          }),
        );
        return errors.report(request.mode, rows.length, records.length);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'consumers_tenant_account_key')) throw new DomainError('CONFLICT', 'A consumer with one of these account numbers was created while importing; import again');
      throw error;
    }
  }
}
