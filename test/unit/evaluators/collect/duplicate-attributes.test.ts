import { describe, expect, it } from 'vitest';

import { duplicateAttributes } from '../../../../evaluators/collect/duplicate-attributes.js';

const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

describe('duplicateAttributes', () => {
  it('names each start tag that repeats an attribute once, however many it repeats, with its place and its tag as written', () => {
    const issue = duplicateAttributes(
      page(`<div id="nav"><svg><line x1="0" y1="0" x1="200" y1="200" /></svg></div><p>一</p><p><a href="/a" href="/b">二</a></p>`),
    );
    expect(issue).toMatchObject({
      check: 'duplicate-attribute',
      count: 2,
      examples: [
        { selector: '#nav > svg > line', html: '<line x1="0" y1="0" x1="200" y1="200" />' },
        { selector: 'body > p:nth-of-type(2) > a', html: '<a href="/a" href="/b">' },
      ],
    });
  });

  it('reads template content, and no attribute inside script text, a textarea or a comment', () => {
    expect(duplicateAttributes(page(`<template><span class="a" class="b"></span></template>`))?.examples).toEqual([
      { selector: 'body > template > span', html: '<span class="a" class="b">' },
    ]);
    expect(
      duplicateAttributes(page(`<script>var s = '<img alt="" alt="x">';</script><!-- <b id=a id=b> --><input type="checkbox" disabled readonly>`)),
    ).toBeNull();
  });
});
