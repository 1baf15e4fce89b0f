import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER, ServiceHealthService, createRedisClient, createRedisClientProxy, createRpcClient } from '@app/common';
import { SystemPatterns, deviceApplicationKey } from '@app/contracts';
import { POSTGRES } from '@app/postgres';
import type { MeteringConfig } from '../config';
import { CommandPublisher } from './command-publisher';
import { CommandsRepository } from './commands.repository';
import { CommandsRpc } from './commands.rpc';
import { CommandsService } from './commands.service';
import { CommandExpirySweep } from './expiry-sweep';
import { CommandOutcomeConsumer, DEFAULT_OUTCOME_CONSUMER_OPTIONS } from './outcome-consumer';

const SYSTEM_PROXY = Symbol('METERING_SYSTEM_PROXY');
const LOOKUP_REDIS = Symbol('METERING_COMMAND_REDIS');

class CommandsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly consumer: CommandOutcomeConsumer,
    private readonly sweep: CommandExpirySweep,
    private readonly publisher: CommandPublisher,
    @Inject(SYSTEM_PROXY) private readonly proxy: ClientProxy,
    @Inject(LOOKUP_REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.sweep.stop();
    await this.publisher.close();
    await this.proxy.close();
    this.redis.disconnect();
  }
}

export interface CommandsModuleOptions {
  config: MeteringConfig;
  /** Consumer name in the outcome group: the instance id, stable across restarts. */
  instance: string;
}

/**
 * Downlink commands: `metering.command.*` RPCs, the MQTT publisher of `command/down`, the follower of ingest's
 * outcome stream and the expiry sweep. Meters are checked through the system service (with the caller's actor).
 */
@Module({})
export class CommandsModule {
  static register({ config, instance }: CommandsModuleOptions): DynamicModule {
    return {
      module: CommandsModule,
      controllers: [CommandsRpc],
      providers: [
        { provide: SYSTEM_PROXY, useFactory: () => createRedisClientProxy(config.REDIS_URL) },
        { provide: LOOKUP_REDIS, useFactory: () => createRedisClient(config.REDIS_URL) },
        {
          provide: CommandPublisher,
          inject: [ServiceHealthService, LOGGER],
          useFactory: (health: ServiceHealthService, logger: Logger) => {
            const publisher = new CommandPublisher(
              {
                url: config.MQTT_URL,
                username: config.MQTT_USERNAME,
                password: config.MQTT_PASSWORD,
                clientId: `headend-metering-${instance}`.slice(0, 64),
                publishTimeoutMs: config.METERING_MQTT_PUBLISH_TIMEOUT_MS,
              },
              logger,
            );
            health.register(publisher);
            return publisher;
          },
        },
        {
          provide: CommandsService,
          inject: [POSTGRES, SYSTEM_PROXY, LOOKUP_REDIS, CommandPublisher, LOGGER],
          useFactory: (db: DataSource, proxy: ClientProxy, redis: Redis, publisher: CommandPublisher, logger: Logger) => {
            const system = createRpcClient('system', proxy, 'metering', config.RPC_TIMEOUT_MS);
            return new CommandsService(
              new CommandsRepository(db),
              (meterId) => system.send(SystemPatterns.meterGet, { id: meterId }),
              (devEui) => redis.get(deviceApplicationKey(devEui)),
              publisher,
              { defaultTtlSeconds: config.METERING_COMMAND_TTL_SECONDS, fallbackApplicationId: config.CHIRPSTACK_APPLICATION_ID },
              logger,
            );
          },
        },
        {
          provide: CommandOutcomeConsumer,
          inject: [CommandsService, LOGGER],
          useFactory: (service: CommandsService, logger: Logger) =>
            new CommandOutcomeConsumer(createRedisClient(config.REDIS_URL), (event) => service.applyOutcome(event), logger, { ...DEFAULT_OUTCOME_CONSUMER_OPTIONS, consumer: instance }),
        },
        {
          provide: CommandExpirySweep,
          inject: [CommandsService, LOGGER],
          useFactory: (service: CommandsService, logger: Logger) => new CommandExpirySweep(() => service.expireDue(), config.METERING_COMMAND_SWEEP_MS, logger),
        },
        CommandsLifecycle,
      ],
    };
  }
}
