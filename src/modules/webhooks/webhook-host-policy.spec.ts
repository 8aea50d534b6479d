import { WebhookHostPolicy } from './webhook-host-policy';

describe('WebhookHostPolicy', () => {
  const policy = new WebhookHostPolicy(['hooks.court.gov.cn', '*.court.test', '10.20.0.0/16']);

  it('allows listed names, suffixes and ranges only', () => {
    expect(policy.listsName('hooks.court.gov.cn')).toBe(true);
    expect(policy.listsName('a.court.test')).toBe(true);
    expect(policy.listsName('court.test.evil.example')).toBe(false);
    expect(policy.inRanges('10.20.3.4')).toBe(true);
    expect(policy.inRanges('10.21.0.1')).toBe(false);
  });

  it('refuses a listed name that resolves to an internal address (DNS rebinding)', () => {
    expect(policy.allowsAddress('hooks.court.gov.cn', '203.0.113.10')).toBe(true);
    for (const internal of ['127.0.0.1', '169.254.169.254', '192.168.1.1', '::1', 'fd00::1']) {
      expect(policy.allowsAddress('hooks.court.gov.cn', internal)).toBe(false);
    }
    expect(policy.allowsAddress('hooks.court.gov.cn', '10.20.0.9')).toBe(true);
    expect(policy.allowsAddress('other.example', '203.0.113.10')).toBe(false);
  });

  it('allows everything when no list is configured', () => {
    expect(new WebhookHostPolicy(null).allowsAddress('x', '127.0.0.1')).toBe(true);
  });
});
