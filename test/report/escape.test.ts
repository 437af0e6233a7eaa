// The escapers are the only thing between a hostile flow and each output syntax: exact outputs.
import { describe, expect, it } from 'vitest';
import {
  escapeDotString,
  escapeGithubData,
  escapeGithubProperty,
  escapeHtml,
  escapeMarkdown,
  escapeMermaidLabel,
  escapeXmlAttribute,
  escapeXmlText,
  stripInvalidXmlChars,
  stderrLine,
  visible,
} from '../../src/report/escape.js';

describe('GitHub workflow command escaping', () => {
  it('escapes data as the toolkit does: % first, then CR and LF', () => {
    expect(escapeGithubData('100%\r\nnext, a:b')).toBe('100%25%0D%0Anext, a:b');
    // An already-escaped-looking sequence must survive as text, not decode to a newline.
    expect(escapeGithubData('%0A')).toBe('%250A');
  });

  it('escapes properties additionally for : and ,', () => {
    expect(escapeGithubProperty('a,b:c%d\ne\rf')).toBe('a%2Cb%3Ac%25d%0Ae%0Df');
  });
});

describe('XML escaping', () => {
  it('escapes markup in text and quotes and whitespace in attributes', () => {
    expect(escapeXmlText('<a href="x">&</a> ]]>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt; ]]&gt;');
    expect(escapeXmlAttribute(`"it's"\n\t\r<`)).toBe('&quot;it\'s&quot;&#10;&#9;&#13;&lt;');
    expect(escapeHtml(`"it's"<`)).toBe('&quot;it&#39;s&quot;&lt;');
  });

  it('replaces characters XML 1.0 forbids, keeps tab, LF, CR and astral characters', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(stripInvalidXmlChars('\t\n\r😀')).toBe('\t\n\r😀');
    expect(stripInvalidXmlChars('lone \uD800 and \uDC00')).toBe('lone \uFFFD and \uFFFD');
  });
});

describe('Markdown escaping', () => {
  it('keeps a cell on one line (a line break shows as \\n) and neutralizes pipes, backticks and HTML', () => {
    const escaped = escapeMarkdown('a | b `c` <script>x</script>\nnext [link](u) *em* _u_');
    expect(escaped).not.toContain('\n');
    expect(escaped).toBe('a \\| b \\`c\\` &lt;script&gt;x&lt;/script&gt;\\\\nnext \\[link\\](u) \\*em\\* \\_u\\_');
  });
});

describe('Mermaid and DOT escaping', () => {
  it('turns Mermaid delimiters into entity codes and line breaks into a visible \\n', () => {
    expect(escapeMermaidLabel('a "b" <c> #d `e` |f|\ng')).toBe('a #34;b#34; #60;c#62; #35;d #96;e#96; #124;f#124;\\ng');
  });

  it('quotes DOT strings without letting backslashes act as escapes', () => {
    expect(escapeDotString('say "hi"\\l\nnext')).toBe('say \\"hi\\"\\\\l\\nnext');
  });
});

describe('visible', () => {
  it('shows C0 and C1 controls, DEL and line breaks as escapes', () => {
    expect(visible('a\u001b]0;t\u0007b\u001b[2Jc\r\n\t\u0000\u007f\u0080\u009b')).toBe('a\\x1b]0;t\\x07b\\x1b[2Jc\\r\\n\\t\\x00\\x7f\\x80\\x9b');
  });

  it('shows bidi controls, marks and zero-width characters as \\u escapes', () => {
    const hidden = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f\u200b\u200c\u200d\ufeff\u2060\u2028\u2029';
    expect(visible(hidden)).toBe('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u061c\\u200e\\u200f\\u200b\\u200c\\u200d\\ufeff\\u2060\\u2028\\u2029');
  });

  it('keeps printable text, backslashes, accents, emoji and other scripts as they are', () => {
    const text = 'C:\\flows\\a.yaml é ü 😀 مرحبا 日本 100% `x`';
    expect(visible(text)).toBe(text);
  });

  it('shows lone surrogates, keeps pairs', () => {
    expect(visible('a\ud800b\udc00c😀')).toBe('a\\ud800b\\udc00c😀');
  });

  it('can leave line breaks to a format that encodes them itself', () => {
    expect(visible('a\r\nb\u001b', { keepLineBreaks: true })).toBe('a\r\nb\\x1b');
  });

  it('makes GitHub data, Markdown and Mermaid text visible too', () => {
    expect(escapeGithubData('a\u001b[2J\nb\u202e')).toBe('a\\x1b[2J%0Ab\\u202e');
    expect(escapeMarkdown('a\u0007b')).toBe('a\\\\x07b');
    expect(escapeMermaidLabel('a\u0007b')).toBe('a\\x07b');
  });

  it('writes one stderr line, whatever the message holds', () => {
    expect(stderrLine('bad \u001b[2J\nnext')).toBe('ivr-audit: bad \\x1b[2J\\nnext\n');
  });
});
