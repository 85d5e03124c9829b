import { describe, expect, it } from 'vitest';
import { ShapeError } from './decode';
import { health, streamPage, systemInfo } from './gateway';

const stream = { id: 'str_1', title: 'Sprint final', state: 'live', createdAt: '2026-11-24T10:00:00Z' };

function shapeErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShapeError) return error.message;
    throw error;
  }
  throw new Error('expected a ShapeError');
}

describe('stream page', () => {
  it('accepts the documented shape and ignores fields it does not know', () => {
    const page = streamPage({ items: [{ ...stream, viewers: 12 }], nextCursor: null, extra: true }, 'streams');
    expect(page).toEqual({ items: [stream], nextCursor: null });
  });

  it('treats a missing next cursor as the last page', () => {
    expect(streamPage({ items: [] }, 'streams').nextCursor).toBeNull();
  });

  it('names the field and the value when a stream has an unknown state', () => {
    const message = shapeErrorOf(() => streamPage({ items: [stream, { ...stream, state: 'paused' }] }, 'streams'));
    expect(message).toBe('streams.items[1].state: expected one of idle, live, ended, got "paused"');
  });

  it('rejects a creation time that is not an instant', () => {
    const message = shapeErrorOf(() => streamPage({ items: [{ ...stream, createdAt: 'yesterday' }] }, 'streams'));
    expect(message).toBe('streams.items[0].createdAt: expected an ISO-8601 instant, got "yesterday"');
  });

  it('rejects items that are not a list', () => {
    expect(shapeErrorOf(() => streamPage({ items: 'none' }, 'streams'))).toBe(
      'streams.items: expected an array, got "none"',
    );
  });

  it('rejects a body that is not an object', () => {
    expect(shapeErrorOf(() => streamPage([stream], 'streams'))).toBe('streams: expected an object, got an array');
  });
});

describe('health', () => {
  it('reads every check with its detail, whatever the checks are called', () => {
    const decoded = health(
      {
        status: 'DOWN',
        checks: { database: { up: false, detail: 'connection refused' }, bus: { up: true } },
      },
      'health',
    );
    expect(decoded.status).toBe('DOWN');
    expect(decoded.checks['database']).toEqual({ up: false, detail: 'connection refused' });
    expect(decoded.checks['bus']).toEqual({ up: true });
  });

  it('rejects a check whose up flag is not a boolean', () => {
    const message = shapeErrorOf(() => health({ status: 'UP', checks: { database: { up: 'yes' } } }, 'health'));
    expect(message).toBe('health.checks.database.up: expected true or false, got "yes"');
  });
});

describe('system information', () => {
  const system = {
    version: '0.1.0-SNAPSHOT',
    startedAt: '2026-11-24T09:00:00Z',
    uptimeSeconds: 123,
    roles: ['media', 'gateway'],
    database: 'embedded PostgreSQL 18.6',
    bus: 'in-process',
  };

  it('accepts the documented shape', () => {
    expect(systemInfo(system, 'system')).toEqual(system);
  });

  it('rejects a negative uptime', () => {
    expect(shapeErrorOf(() => systemInfo({ ...system, uptimeSeconds: -1 }, 'system'))).toBe(
      'system.uptimeSeconds: expected a number ≥ 0, got -1',
    );
  });

  it('says when a field is missing', () => {
    const { roles: _roles, ...withoutRoles } = system;
    expect(shapeErrorOf(() => systemInfo(withoutRoles, 'system'))).toBe('system.roles: expected an array, got nothing');
  });
});
