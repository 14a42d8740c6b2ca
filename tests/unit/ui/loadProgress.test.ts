import { describe, expect, it } from 'vitest';
import { formatBytes, progressView } from '../../../src/ui/loadProgress';

describe('progressView', () => {
  it('computes fraction, MB/s and time left', () => {
    const v = progressView({ file: 'a.xml', bytesRead: 50e6, totalBytes: 200e6 }, 1000, 3000);
    expect(v.fraction).toBe(0.25);
    expect(v.mbPerSecond).toBe(25);
    expect(v.secondsLeft).toBe(6);
  });

  it('has no fraction or time left when the size is unknown, and no rate at the very start', () => {
    const v = progressView({ file: 'u', bytesRead: 10, totalBytes: 0 }, 0, 100);
    expect(v.fraction).toBeNull();
    expect(v.mbPerSecond).toBeNull();
    expect(v.secondsLeft).toBeNull();
  });

  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(2.5e6)).toBe('2.5 MB');
    expect(formatBytes(1.75e9)).toBe('1.75 GB');
  });
});
