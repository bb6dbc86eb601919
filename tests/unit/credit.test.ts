import { describe, expect, it } from 'vitest';
import { linkedSite, linksTo, namedIn } from '../../src/match/credit';

const linksAny = (hrefs: string[], urls: string[]) => linkedSite(hrefs, urls) !== null;
import { outletOfPublisher, publisherNames } from '../../src/match/outlets';
import { siteOf } from '../../src/text/sites';

const SOURCE = 'https://ift.tt/ZktsESg';

describe('link credit', () => {
  it('credits a link to the source page, or to a page below it', () => {
    expect(linksAny([SOURCE], [SOURCE])).toBe(true);
    expect(linksAny(['https://IFT.tt/ZktsESg/'], [SOURCE])).toBe(true);
    expect(linksAny(['https://www.ift.tt/ZktsESg?utm_source=x#top'], [SOURCE])).toBe(true);
    expect(linksAny(['https://ift.tt/ZktsESg/part-2'], [SOURCE])).toBe(true);
    expect(linksAny(['https://news.example/world/'], ['https://news.example/world'])).toBe(true);
    expect(linksAny(['https://news.example/world/asia/1'], ['https://news.example/world/'])).toBe(true);
    expect(linksAny(['https://news.example/anything'], ['https://news.example/'])).toBe(true);
  });

  it('does not credit a link that only starts with the source URL as text', () => {
    expect(linksAny(['https://ift.tt/ZktsESg.attacker.example/'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt/ZktsESgX'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt.attacker.example/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt@attacker.example/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://news.example/worldwide'], ['https://news.example/world'])).toBe(false);
  });

  it('needs the same scheme, port and query', () => {
    expect(linksAny(['http://ift.tt/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt:8443/ZktsESg'], [SOURCE])).toBe(false);
    expect(linksAny(['https://ift.tt:443/ZktsESg'], [SOURCE])).toBe(true);
    expect(linksTo(new URL('https://x.example/a?id=2'), new URL('https://x.example/a?id=1'))).toBe(false);
    expect(linksTo(new URL('https://x.example/a?id=1'), new URL('https://x.example/a?id=1'))).toBe(true);
  });

  it('credits a bare host and its subdomains, not a look-alike', () => {
    expect(linksAny(['https://www.nytimes.com/2022/03/02/world/x.html'], ['nytimes.com'])).toBe(true);
    expect(linksAny(['https://cooking.nytimes.com/'], ['nytimes.com'])).toBe(true);
    expect(linksAny(['https://notnytimes.com/'], ['nytimes.com'])).toBe(false);
  });

  it('skips what is not a URL', () => {
    expect(linksAny(['not a url', 'javascript:void(0)'], [SOURCE, 'not/a url'])).toBe(false);
  });
});

describe('names a page credits by', () => {
  it('knows a publisher by its short forms', () => {
    expect(publisherNames('ZeroHedge News')).toEqual(expect.arrayContaining(['ZeroHedge News', 'ZeroHedge', 'Zero Hedge']));
    expect(publisherNames('The Associated Press')).toEqual(expect.arrayContaining(['Associated Press', 'AssociatedPress']));
    expect(publisherNames('Zero Hedge')).toContain('ZeroHedge');
  });

  it('finds the outlet a publisher is, however the metadata spells it', () => {
    expect(outletOfPublisher('ZeroHedge News')?.domains).toEqual(['zerohedge.com']);
    expect(outletOfPublisher('The New York Times')?.name).toBe('The New York Times');
    expect(outletOfPublisher('nytimes.com')?.name).toBe('The New York Times');
    expect(outletOfPublisher('Hedge Fund Weekly')).toBeUndefined();
    // A two-letter alias is not a publisher's name: "AP Photo Desk" is not matched by squeezing.
    expect(outletOfPublisher('Ap')).toBeUndefined();
  });

  it('matches whole names, loose spaces, any case, except exact names', () => {
    const names = [
      { text: 'Zero Hedge', exact: false },
      { text: 'the Times', exact: true },
      { text: 'AP', exact: true },
    ];
    expect(namedIn('as zero  hedge put it', names)).toBe('Zero Hedge');
    expect(namedIn('The Times reported', names)).toBe('the Times');
    expect(namedIn('at the times we met', names)).toBeNull();
    expect(namedIn('a map of the area', names)).toBeNull();
    expect(namedIn('(AP) —', names)).toBe('AP');
    expect(namedIn('ZeroHedgehog', [{ text: 'ZeroHedge', exact: false }])).toBeNull();
  });
});

describe('the site of an address', () => {
  it('is the registrable domain, by the Public Suffix List', () => {
    expect(siteOf('https://news.bbc.co.uk/2/hi/x.stm')).toBe('bbc.co.uk');
    expect(siteOf('https://edition.cnn.com/2022/02/25/x')).toBe('cnn.com');
    expect(siteOf('https://www.zerohedge.com/geopolitical/x')).toBe('zerohedge.com');
  });

  it('is unknown for a shortener, a feed redirector or no address', () => {
    expect(siteOf('https://ift.tt/ZktsESg')).toBeNull();
    expect(siteOf('https://feedproxy.google.com/~r/x')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(null)).toBeNull();
  });
});
