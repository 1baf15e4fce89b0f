import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { AttachMeterRequest, DetachMeterRequest, ServicePointMeterView, TenantId } from '@app/contracts';
import type { ReadScope } from '../access/read-scope';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { MetersRepository } from '../meters/meters.repository';
import { assertNoOverlap } from './service-point-rules';
import { toServicePointMeterView } from './service-point.view';
import { ServicePointsRepository, servicePointConflicts } from './service-points.repository';
import { ServicePointsService, notFound } from './service-points.service';

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', `Invalid request: ${field}`, [{ field, message }]);

/**
 * Which meters serve which service point, over time. Attaching and detaching lock the point and the
 * meter, and write the link and a history row on both in one transaction.
 */
@Injectable()
export class MeterLinksService {
  constructor(
    private readonly points: ServicePointsRepository,
    private readonly pointRules: ServicePointsService,
    private readonly meters: MetersRepository,
    private readonly history: HistoryRepository,
  ) {}

  attach(tenantId: TenantId, request: AttachMeterRequest): Promise<ServicePointMeterView> {
    const validFrom = new Date(request.validFrom);
    return servicePointConflicts(() =>
      this.points.transaction(async (manager) => {
        const point = await this.pointRules.locked(manager, tenantId, request.id);
        if (point.status === 'closed') throw new DomainError('CONFLICT', 'The service point is closed');
        const meter = await this.meters.findByIdForUpdate(manager, tenantId, request.meterId);
        if (!meter) throw notFound('Meter');
        if (meter.status === 'archived') throw new DomainError('CONFLICT', 'The meter is archived');
        if (meter.utility !== point.utility) throw invalid('meterId', `must be a ${point.utility} meter like the service point`);
        assertNoOverlap(await this.points.linksOfMeter(manager, tenantId, meter.id), validFrom);
        const link = await this.points.insertLink(manager, tenantId, { id: randomUUID(), servicePointId: point.id, meterId: meter.id, validFrom });
        const at = new Date();
        await this.history.record(manager, tenantId, { entityType: 'service_point', entityId: point.id, action: 'attach_meter', changes: diffFields(null, { meterId: meter.id, validFrom }), at });
        await this.history.record(manager, tenantId, { entityType: 'meter', entityId: meter.id, action: 'attach_meter', changes: diffFields(null, { servicePointId: point.id, validFrom }), at });
        return toServicePointMeterView(link);
      }),
    );
  }

  detach(tenantId: TenantId, request: DetachMeterRequest): Promise<ServicePointMeterView> {
    const validTo = new Date(request.validTo);
    return this.points.transaction(async (manager) => {
      const point = await this.pointRules.locked(manager, tenantId, request.id);
      const link = await this.points.openLink(manager, tenantId, point.id, request.meterId);
      if (!link) throw notFound('Meter link');
      if (validTo.getTime() <= link.validFrom.getTime()) throw invalid('validTo', `must be after the start of the link (${link.validFrom.toISOString()})`);
      const closed = await this.points.closeLink(manager, tenantId, link.id, validTo);
      const at = new Date();
      await this.history.record(manager, tenantId, { entityType: 'service_point', entityId: point.id, action: 'detach_meter', changes: diffFields({ meterId: link.meterId, validTo: null }, { meterId: null, validTo }), at });
      await this.history.record(manager, tenantId, { entityType: 'meter', entityId: link.meterId, action: 'detach_meter', changes: diffFields({ servicePointId: point.id, validTo: null }, { servicePointId: null, validTo }), at });
      return toServicePointMeterView(closed);
    });
  }

  /** The meters serving a point over time; NOT_FOUND when the scope may not see the point. */
  async metersOfPoint(scope: ReadScope, id: string): Promise<ServicePointMeterView[]> {
    if (!(await this.points.findVisible(scope, id))) throw notFound();
    return (await this.points.metersOfPoint(scope, id)).map(toServicePointMeterView);
  }

  /** The points a meter served over time; NOT_FOUND when the scope may not see the meter. */
  async pointsOfMeter(scope: ReadScope, meterId: string): Promise<ServicePointMeterView[]> {
    if (!(await this.meters.findVisible(scope, meterId))) throw notFound('Meter');
    return (await this.points.pointsOfMeter(scope, meterId)).map(toServicePointMeterView);
  }
}
