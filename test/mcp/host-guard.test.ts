/** The pure Host/Origin checks behind the MCP endpoint's DNS-rebinding protection. */
import { describe, expect, it } from 'vitest';
import { hostPolicy, hostPort, isAllowedHost, isAllowedOrigin } from '../../server/mcp/host-guard.js';

const loopback = hostPolicy({ HOST: '127.0.0.1', ALLOWED_HOSTS: [], CORS_ORIGINS: [] });

describe('hostPort', () => {
  it.each([
    ['127.0.0.1:3000', 3000],
    ['localhost', 80],
    ['[::1]:8080', 8080],
    ['[::1]', 80],
    ['a:b:c', null],
  ])('%s → %s', (header, port) => {
    expect(hostPort(header)).toBe(port);
  });
});

describe('isAllowedHost on a loopback bind', () => {
  it.each(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', 'LOCALHOST:3000'])('accepts %s on port 3000', (host) => {
    expect(isAllowedHost(loopback, host, 3000)).toBe(true);
  });

  it.each([undefined, '', 'evil.example.com', 'evil.example.com:3000', '127.0.0.1:3001', '127.0.0.1', '127.0.0.1.evil.com:3000'])(
    'refuses %s',
    (host) => {
      expect(isAllowedHost(loopback, host, 3000)).toBe(false);
    },
  );

  it('accepts a name from ALLOWED_HOSTS with any port, and only that name', () => {
    const policy = hostPolicy({ HOST: '127.0.0.1', ALLOWED_HOSTS: ['plan.lan'], CORS_ORIGINS: [] });
    expect(isAllowedHost(policy, 'plan.lan', 3000)).toBe(true);
    expect(isAllowedHost(policy, 'plan.lan:8443', 3000)).toBe(true);
    expect(isAllowedHost(policy, 'other.lan:3000', 3000)).toBe(false);
  });
});

describe('isAllowedHost on a LAN bind', () => {
  it('accepts any Host when ALLOWED_HOSTS is empty (the HTTP app warns about that bind)', () => {
    const open = hostPolicy({ HOST: '0.0.0.0', ALLOWED_HOSTS: [], CORS_ORIGINS: [] });
    expect(isAllowedHost(open, 'whatever.example:1234', 3000)).toBe(true);
  });

  it('restricts to ALLOWED_HOSTS and loopback when it is set', () => {
    const lan = hostPolicy({ HOST: '0.0.0.0', ALLOWED_HOSTS: ['192.168.1.5'], CORS_ORIGINS: [] });
    expect(isAllowedHost(lan, '192.168.1.5:3000', 3000)).toBe(true);
    expect(isAllowedHost(lan, 'localhost:3000', 3000)).toBe(true);
    expect(isAllowedHost(lan, 'evil.example.com:3000', 3000)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('lets requests without Origin through (not a browser)', () => {
    expect(isAllowedOrigin(loopback, undefined, '127.0.0.1:3000')).toBe(true);
  });

  it('accepts the same origin and loopback origins', () => {
    expect(isAllowedOrigin(loopback, 'http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isAllowedOrigin(loopback, 'http://localhost:5173', '127.0.0.1:3000')).toBe(true);
  });

  it.each(['http://evil.example.com', 'null', 'not a url', 'file:///etc/passwd', 'http://127.0.0.1.evil.com'])('refuses %s', (origin) => {
    expect(isAllowedOrigin(loopback, origin, '127.0.0.1:3000')).toBe(false);
  });

  it('accepts an origin listed in CORS_ORIGINS, trailing slash or not', () => {
    const policy = hostPolicy({ HOST: '127.0.0.1', ALLOWED_HOSTS: [], CORS_ORIGINS: ['https://tools.example.org/'] });
    expect(isAllowedOrigin(policy, 'https://tools.example.org', '127.0.0.1:3000')).toBe(true);
    expect(isAllowedOrigin(policy, 'https://other.example.org', '127.0.0.1:3000')).toBe(false);
  });

  it('on an open LAN bind, accepts only the same origin', () => {
    const open = hostPolicy({ HOST: '0.0.0.0', ALLOWED_HOSTS: [], CORS_ORIGINS: [] });
    expect(isAllowedOrigin(open, 'http://10.0.0.2:3000', '10.0.0.2:3000')).toBe(true);
    expect(isAllowedOrigin(open, 'http://evil.example.com', '10.0.0.2:3000')).toBe(false);
  });
});
