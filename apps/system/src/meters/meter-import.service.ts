import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { LOGGER } from '@app/common';
import { METER_IMPORT_COLUMNS } from '@app/contracts';
import type { CreateMeterRequest, ImportReport, ImportRequest, TenantId } from '@app/contracts';
import { existingNodeIds } from '../bulk/existing-nodes';
import { InFileDuplicates, RowErrors, cellsOfRows, checkColumns } from '../bulk/import-rows';
import { ProvisioningQueue } from '../chirpstack/provisioning-queue';
import { SecretBox } from '../crypto/secret-box';
import { RegistryEvents } from '../device-resolution/registry-events';
import type { MeterEntity } from '../database/entities/meter.entity';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { meterConflicts } from './meter-errors';
import { newMeterRecord } from './meter-record';
import { validateMeterRow } from './meter-import-rows';
import { METER_SECRET_FIELDS, meterSnapshot } from './meter.view';
import { MetersRepository } from './meters.repository';
import type { NewMeter } from './meters.repository';

/** An import this large changes the table enough to refresh its planner statistics at once. */
const ANALYZE_AFTER_ROWS = 1000;

interface Candidate {
  line: number;
  request: CreateMeterRequest;
}

/** The row as stored (column defaults left out: they are the same for every imported meter). */
const asStored = (record: NewMeter, tenantId: TenantId, now: Date): MeterEntity => ({ ...record, tenantId, createdAt: now, updatedAt: now }) as MeterEntity;

const serialKey = (r: CreateMeterRequest): string => `${r.vendor}\u0000${r.serial}`;
const devEuiKey = (r: CreateMeterRequest): string | null => r.lorawan?.devEui.toLowerCase() ?? null;
const wmbusKey = (r: CreateMeterRequest): string | null => (r.wmbus ? `${r.wmbus.manufacturer.toUpperCase()}\u0000${r.wmbus.id}` : null);

/**
 * Imports meters from the rows of a file: every row checked with the rules of a single creation,
 * duplicates found inside the file and against the tenant's meters, then all valid rows written with
 * their history rows in one transaction (multi-row statements). With ChirpStack configured, the
 * LoRaWAN meters are written `pending` and handed to the provisioning queue after the commit (the
 * answer does not wait for ChirpStack).
 */
@Injectable()
export class MeterImportService {
  constructor(
    private readonly meters: MetersRepository,
    private readonly history: HistoryRepository,
    private readonly box: SecretBox,
    private readonly provisioning: ProvisioningQueue,
    private readonly events: RegistryEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async import(tenantId: TenantId, request: ImportRequest): Promise<ImportReport> {
    checkColumns(request.columns, METER_IMPORT_COLUMNS, ['serial', 'vendor', 'utility']);
    const rows = cellsOfRows(request);
    const errors = new RowErrors();
    const candidates: Candidate[] = [];
    const serials = new InFileDuplicates(errors, 'serial', 'this vendor and serial');
    const devEuis = new InFileDuplicates(errors, 'devEui', 'this devEui');
    const wmbus = new InFileDuplicates(errors, 'wmbusId', 'this wM-Bus manufacturer and id');
    for (const { line, cells } of rows) {
      const valid = validateMeterRow(line, cells, errors);
      if (!valid) continue;
      serials.check(line, serialKey(valid));
      devEuis.check(line, devEuiKey(valid));
      wmbus.check(line, wmbusKey(valid));
      candidates.push({ line, request: valid });
    }
    let pending: string[] = [];
    let created: NewMeter[] = [];
    const report = await meterConflicts(() =>
      this.meters.transaction(async (manager) => {
        await this.checkAgainstDatabase(manager, tenantId, candidates, errors);
        if (request.mode === 'all-or-nothing' && errors.size > 0) throw errors.rejectAll(rows.length);
        const records = candidates.filter((c) => !errors.has(c.line)).map((c) => this.withProvisioning(newMeterRecord(randomUUID(), c.request, this.box)));
        await this.meters.insertMany(manager, tenantId, records);
        pending = records.filter((r) => r.provisioningState === 'pending').map((r) => r.id);
        created = records;
        const now = new Date();
        await this.history.recordMany(
          manager,
          tenantId,
          records.map((record) => ({
            entityType: 'meter',
            entityId: record.id,
            action: 'create',
            changes: diffFields(null, meterSnapshot(asStored(record, tenantId, now)), METER_SECRET_FIELDS),
          })),
        );
        return errors.report(request.mode, rows.length, records.length);
      }),
    );
    if (report.created >= ANALYZE_AFTER_ROWS) await this.meters.analyze();
    // Committed: a devEui ingest saw as unknown is known now (one stream entry per meter).
    await this.events.meterChanged(tenantId, created, 'import');
    // Committed: a Redis failure here leaves the meters `pending` for the sweep at the next start.
    await this.provisioning.enqueue(tenantId, pending).catch((error: unknown) => this.logger.error({ err: error, meters: pending.length }, 'imported meters not enqueued for ChirpStack provisioning'));
    return report;
  }

  /** A LoRaWAN meter starts `pending` when ChirpStack is configured (the queue provisions it). */
  private withProvisioning(record: NewMeter): NewMeter {
    return this.provisioning.active && record.devEui && record.status !== 'archived' ? { ...record, provisioningState: 'pending' } : record;
  }

  /** Serial, devEui and wM-Bus address already taken in the tenant; nodes that are not the tenant's. */
  private async checkAgainstDatabase(manager: EntityManager, tenantId: TenantId, candidates: Candidate[], errors: RowErrors): Promise<void> {
    const requests = candidates.map((c) => c.request);
    const taken = await this.meters.takenIdentities(manager, tenantId, {
      serials: requests.map((r) => [r.vendor, r.serial]),
      devEuis: requests.map(devEuiKey).filter((k): k is string => k !== null),
      wmbus: requests.flatMap((r): [string, string][] => (r.wmbus ? [[r.wmbus.manufacturer.toUpperCase(), r.wmbus.id]] : [])),
    });
    const nodes = await existingNodeIds(manager, tenantId, requests.map((r) => r.nodeId).filter((id): id is string => !!id));
    for (const { line, request } of candidates) {
      if (taken.serials.has(serialKey(request))) errors.add(line, 'serial', 'a meter of this vendor with this serial number already exists');
      const eui = devEuiKey(request);
      if (eui && taken.devEuis.has(eui)) errors.add(line, 'devEui', 'a meter with this devEui already exists');
      const address = wmbusKey(request);
      if (address && taken.wmbus.has(address)) errors.add(line, 'wmbusId', 'a meter with this wM-Bus manufacturer and id already exists');
      if (request.nodeId && !nodes.has(request.nodeId)) errors.add(line, 'nodeId', 'hierarchy node not found');
    }
  }
}
