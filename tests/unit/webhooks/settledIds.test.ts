import { describe, expect, it } from 'vitest';
import { createSettledIds } from '@/lib/webhooks/settledIds';

describe('settled svix-ids', () => {
  it('remembers settled ids and forgets the oldest past its capacity', () => {
    const settled = createSettledIds(2);
    settled.add('msg_1');
    settled.add('msg_2');
    expect(settled.has('msg_1')).toBe(true);
    settled.add('msg_3');
    expect([settled.has('msg_1'), settled.has('msg_2'), settled.has('msg_3')]).toEqual([false, true, true]);
  });
});
