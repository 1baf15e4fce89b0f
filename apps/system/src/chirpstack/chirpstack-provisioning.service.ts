import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/contracts';
import type { HistoryAction, MeterView, ProvisioningState, TenantId } from '@app/contracts';
import { SecretBox } from '../crypto/secret-box';
import type { MeterEntity } from '../database/entities/meter.entity';
import { diffFields } from '../history/history-diff';
import { HistoryRepository } from '../history/history.repository';
import { meterNotFound } from '../meters/meter-errors';
import { keyContext } from '../meters/meters.service';
import { METER_SECRET_FIELDS, meterSnapshot, toMeterView } from '../meters/meter.view';
import { MetersRepository } from '../meters/meters.repository';
import { ChirpstackClient, ChirpstackError } from './chirpstack-client';
import { deviceBody, keysBody } from './chirpstack-requests';
import { ChirpstackSettingsRef } from './chirpstack-settings';
import { MeterClaims } from './meter-claims';

interface Outcome {
  state: ProvisioningState;
  error: string | null;
}

const notConfigured = () =>
  new DomainError('CONFLICT', 'ChirpStack is not configured (CHIRPSTACK_API_URL, CHIRPSTACK_API_TOKEN, CHIRPSTACK_APPLICATION_ID, CHIRPSTACK_DEVICE_PROFILE_ID)');

/** Runs `create`; when ChirpStack says the object already exists (409), runs `update` instead. */
async function createOrUpdate(create: () => Promise<void>, update: () => Promise<void>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!(error instanceof ChirpstackError && error.status === 409)) throw error;
    await update();
  }
}

/**
 * Creates, re-keys and deletes the ChirpStack devices of LoRaWAN meters. Always called after the
 * meter's own transaction committed (no transaction is held open while ChirpStack is asked); the
 * outcome is then written on the meter (state, ChirpStack's error, time) with a history row. A failed
 * attempt never loses the meter: it stays `failed` until POST /meters/:id/provision succeeds.
 */
@Injectable()
export class ChirpstackProvisioningService {
  constructor(
    private readonly meters: MetersRepository,
    private readonly history: HistoryRepository,
    private readonly box: SecretBox,
    private readonly client: ChirpstackClient,
    private readonly settings: ChirpstackSettingsRef,
    private readonly claims: MeterClaims,
  ) {}

  /** After registration: a LoRaWAN meter is created in ChirpStack unless the request said `provision: false`. */
  async afterCreate(tenantId: TenantId, view: MeterView, requested: boolean | undefined): Promise<MeterView> {
    if (!this.client.configured || !view.lorawan || requested === false) return view;
    return toMeterView(await this.provision(tenantId, view.id));
  }

  /** After the AppKey changed: PUT keys for a provisioned device, a whole new attempt after a failed one. */
  async afterKeyChange(tenantId: TenantId, view: MeterView): Promise<MeterView> {
    const state = view.provisioning?.state;
    if (!this.client.configured || !state || state === 'not_configured' || view.status === 'archived') return view;
    return toMeterView(state === 'provisioned' ? await this.rekey(tenantId, view.id) : await this.provision(tenantId, view.id));
  }

  /** After archiving: the device leaves ChirpStack. */
  async afterArchive(tenantId: TenantId, view: MeterView): Promise<MeterView> {
    const state = view.provisioning?.state;
    if (!this.client.configured || !state || state === 'not_configured') return view;
    return toMeterView(await this.deprovision(tenantId, view.id));
  }

  /**
   * POST /meters/:id/provision: creates (or updates) the device and its keys; for an archived meter,
   * deletes it. CONFLICT while the background worker (or another retry) is provisioning the meter.
   */
  async retry(tenantId: TenantId, id: string): Promise<MeterView> {
    if (!this.client.configured) throw notConfigured();
    const view = await this.claims.run(id, () => this.retryHeld(tenantId, id));
    if (view === 'busy') throw new DomainError('CONFLICT', 'The meter is being provisioned right now; try again in a moment');
    return view;
  }

  private async retryHeld(tenantId: TenantId, id: string): Promise<MeterView> {
    const meter = await this.meters.findById(tenantId, id);
    if (!meter) throw meterNotFound();
    if (!meter.devEui) throw new DomainError('CONFLICT', 'The meter has no LoRaWAN identity (devEui) to provision');
    if (meter.status !== 'archived') return toMeterView(await this.provision(tenantId, id));
    if (meter.provisioningState === 'not_configured') throw new DomainError('CONFLICT', 'The meter is archived and not in ChirpStack');
    return toMeterView(await this.deprovision(tenantId, id));
  }

  /**
   * The background path (imported meters, `pending` ones found at start): provisions the meter when it
   * is still `pending`, exactly as a single creation does; otherwise (already done, archived, gone)
   * leaves it alone. The caller holds the meter's claim. Returns the state written, or null.
   */
  async provisionPending(tenantId: TenantId, id: string): Promise<ProvisioningState | null> {
    if (!this.client.configured) return null;
    const meter = await this.meters.findById(tenantId, id);
    if (!meter?.devEui || meter.provisioningState !== 'pending' || meter.status === 'archived') return null;
    const outcome = await this.attempt(() => this.createDeviceAndKeys(meter));
    return (await this.record(tenantId, id, outcome, 'provision')).provisioningState;
  }

  private async provision(tenantId: TenantId, id: string): Promise<MeterEntity> {
    const meter = await this.markPending(tenantId, id);
    const outcome = await this.attempt(() => this.createDeviceAndKeys(meter));
    return this.record(tenantId, id, outcome, 'provision');
  }

  private async rekey(tenantId: TenantId, id: string): Promise<MeterEntity> {
    const meter = await this.markPending(tenantId, id);
    const outcome = await this.attempt(async () => {
      const devEui = meter.devEui ?? '';
      try {
        if (meter.appKeyEnc) await this.client.updateKeys(devEui, keysBody(this.appKeyOf(meter)));
      } catch (error) {
        // The device (or its keys) went missing in ChirpStack: create both again.
        if (!(error instanceof ChirpstackError && error.status === 404)) throw error;
        await this.createDeviceAndKeys(meter);
      }
    });
    return this.record(tenantId, id, outcome, 'provision');
  }

  private async deprovision(tenantId: TenantId, id: string): Promise<MeterEntity> {
    const meter = await this.meters.findById(tenantId, id);
    if (!meter?.devEui) throw meterNotFound();
    const devEui = meter.devEui;
    const outcome = await this.attempt(async () => {
      try {
        await this.client.deleteDevice(devEui);
      } catch (error) {
        // Already gone is what we wanted.
        if (!(error instanceof ChirpstackError && error.status === 404)) throw error;
      }
    }, 'not_configured');
    return this.record(tenantId, id, outcome, 'deprovision');
  }

  private async createDeviceAndKeys(meter: MeterEntity): Promise<void> {
    const settings = this.settings.value;
    if (!settings || !meter.devEui) throw notConfigured();
    const device = deviceBody(meter, settings);
    await createOrUpdate(
      () => this.client.createDevice(device),
      () => this.client.updateDevice(device),
    );
    if (!meter.appKeyEnc) return;
    const keys = keysBody(this.appKeyOf(meter));
    const devEui = meter.devEui;
    await createOrUpdate(
      () => this.client.createKeys(devEui, keys),
      () => this.client.updateKeys(devEui, keys),
    );
  }

  private appKeyOf(meter: MeterEntity): string {
    return this.box.open(meter.appKeyEnc ?? '', keyContext(meter.id, 'appKey'));
  }

  /** ChirpStack's refusal (or silence) becomes `failed` with its message; anything else is a bug and propagates. */
  private async attempt(work: () => Promise<void>, success: ProvisioningState = 'provisioned'): Promise<Outcome> {
    try {
      await work();
      return { state: success, error: null };
    } catch (error) {
      if (error instanceof DomainError) return { state: 'failed', error: error.message };
      throw error;
    }
  }

  /** `pending` while ChirpStack is asked (no history row: the outcome gets one). */
  private async markPending(tenantId: TenantId, id: string): Promise<MeterEntity> {
    return this.meters.transaction(async (manager) => {
      const meter = await this.meters.findByIdForUpdate(manager, tenantId, id);
      if (!meter) throw meterNotFound();
      return this.meters.update(manager, tenantId, id, { provisioningState: 'pending' });
    });
  }

  /** Writes the outcome on the meter with its history row, in one transaction. */
  private record(tenantId: TenantId, id: string, outcome: Outcome, action: HistoryAction): Promise<MeterEntity> {
    return this.meters.transaction(async (manager) => {
      const before = await this.meters.findByIdForUpdate(manager, tenantId, id);
      if (!before) throw meterNotFound();
      const after = await this.meters.update(manager, tenantId, id, { provisioningState: outcome.state, provisioningError: outcome.error, provisioningAt: new Date() });
      await this.history.record(manager, tenantId, { entityType: 'meter', entityId: id, action, changes: diffFields(meterSnapshot(before), meterSnapshot(after), METER_SECRET_FIELDS) });
      return after;
    });
  }
}
