import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('config', () => {
  it('starts on the embedded default with no environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, embedded: true, seedDemo: true, publicUrl: 'http://localhost:3000', EMAIL_PROVIDER: 'simulator' });
  });

  it('switches to PostgreSQL with DATABASE_URL and does not seed the demo there by default', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/haven', PUBLIC_URL: 'https://haven.example.org/' });
    expect(c).toMatchObject({ embedded: false, seedDemo: false, publicUrl: 'https://haven.example.org', secureCookies: true });
  });

  it('names the variable at fault, never its value', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret-password@x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).not.toMatch(/secret-password/);
    }
    expect(() => loadConfig({ EMAIL_PROVIDER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ HAVEN_MASTER_KEY: 'short' })).toThrow(/HAVEN_MASTER_KEY/);
  });

  it('documents every variable in .env.example and the README, secrets flagged', () => {
    const example = fs.readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const v of describeConfig()) {
      expect(example, v.name).toMatch(new RegExp(`^#? ?${v.name}=`, 'm'));
      expect(readme, v.name).toContain(`\`${v.name}\``);
      expect(v.description.length).toBeGreaterThan(5);
    }
    expect(describeConfig().filter((v) => v.secret).map((v) => v.name)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'HAVEN_MASTER_KEY', 'SMTP_URL', 'HAVEN_DEMO_PASSWORD']),
    );
  });
});
