import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { addressGroup, FailedAuthThrottle } from './failed-auth-throttle.ts';

describe('failed authentications are counted per address', () => {
  it('IPv4 as it is; IPv6 per /64, whatever its spelling', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(addressGroup('2001:db8:1:2::1'));
  });

  it('the limit holds within a minute from the first failure, then a new window starts', () => {
    const clock = new ManualClock('2030-01-01T00:00:30.000Z');
    const throttle = new FailedAuthThrottle(3, clock);
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitSeconds('2001:db8::1')).toBe(0);
      throttle.record(`2001:db8::${i + 1}`); // the same /64
    }
    expect(throttle.waitSeconds('2001:db8::99')).toBe(60);
    expect(throttle.waitSeconds('203.0.113.7')).toBe(0);
    clock.advance(59_500);
    expect(throttle.waitSeconds('2001:db8::1')).toBe(1);
    clock.advance(500);
    expect(throttle.waitSeconds('2001:db8::1')).toBe(0);
  });

  it('remembers at most maxAddresses windows: the oldest goes first', () => {
    const clock = new ManualClock();
    const throttle = new FailedAuthThrottle(1, clock, 2);
    throttle.record('10.0.0.1');
    throttle.record('10.0.0.2');
    throttle.record('10.0.0.3');
    expect(throttle.waitSeconds('10.0.0.1')).toBe(0);
    expect(throttle.waitSeconds('10.0.0.2')).toBeGreaterThan(0);
    expect(throttle.waitSeconds('10.0.0.3')).toBeGreaterThan(0);
  });
});
