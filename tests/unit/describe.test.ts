// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { creditView, openOriginal } from '../../src/ui/describe';

describe('Open original', () => {
  it('opens the address in a new tab that cannot reach back, and shows its domain', () => {
    const a = openOriginal('https://www.zerohedge.com/geopolitical/x?id=1') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('https://www.zerohedge.com/geopolitical/x?id=1');
    expect(a.target).toBe('_blank');
    expect(a.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(a.textContent).toBe('Open original (zerohedge.com)');
    // The domain is a field: isolated, so a right-to-left host cannot reorder the words around it.
    expect(a.querySelector('bdi')?.textContent).toBe('zerohedge.com');
  });

  it('gives no link for an address that is not http(s), or none', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'not a url', '', null, undefined])
      expect(openOriginal(bad)).toBeNull();
  });
});

describe('the credit line', () => {
  it('states the evidence, with the name isolated', () => {
    const el = creditView({ via: 'name', name: 'ZeroHedge', place: 'before' });
    expect(el.textContent).toBe('Credited: names ZeroHedge just before it');
    expect(el.getAttribute('data-credited')).toBe('true');
    expect(el.querySelector('bdi')?.textContent).toBe('ZeroHedge');
    expect(creditView({ via: 'link', site: 'nytimes.com', place: 'page' }).textContent).toBe('Credited: links to nytimes.com in a credit line on this page');
  });

  it('says no credit was found, and accuses no one', () => {
    const el = creditView(null);
    expect(el.textContent).toBe('No credit found nearby');
    expect(el.getAttribute('data-credited')).toBe('false');
  });
});
