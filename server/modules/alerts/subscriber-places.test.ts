import { describe, expect, it } from 'vitest';
import { stateForZip } from './subscriber-places.ts';

describe('stateForZip', () => {
  it('finds the state of ZIPs across the network', () => {
    expect(['60601', '10001', '22030', '19103', '07302', '78701', '90010', '73301', '88510', '96910'].map(stateForZip)).toEqual(
      ['IL', 'NY', 'VA', 'PA', 'NJ', 'TX', 'CA', 'TX', 'TX', 'GU'],
    );
  });
  it('has no state for military, unassigned or malformed ZIPs', () => {
    expect(['09012', '34002', '96201', '00000', '1234', '6060a', '', null].map(stateForZip)).toEqual([null, null, null, null, null, null, null, null]);
  });
});
