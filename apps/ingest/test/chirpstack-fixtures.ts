import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName } from '../src/events/event-types';

/** The ChirpStack v4 event fixtures (fixtures/chirpstack/README.md), each with the topic it is published on. */
export interface ChirpStackFixture {
  name: string;
  event: EventName;
  topic: string;
  payload: Buffer;
  json: Record<string, unknown>;
}

export const FIXTURE_DIR = join(__dirname, 'fixtures', 'chirpstack');

export function eventTopic(applicationId: string, devEui: string, event: string): string {
  return `application/${applicationId}/device/${devEui}/event/${event}`;
}

export function chirpstackFixtures(): ChirpStackFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const payload = readFileSync(join(FIXTURE_DIR, file));
      const json = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      const deviceInfo = json.deviceInfo as { applicationId: string; devEui: string };
      const event = file.split(/[-.]/)[0] as EventName;
      return { name: file.replace(/\.json$/, ''), event, topic: eventTopic(deviceInfo.applicationId, deviceInfo.devEui, event), payload, json };
    });
}

export function fixture(name: string): ChirpStackFixture {
  const found = chirpstackFixtures().find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}
