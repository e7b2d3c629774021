import { fireEvent, render, waitFor } from '@testing-library/react';
import type { Envelope } from '../../core/envelope';
import { Roster } from '../../src/subpackages/places/activity-edit';
import { mockApi, ok } from './support/api';

const row = (name: string, status: string) => ({ signupId: `act-1:${name}`, name, phone: '139****0000', status });

test('the organizer marks who came; the roster shows them checked in, or why not', async () => {
  let checkedIn = false;
  let refuse = false;
  const { calls } = mockApi({
    places: (e): Envelope<unknown> => {
      if (e.action === 'activityCheckin') {
        if (refuse) return { ok: false, error: { code: 'CONFLICT', message: '活动当天起才能签到' } };
        checkedIn = true;
        return ok({ signupId: e.signupId, status: 'checkedIn', checkedInAt: '2026-11-05T03:00:00.000Z' });
      }
      return ok({ items: [row('v0', checkedIn ? 'checkedIn' : 'confirmed'), row('v1', 'waitlisted')], total: 2 });
    },
  });
  const { container } = render(<Roster activityId="act-1" />);
  const button = await waitFor(() => {
    const el = container.querySelector('#checkin-act-1-v0');
    if (!el) throw new Error('no button yet');
    return el;
  });
  // Only a confirmed volunteer can be marked: not one still waiting.
  expect(container.querySelector('#checkin-act-1-v1')).toBeNull();
  fireEvent.click(button);
  await waitFor(() => expect(container.querySelector('#activity-roster')?.textContent).toContain('已签到'));
  expect(calls.filter((c) => c.event.action === 'activityCheckin').map((c) => c.event)).toEqual([
    { action: 'activityCheckin', activityId: 'act-1', signupId: 'act-1:v0' },
  ]);
  expect(container.querySelector('#checkin-act-1-v0')).toBeNull();

  refuse = true;
  checkedIn = false;
  const again = render(<Roster activityId="act-1" />);
  fireEvent.click(
    await waitFor(() => {
      const el = again.container.querySelector('#checkin-act-1-v0');
      if (!el) throw new Error('no button yet');
      return el;
    }),
  );
  await waitFor(() => expect(again.container.querySelector('#roster-error')?.textContent).toBe('活动当天起才能签到'));
});
