import { describe, expect, it } from 'vitest';
import { escapeHtml, renderOutboxEmail } from './email-templates.ts';

const base = { subject: 'Know your rights', orgName: 'Affiliate A', unsubscribeUrl: 'https://haven.example.org/p/unsubscribe/abc.def' };

describe('outbox email templates', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('puts the body, the org and the unsubscribe footer in both parts, in English', () => {
    const r = renderOutboxEmail({ ...base, lang: 'en', body: 'Line one\nline two\n\nSecond paragraph' });
    expect(r.subject).toBe('Know your rights');
    expect(r.text).toContain('A message from Affiliate A');
    expect(r.text).toContain('Line one\nline two\n\nSecond paragraph');
    expect(r.text).toContain('You get this because you signed up with Affiliate A.');
    expect(r.text).toContain(`Unsubscribe: ${base.unsubscribeUrl}`);
    expect(r.html).toContain('<html lang="en" dir="ltr">');
    expect(r.html).toContain('<p style="margin:0 0 1em">Line one<br>line two</p>');
    expect(r.html).toContain('<p style="margin:0 0 1em">Second paragraph</p>');
    expect(r.html).toContain(`href="${base.unsubscribeUrl}"`);
  });

  it('renders the footer in Korean and Spanish', () => {
    const ko = renderOutboxEmail({ ...base, lang: 'ko', body: '안녕하세요' });
    expect(ko.text).toContain('수신을 원하지 않으시면');
    expect(ko.text).toContain('Affiliate A에 등록하셨기 때문에');
    expect(ko.html).toContain('<html lang="ko" dir="ltr">');
    expect(ko.html).toContain('안녕하세요');
    const es = renderOutboxEmail({ ...base, lang: 'es', body: 'Hola' });
    expect(es.text).toContain(`Para darse de baja: ${base.unsubscribeUrl}`);
    expect(es.html).toContain('<html lang="es" dir="ltr">');
  });

  it('never lets the body, the subject or the org name inject markup', () => {
    const r = renderOutboxEmail({ ...base, lang: 'en', subject: '</title><script>x()</script>', orgName: 'A "&" <B>', body: '<img src=x onerror=alert(1)>' });
    expect(r.html).not.toContain('<script>');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).toContain('A &quot;&amp;&quot; &lt;B&gt;');
    // the text part is plain text: it keeps what was written
    expect(r.text).toContain('<img src=x onerror=alert(1)>');
  });
});
