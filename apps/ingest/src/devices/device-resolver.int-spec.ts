import pino from 'pino';
import { REGISTRY_DEVICE_CHANGED_STREAM } from '@app/contracts';
import type { DeviceChangedEvent, ResolveDevicesRequest, TenantId } from '@app/contracts';
import { SystemHarness } from '../../../system/test/system-harness';
import { DeviceResolutionService } from '../../../system/src/device-resolution/device-resolution.service';
import { HierarchyService } from '../../../system/src/hierarchy/hierarchy.service';
import { MeterImportService } from '../../../system/src/meters/meter-import.service';
import { MeterLifecycleService } from '../../../system/src/meters/meter-lifecycle.service';
import { MetersService } from '../../../system/src/meters/meters.service';
import { DeviceRedisCache, deviceCacheKey } from './device-cache';
import { DEVICE_CHANGES_POSITION_KEY, DeviceChangeFollower } from './device-changes';
import { DEFAULT_RESOLVER_OPTIONS, DEVICE_BECAME_KNOWN, DeviceResolver } from './device-resolver';
import type { DeviceBecameKnown, DeviceResolverOptions } from './device-resolver';

jest.setTimeout(60_000);

/** Ingest's resolver against the system service's real resolution (PostgreSQL) and the machine's Redis. */
describe('device resolution (system registry + ingest caches)', () => {
  let harness: SystemHarness;
  let tenantA: TenantId;
  let tenantB: TenantId;
  let calls: ResolveDevicesRequest[];
  let eui = 0x70b3d50000000000n;
  const nextEui = (): string => (eui++).toString(16).padStart(16, '0');
  let serial = 0;

  const directory = (request: ResolveDevicesRequest) => {
    calls.push(request);
    return harness.get(DeviceResolutionService).resolve(request);
  };
  const resolverWith = (options: Partial<DeviceResolverOptions> = {}) => new DeviceResolver(directory, new DeviceRedisCache(harness.redis), { ...DEFAULT_RESOLVER_OPTIONS, ...options });
  const follower = (resolver: DeviceResolver) => new DeviceChangeFollower(harness.redis.duplicate(), resolver, pino({ level: 'silent' }), 10);
  const createMeter = (tenantId: TenantId, devEui: string, extra: Record<string, unknown> = {}) =>
    harness.get(MetersService).create(tenantId, { serial: `S-${++serial}`, vendor: 'axioma', utility: 'water', codecId: 'axioma/qalcosonic-w1', lorawan: { devEui }, ...extra });
  const streamEvents = async (): Promise<DeviceChangedEvent[]> =>
    ((await harness.redis.xrange(REGISTRY_DEVICE_CHANGED_STREAM, '-', '+')) as [string, string[]][]).map(([, fields]) => JSON.parse(fields[1]) as DeviceChangedEvent);

  beforeAll(async () => {
    harness = await SystemHarness.start();
    tenantA = (await harness.tenantWithAdmin()).tenantId;
    tenantB = (await harness.tenantWithAdmin()).tenantId;
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(() => {
    calls = [];
  });

  it('resolves a known devEui to its meter, tenant, codec, utility, multiplier and status; an unknown one to unknown', async () => {
    const devEui = nextEui();
    const meter = await createMeter(tenantA, devEui.toUpperCase(), { multiplier: '10' });
    const unknown = nextEui();
    const answers = await resolverWith().resolveMany([{ devEui: devEui.toUpperCase() }, { devEui: unknown }]);
    expect(answers.get(`lora:${devEui}`)).toEqual({ state: 'known', meterId: meter.id, tenantId: tenantA, codecId: 'axioma/qalcosonic-w1', utility: 'water', multiplier: meter.multiplier, status: 'in_stock' });
    expect(Number(meter.multiplier)).toBe(10);
    expect(answers.get(`lora:${unknown}`)).toEqual({ state: 'unknown' });
    expect(calls).toEqual([{ devEuis: [devEui, unknown] }]);
  });

  it('answers archived for a devEui held only by an archived meter', async () => {
    const devEui = nextEui();
    const meter = await createMeter(tenantA, devEui);
    await harness.get(MeterLifecycleService).archive(tenantA, meter.id);
    expect(await resolverWith().resolve({ devEui })).toEqual({ state: 'archived', meterId: meter.id, tenantId: tenantA });
  });

  it('resolves a wM-Bus address with the AES key in clear', async () => {
    const aesKey = '000102030405060708090a0b0c0d0e0f';
    const meter = await harness.get(MetersService).create(tenantA, { serial: `S-${++serial}`, vendor: 'diehl', utility: 'heat', wmbus: { manufacturer: 'dme', id: '12345678', aesKey } });
    const answer = await resolverWith().resolve({ wmbus: { manufacturer: 'DME', id: '12345678' } });
    expect(answer).toMatchObject({ state: 'known', meterId: meter.id, tenantId: tenantA, aesKey });
    expect(await harness.redis.exists(deviceCacheKey('wmbus:DME:12345678'))).toBe(0); // the key never goes to Redis
  });

  it('caches: a second lookup does no RPC (process LRU), a fresh process is served by Redis, misses of a batch go in one RPC', async () => {
    const [a, b, c] = [nextEui(), nextEui(), nextEui()];
    await createMeter(tenantA, a);
    const resolver = resolverWith();
    await resolver.resolveMany([{ devEui: a }, { devEui: b }]);
    await resolver.resolveMany([{ devEui: a }, { devEui: b }]);
    expect(calls).toHaveLength(1);
    expect(await harness.redis.hget(deviceCacheKey(`lora:${a}`), 'state')).toBe('known');
    expect(await harness.redis.hget(deviceCacheKey(`lora:${b}`), 'state')).toBe('unknown');
    const ttl = await harness.redis.ttl(deviceCacheKey(`lora:${b}`));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(DEFAULT_RESOLVER_OPTIONS.unknownTtlSeconds);

    const restarted = resolverWith();
    expect((await restarted.resolve({ devEui: a })).state).toBe('known');
    expect(calls).toHaveLength(1);
    await restarted.resolveMany([{ devEui: a }, { devEui: b }, { devEui: c }]);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ devEuis: [c] });
  });

  it('invalidates after a codec change: the next lookup asks again and sees the new codec', async () => {
    const devEui = nextEui();
    const meter = await createMeter(tenantA, devEui);
    const resolver = resolverWith();
    const changes = follower(resolver);
    const position = await harness.redis.xrevrange(REGISTRY_DEVICE_CHANGED_STREAM, '+', '-', 'COUNT', 1).then((r) => (r[0] as [string, string[]])[0]);
    expect(await resolver.resolve({ devEui })).toMatchObject({ codecId: 'axioma/qalcosonic-w1' });
    await harness.get(MetersService).update(tenantA, { id: meter.id, codecId: 'axioma/qalcosonic-w1-v2' });
    await changes.readOnce(position);
    expect(await harness.redis.exists(deviceCacheKey(`lora:${devEui}`))).toBe(0);
    expect(await resolver.resolve({ devEui })).toMatchObject({ state: 'known', codecId: 'axioma/qalcosonic-w1-v2' });
    expect(calls).toHaveLength(2);
    await changes.stop();
  });

  it('registering a previously unknown devEui signals it became known, and the next lookup resolves it', async () => {
    const devEui = nextEui();
    const resolver = resolverWith();
    const changes = follower(resolver);
    const [last] = (await harness.redis.xrevrange(REGISTRY_DEVICE_CHANGED_STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][];
    await harness.redis.set(DEVICE_CHANGES_POSITION_KEY, last?.[0] ?? '0-0'); // start from here, whatever ran before
    await changes.start();
    expect((await resolver.resolve({ devEui })).state).toBe('unknown');
    const signal = new Promise<DeviceBecameKnown>((resolve) => resolver.signals.once(DEVICE_BECAME_KNOWN, resolve));
    const meter = await createMeter(tenantB, devEui);
    const known = await signal;
    expect(known).toEqual({ key: `lora:${devEui}`, event: { tenantId: tenantB, meterId: meter.id, devEui, reason: 'create' } });
    expect(await resolver.resolve({ devEui })).toMatchObject({ state: 'known', meterId: meter.id, tenantId: tenantB });
    await changes.stop();
    expect(await harness.redis.get(DEVICE_CHANGES_POSITION_KEY)).not.toBe(last?.[0] ?? '0-0');
  });

  it('an ingest that was down resumes from the stored position and drops what changed meanwhile', async () => {
    const devEui = nextEui();
    const meter = await createMeter(tenantA, devEui);
    await resolverWith().resolve({ devEui }); // cached in Redis by the process that then stops
    const [last] = (await harness.redis.xrevrange(REGISTRY_DEVICE_CHANGED_STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][];
    await harness.redis.set(DEVICE_CHANGES_POSITION_KEY, last[0]);
    await harness.get(MetersService).update(tenantA, { id: meter.id, multiplier: '100' }); // while no ingest runs
    const restarted = resolverWith();
    const signal = new Promise<DeviceBecameKnown>((resolve) => restarted.signals.once(DEVICE_BECAME_KNOWN, resolve));
    const changes = follower(restarted);
    await changes.start();
    expect((await signal).event).toMatchObject({ meterId: meter.id, reason: 'update' });
    await changes.stop();
    expect(await harness.redis.exists(deviceCacheKey(`lora:${devEui}`))).toBe(0);
    const after = await restarted.resolve({ devEui });
    expect(after.state === 'known' ? Number(after.multiplier) : after.state).toBe(100);
  });

  it('an unknown answer expires (short TTL) even without a change event', async () => {
    const devEui = nextEui();
    const resolver = resolverWith({ unknownTtlSeconds: 1 });
    expect((await resolver.resolve({ devEui })).state).toBe('unknown');
    await createMeter(tenantA, devEui); // its event is not followed here
    expect((await resolver.resolve({ devEui })).state).toBe('unknown'); // still cached
    expect(calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await resolver.resolve({ devEui })).state).toBe('known');
    expect(calls).toHaveLength(2);
  });

  it('publishes install, remove, replace and archive changes after the commit', async () => {
    const [oldEui, newEui] = [nextEui(), nextEui()];
    const old = await createMeter(tenantA, oldEui);
    const fresh = await createMeter(tenantA, newEui);
    const region = await harness.get(HierarchyService).create(tenantA, { kind: 'region', name: `R-${serial}` });
    const lifecycle = harness.get(MeterLifecycleService);
    await lifecycle.install(tenantA, { id: old.id, nodeId: region.id, installedAt: '2025-01-01T00:00:00Z', initialIndex: '0' });
    await lifecycle.replace(tenantA, { id: old.id, newMeterId: fresh.id, replacedAt: '2025-02-01T00:00:00Z', oldFinalIndex: '5', newInitialIndex: '0' });
    await lifecycle.remove(tenantA, { id: fresh.id, removedAt: '2025-03-01T00:00:00Z', finalIndex: '1' });
    await lifecycle.archive(tenantA, fresh.id);
    const mine = (await streamEvents()).filter((e) => e.meterId === old.id || e.meterId === fresh.id).map((e) => `${e.reason}:${e.devEui}`);
    expect(mine).toEqual([`create:${oldEui}`, `create:${newEui}`, `install:${oldEui}`, `replace:${oldEui}`, `replace:${newEui}`, `remove:${newEui}`, `archive:${newEui}`]);
  });

  it('the bulk import emits one event per imported meter with a device identity', async () => {
    const [a, b] = [nextEui(), nextEui()];
    const report = await harness.get(MeterImportService).import(tenantB, {
      mode: 'all-or-nothing',
      columns: ['serial', 'vendor', 'utility', 'devEui'],
      rows: [
        { line: 2, cells: [`I-${++serial}`, 'axioma', 'water', a] },
        { line: 3, cells: [`I-${++serial}`, 'axioma', 'water', b] },
        { line: 4, cells: [`I-${++serial}`, 'axioma', 'water', ''] },
      ],
    });
    expect(report.created).toBe(3);
    const imported = (await streamEvents()).filter((e) => e.reason === 'import');
    expect(imported.map((e) => e.devEui).sort()).toEqual([a, b].sort());
    expect(imported.every((e) => e.tenantId === tenantB)).toBe(true);
  });

  it('tenant isolation: each answer names the owning tenant; live meters of two tenants are ambiguous, never guessed', async () => {
    const [onlyA, onlyB, shared, movedOn] = [nextEui(), nextEui(), nextEui(), nextEui()];
    await createMeter(tenantA, onlyA);
    await createMeter(tenantB, onlyB);
    await createMeter(tenantA, shared);
    await createMeter(tenantB, shared);
    const archivedInA = await createMeter(tenantA, movedOn);
    await harness.get(MeterLifecycleService).archive(tenantA, archivedInA.id);
    const inB = await createMeter(tenantB, movedOn);
    const answers = await resolverWith().resolveMany([{ devEui: onlyA }, { devEui: onlyB }, { devEui: shared }, { devEui: movedOn }]);
    expect(answers.get(`lora:${onlyA}`)).toMatchObject({ state: 'known', tenantId: tenantA });
    expect(answers.get(`lora:${onlyB}`)).toMatchObject({ state: 'known', tenantId: tenantB });
    expect(answers.get(`lora:${shared}`)).toEqual({ state: 'ambiguous', tenantIds: [tenantA, tenantB].sort() });
    expect(answers.get(`lora:${movedOn}`)).toMatchObject({ state: 'known', meterId: inB.id, tenantId: tenantB });
  });
});
