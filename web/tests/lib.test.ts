import { describe, expect, it } from 'vitest';
import { AppRateSeries } from '../src/lib/appRates';
import { colorFor } from '../src/lib/colors';
import { readQuery, writeQuery } from '../src/lib/queryState';

describe('URL query state', () => {
  const defaults = { sortColumn: 'bytes', sortOrder: 'desc', page: '1', application: '' };
  it('reads values over the defaults and ignores unknown keys', () => {
    const s = readQuery({ application: 'DNS', page: '3', other: 'x' }, defaults);
    expect(s).toEqual({ sortColumn: 'bytes', sortOrder: 'desc', page: '3', application: 'DNS' });
  });
  it('takes the first of repeated values', () => {
    expect(readQuery({ application: ['TLS', 'DNS'] }, defaults).application).toBe('TLS');
  });
  it('writes only what differs from the defaults and keeps other keys', () => {
    const q = writeQuery({ tab: 'x', page: '4' }, defaults, { application: 'TLS', page: '1', sortOrder: 'asc' });
    expect(q).toEqual({ tab: 'x', application: 'TLS', sortOrder: 'asc' });
  });
  it('drops emptied filters', () => {
    expect(writeQuery({ application: 'TLS' }, defaults, { application: '' })).toEqual({});
  });
});

describe('application colours', () => {
  it('are stable per name', () => {
    expect(colorFor('TLS.Google')).toBe(colorFor('TLS.Google'));
  });
  it('differ between common applications', () => {
    const names = ['TLS', 'DNS', 'HTTP', 'QUIC', 'Google', 'NTP', 'Microsoft', 'Azure', 'Teams', 'STUN', 'Dropbox'];
    expect(new Set(names.map(colorFor)).size).toBe(names.length);
  });
  it('follow the application of a master.application name', () => {
    expect(colorFor('TLS.Google')).toBe(colorFor('Google'));
    expect(colorFor('DNS.Microsoft')).toBe(colorFor('Microsoft'));
  });
  it('hash other names onto the palette', () => {
    expect(colorFor('SomethingRare')).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('keep fixed colours for Unknown and Other', () => {
    expect(colorFor('Unknown')).toBe('#9e9e9e');
  });
});

describe('application rates', () => {
  it('turns byte totals into bit rates between samples', () => {
    const s = new AppRateSeries();
    s.add(1000, { TLS: 1000, DNS: 100 });
    expect(s.points).toHaveLength(0);  // the first sample is the baseline
    s.add(3000, { TLS: 3000, DNS: 100, HTTP: 500 });
    expect(s.points).toEqual([{ t: 3000, rates: { TLS: 8000, HTTP: 2000 } }]);
  });
  it('keeps a bounded window', () => {
    const s = new AppRateSeries(3);
    for (let i = 0; i < 10; i++) s.add(i * 1000, { TLS: i * 100 });
    expect(s.points.map((p) => p.t)).toEqual([7000, 8000, 9000]);
  });
  it('restarts after counters go down (a server restart)', () => {
    const s = new AppRateSeries();
    s.add(0, { TLS: 0 });
    s.add(1000, { TLS: 500 });
    s.add(2000, { TLS: 10 });
    expect(s.points).toHaveLength(0);
    s.add(3000, { TLS: 110 });
    expect(s.points).toEqual([{ t: 3000, rates: { TLS: 800 } }]);
  });
  it('names the top applications and sums the rest as Other', () => {
    const s = new AppRateSeries();
    s.add(0, { A: 0, B: 0, C: 0 });
    s.add(1000, { A: 300, B: 200, C: 100 });
    s.add(2000, { A: 600, B: 400, C: 200 });
    expect(s.top(2)).toEqual(['A', 'B']);
    const series = s.series(2);
    expect(series.map((x) => x.name)).toEqual(['A', 'B', 'Other']);
    expect(series[2].data).toEqual([[1000, 800], [2000, 800]]);
  });
  it('leaves Other out when nothing else moved', () => {
    const s = new AppRateSeries();
    s.add(0, { A: 0 });
    s.add(1000, { A: 10 });
    expect(s.series(5).map((x) => x.name)).toEqual(['A']);
  });
});
