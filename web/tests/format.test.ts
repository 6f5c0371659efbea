import { describe, expect, it } from 'vitest';
import {
  formatBits, formatBytes, formatBytesRate, formatDuration, formatNumber, formatPackets, formatPercent,
  shortenAddress,
} from '../src/lib/format';

describe('rates', () => {
  it('uses decimal prefixes for bits per second', () => {
    expect(formatBits(0)).toBe('0 bit/s');
    expect(formatBits(999)).toBe('999 bit/s');
    expect(formatBits(1250000)).toBe('1.25 Mbit/s');
    expect(formatBits(12_500_000_000)).toBe('12.5 Gbit/s');
  });
  it('turns byte rates into bit rates', () => {
    expect(formatBytesRate(125000)).toBe('1.00 Mbit/s');
  });
  it('packets per second', () => {
    expect(formatPackets(12)).toBe('12 pps');
    expect(formatPackets(1500)).toBe('1.50 Kpps');
  });
  it('shows a dash for missing values', () => {
    expect(formatBits(NaN)).toBe('–');
    expect(formatBytes(Infinity)).toBe('–');
  });
});

describe('volumes', () => {
  it('uses binary multiples', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(15911220774)).toBe('14.8 GB');
  });
});

describe('numbers and durations', () => {
  it('groups thousands', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1250)).toBe('-1,250');
  });
  it('durations', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(310)).toBe('5 min 10 s');
    expect(formatDuration(7380)).toBe('2 h 03 min');
    expect(formatDuration(273600)).toBe('3 d 04 h');
    expect(formatDuration(-1)).toBe('–');
  });
  it('percentages', () => {
    expect(formatPercent(0.4567)).toBe('46 %');
    expect(formatPercent(0.012)).toBe('1.2 %');
  });
});

describe('addresses', () => {
  it('keeps IPv4 and short IPv6', () => {
    expect(shortenAddress('192.168.1.23')).toBe('192.168.1.23');
    expect(shortenAddress('fe80::1')).toBe('fe80::1');
  });
  it('shortens long IPv6 around an ellipsis', () => {
    expect(shortenAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8…7348');
  });
});

import { nextPath } from '../src/lib/next';

describe('redirect after login', () => {
  it('keeps paths inside the app only', () => {
    expect(nextPath('/flows?x=1')).toBe('/flows?x=1');
    expect(nextPath('//evil.example')).toBe('/');
    expect(nextPath('https://evil.example')).toBe('/');
    expect(nextPath(undefined)).toBe('/');
  });
});
