import { describe, expect, test } from 'vitest';
import { searchWordsFromPath } from '../../src/lib/address-words.ts';

describe('the words a not-found page searches for, from the address', () => {
  test.each([
    ['/articles/alibaba-embrace/', '/', 'alibaba embrace'],
    ['/topics/wechat-pya/', '/', 'wechat pya'],
    ['/topics/alibaba/coverage/40/', '/', 'alibaba'],
    ['/timeline/9/', '/', ''],
    ['/no-such-page/', '/', 'no such page'],
    ['/walled-gardens/articles/lazada_deal/', '/walled-gardens/', 'lazada deal'],
    ['/articles/%E6%B7%98%E5%AE%9D/', '/', '淘宝'],
    ['/articles/bad%E0%A4%A/', '/', 'bad%E0%A4%A'],
    ['/about.html', '/', 'about'],
    ['/', '/', ''],
  ])('%s (base %s) searches for "%s"', (path, base, words) => {
    expect(searchWordsFromPath(path, base)).toBe(words);
  });
});
