import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { connectBody, failureTitle, formFromDefaults, mappingsFor, parseLimit, sslModeOptions, usableFilters } from './wizard';

const FORM = { host: ' db ', port: '6543', database: 'traces', username: 'axis', password: '', ssl_mode: 'require' };

describe('database wizard helpers', () => {
  it('masks an empty password only when the server has one configured', () => {
    expect(connectBody(FORM, true)).toEqual({ host: 'db', port: 6543, database: 'traces', username: 'axis', password: '********', ssl_mode: 'require', db_type: 'postgres' });
    expect(connectBody(FORM, false).password).toBe('');
    expect(connectBody({ ...FORM, password: 'pw', port: '' }, true)).toMatchObject({ password: 'pw', port: 5432 });
  });

  it('prefills from the defaults, with require and port 5432 when none are given', () => {
    expect(formFromDefaults(undefined)).toEqual({ host: '', port: '5432', database: '', username: '', password: '', ssl_mode: 'require' });
    expect(sslModeOptions('verify-full')).toEqual(['disable', 'prefer', 'require', 'verify-full']);
    expect(sslModeOptions('prefer')).toEqual(['disable', 'prefer', 'require']);
  });

  it('maps the included columns under their chosen, configured or own names', () => {
    const columns = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
    const choices = { b: { include: false, target: 'b' }, c: { include: true, target: '  ' } };
    expect(mappingsFor(columns, choices, { a: 'dataset_id', d: 'score' })).toEqual([
      { source: 'a', target: 'dataset_id' },
      { source: 'c', target: 'c' },
      { source: 'd', target: 'score' },
    ]);
  });

  it('keeps complete filters and whole limits within the maximum', () => {
    expect(usableFilters([{ column: 'a', value: '' }, { column: '', value: 'x' }, { column: 'a', value: '1' }])).toEqual([{ column: 'a', value: '1' }]);
    expect([parseLimit('10000', 10000), parseLimit('10001', 10000), parseLimit('0', 10), parseLimit('2.5', 10), parseLimit('', 10)]).toEqual([10000, null, null, null, null]);
  });

  it('names a failure by its status', () => {
    expect(failureTitle(new ApiError(422, 'x', null), 'sql')).toBe('The server refused this SQL');
    expect(failureTitle(new ApiError(408, 'x', null), 'sql')).toBe('The query took too long');
    expect(failureTitle(new ApiError(400, 'x', null), 'table')).toBe('The database reported an error');
  });
});
