import { randomUUID } from 'node:crypto';
import { DomainError } from '@app/contracts';
import type { Actor, CommandOutcomeEvent, CommandPage, CommandRequest, CommandView, CreateCommandRequest, ListCommandsRequest, MeterView } from '@app/contracts';
import type { Logger } from 'pino';
import { planTransition } from './command-transition';
import type { CommandSource, PlannedTransition } from './command-transition';
import type { DownlinkPublisher } from './command-publisher';
import { decodeCommandCursor } from './commands.repository';
import type { CommandsRepository, LockedCommand } from './commands.repository';
import { buildDownCommand } from './down-command';
import { encodeCommand } from './encode-command';

/** The meter by id as the current actor may see it (system.meter.get): NOT_FOUND for another tenant's. */
export type MeterLookup = (meterId: string) => Promise<MeterView>;
/** The ChirpStack application ingest last heard the device in (Redis `deviceApplicationKey`), or null. */
export type ApplicationLookup = (devEui: string) => Promise<string | null>;

export interface CommandSettings {
  /** Deadline of a command whose request names none. */
  defaultTtlSeconds: number;
  /** CHIRPSTACK_APPLICATION_ID: the application of a device ingest has not heard. */
  fallbackApplicationId?: string;
}

export type OutcomeResult = 'applied' | 'unchanged' | 'unknown' | 'mismatch';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The field of a command's value, per kind: what an encoder's refusal of "the command" is about. */
const VALUE_FIELD: Record<CommandRequest['type'], string> = {
  valve: 'open',
  relay: 'on',
  reporting_interval: 'seconds',
  time_sync: 'at',
  read_config: 'type',
  reset_counter: 'type',
};

/** The request's `{type, ...}` fields only (the options and the meter id are stored apart). */
export function commandOf(request: CreateCommandRequest): CommandRequest {
  switch (request.type) {
    case 'valve':
      return { type: 'valve', open: request.open };
    case 'relay':
      return { type: 'relay', on: request.on };
    case 'reporting_interval':
      return { type: 'reporting_interval', seconds: request.seconds };
    case 'time_sync':
      return { type: 'time_sync', at: request.at };
    case 'read_config':
      return { type: 'read_config' };
    case 'reset_counter':
      return { type: 'reset_counter' };
  }
}

/** encodeCommand names `command.type`, `command.at`, `command`: the request is flat, so the fields are `type`, `at`, the value. */
function renamedFields(error: DomainError, command: CommandRequest): DomainError {
  if (!error.fields) return error;
  const rename = (field: string): string => {
    if (field === 'command') return VALUE_FIELD[command.type];
    if (field.startsWith('command.')) return field.slice('command.'.length);
    if (field === 'codecId') return 'meterId';
    return field;
  };
  const fields = error.fields.map((f) => ({ ...f, field: rename(f.field) }));
  const code = error.code === 'VALIDATION_FAILED' && fields.some((f) => f.field === 'meterId') ? 'UNPROCESSABLE' : error.code;
  return new DomainError(code, error.message.replace(/^command(\.\w+)?:/, (m) => `${rename(m.slice(0, -1))}:`), fields);
}

const refuse = (code: 'UNPROCESSABLE' | 'CONFLICT', field: string, message: string): DomainError => new DomainError(code, `${field}: ${message}`, [{ field, message }]);

/**
 * Downlink commands of metering: creation (meter checked through the system service, payload encoded with the
 * meter's codec, `command/down` published with QoS 1), outcomes from ingest and the expiry of our own deadline.
 * Every state change goes through `nextState` (planTransition) on a locked row with its history row.
 */
export class CommandsService {
  constructor(
    private readonly repository: CommandsRepository,
    private readonly meters: MeterLookup,
    private readonly applications: ApplicationLookup,
    private readonly publisher: DownlinkPublisher,
    private readonly settings: CommandSettings,
    private readonly logger: Logger,
  ) {}

  async create(actor: Actor, request: CreateCommandRequest, now = new Date()): Promise<CommandView> {
    const meter = await this.meters(request.meterId);
    if (meter.status === 'archived') throw refuse('CONFLICT', 'meterId', 'the meter is archived');
    if (!meter.lorawan) throw refuse('UNPROCESSABLE', 'meterId', 'the meter has no LoRaWAN devEui: commands go to LoRaWAN devices only');
    if (!meter.codecId) throw refuse('UNPROCESSABLE', 'meterId', 'the meter has no codec to encode the command with');
    const command = commandOf(request);
    let encoded;
    try {
      encoded = encodeCommand(meter.codecId, command);
    } catch (error) {
      throw error instanceof DomainError ? renamedFields(error, command) : error;
    }
    const devEui = meter.lorawan.devEui.toLowerCase();
    const applicationId = await this.applicationOf(devEui);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + (request.expiresInSeconds ?? this.settings.defaultTtlSeconds) * 1000);
    const confirmed = request.confirmed ?? encoded.confirmed ?? true;
    const message = buildDownCommand({ commandId: id, applicationId, devEui, fPort: encoded.fPort, bytes: encoded.bytes, confirmed, expiresAt });
    await this.repository.insert({
      id,
      tenantId: actor.tenantId,
      meterId: meter.id,
      devEui,
      applicationId,
      kind: command.type,
      request: command,
      fPort: encoded.fPort,
      payloadHex: Buffer.from(encoded.bytes).toString('hex'),
      confirmed,
      expiresAt,
      actorKind: actor.kind,
      actorId: actor.id,
      createdAt: now,
    });
    try {
      await this.publisher.publish(message.topic, message.payload);
    } catch (error) {
      const reason = `MQTT publish failed: ${error instanceof Error ? error.message : String(error)}`;
      await this.transition(id, { kind: 'outcome', outcome: 'failed', reason }, 'publish', null);
      this.logger.error({ commandId: id, devEui, reason }, 'command/down was not published; the command is failed');
      throw new DomainError('DEPENDENCY_FAILED', `Command ${id} failed: ${reason}`);
    }
    this.logger.info({ commandId: id, meterId: meter.id, devEui, applicationId, kind: command.type, fPort: encoded.fPort, confirmed }, 'command/down published');
    const view = await this.repository.get(actor.tenantId, id);
    if (!view) throw new DomainError('INTERNAL', `command ${id} vanished after its creation`);
    return view;
  }

  async list(tenantId: string, request: ListCommandsRequest): Promise<CommandPage> {
    const after = request.cursor ? decodeCommandCursor(request.cursor) : undefined;
    await this.meters(request.meterId); // NOT_FOUND for another tenant's meter, not an empty page
    return this.repository.listByMeter(tenantId, request.meterId, request.limit ?? 50, after);
  }

  async get(tenantId: string, id: string): Promise<CommandView> {
    const view = await this.repository.get(tenantId, id, true);
    if (!view) throw new DomainError('NOT_FOUND', `Command ${id} not found`);
    return view;
  }

  /**
   * Applies one outcome from ingest. A command id we never sent (another tool's downlink) or one whose devEui
   * differs is ignored; repeats and older outcomes change nothing.
   */
  async applyOutcome(event: CommandOutcomeEvent, now = new Date()): Promise<OutcomeResult> {
    const eventAt = new Date(event.at);
    return this.repository.transaction(async (m) => {
      const command = await this.repository.lock(m, event.commandId);
      if (!command) {
        this.logger.debug({ commandId: event.commandId, devEui: event.devEui, outcome: event.outcome }, 'outcome of a command metering did not send: ignored');
        return 'unknown';
      }
      if (command.devEui !== event.devEui.toLowerCase()) {
        this.logger.warn({ commandId: command.id, devEui: event.devEui, expected: command.devEui }, 'outcome names another device than its command: ignored');
        return 'mismatch';
      }
      const plan = planTransition(command, { kind: 'outcome', outcome: event.outcome, ...(event.reason ? { reason: event.reason } : {}) }, 'outcome', now, Number.isNaN(eventAt.getTime()) ? null : eventAt);
      if (!plan) return 'unchanged';
      await this.repository.apply(m, command, plan, now);
      this.logInfo(command, plan);
      return 'applied';
    });
  }

  /** Expires the commands past their deadline (a batch at most); returns how many changed. */
  async expireDue(now = new Date(), limit = 500): Promise<number> {
    return this.repository.transaction(async (m) => {
      let changed = 0;
      for (const command of await this.repository.lockDue(m, now, limit)) {
        const plan = planTransition(command, { kind: 'deadline' }, 'deadline', now);
        if (!plan) continue;
        await this.repository.apply(m, command, plan, now);
        this.logInfo(command, plan);
        changed++;
      }
      return changed;
    });
  }

  private async transition(id: string, input: Parameters<typeof planTransition>[1], source: CommandSource, eventAt: Date | null): Promise<void> {
    await this.repository.transaction(async (m) => {
      const command = await this.repository.lock(m, id);
      if (!command) return;
      const plan = planTransition(command, input, source, new Date(), eventAt);
      if (plan) await this.repository.apply(m, command, plan, new Date());
    });
  }

  private logInfo(command: LockedCommand, plan: PlannedTransition): void {
    this.logger.info({ commandId: command.id, from: plan.fromState, to: plan.toState, source: plan.source, reason: plan.reason }, `command ${plan.toState}`);
  }

  private async applicationOf(devEui: string): Promise<string> {
    let heard: string | null;
    try {
      heard = await this.applications(devEui);
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', `Redis did not answer for the device's ChirpStack application: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (heard && UUID.test(heard)) return heard.toLowerCase();
    if (heard) this.logger.warn({ devEui, value: heard }, 'the recorded ChirpStack application id is not a UUID: ignored');
    if (this.settings.fallbackApplicationId) return this.settings.fallbackApplicationId.toLowerCase();
    throw refuse('CONFLICT', 'meterId', `no ChirpStack application known for devEui ${devEui}: ingest has not heard the device yet and CHIRPSTACK_APPLICATION_ID is not set`);
  }
}
