import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, ServiceHealthService } from '@app/common';
import { MqttConnection } from './mqtt-connection';
import type { MqttSettings } from './mqtt-connection';

export const MQTT = Symbol('MQTT');

class MqttLifecycle implements OnApplicationShutdown {
  constructor(@Inject(MQTT) private readonly connection: MqttConnection) {}
  onApplicationShutdown(): Promise<void> {
    return this.connection.close();
  }
}

@Module({})
export class MqttModule {
  static register(settings: MqttSettings): DynamicModule {
    return {
      global: true,
      module: MqttModule,
      providers: [
        {
          provide: MQTT,
          inject: [ServiceHealthService, LOGGER],
          useFactory: (health: ServiceHealthService, logger: Logger) => {
            const connection = new MqttConnection(settings, logger);
            health.register(connection);
            return connection;
          },
        },
        MqttLifecycle,
      ],
      exports: [MQTT],
    };
  }
}
