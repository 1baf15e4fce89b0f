import { createLogger } from '@app/common';
import { testServices, uniqueName, waitFor } from '@app/testing';
import { MqttConnection } from './mqtt-connection';

const logger = createLogger({ service: 'ingest', version: '0', level: 'silent' });

describe('MqttConnection against the real Mosquitto', () => {
  it('connects with MQTT v5 and a persistent session, and reports up', async () => {
    const connection = new MqttConnection({ url: testServices.mqttUrl, clientId: uniqueName('itest-ingest') }, logger);
    connection.start();
    try {
      await waitFor('MQTT connect', async () => connection.client.connected, 10_000, 50);
      expect(connection.client.options.protocolVersion).toBe(5);
      expect(connection.client.options.clean).toBe(false);
      expect(await connection.probe()).toEqual({ status: 'up', latencyMs: 0 });
    } finally {
      await connection.close();
    }
  });

  it('reports down with a reason when the broker is unreachable', async () => {
    const connection = new MqttConnection({ url: 'mqtt://127.0.0.1:1', clientId: uniqueName('itest-ingest') }, logger);
    connection.start();
    try {
      const health = await waitFor('a failed connect', async () => {
        const h = await connection.probe();
        return h.detail && h.detail !== 'not connected' ? h : undefined;
      }, 10_000, 100);
      expect(health.status).toBe('down');
      expect(health.detail).toMatch(/ECONNREFUSED|unreachable/);
    } finally {
      await connection.close();
    }
  });
});
