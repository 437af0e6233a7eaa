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
  it('keeps a cell on one line and neutralizes pipes, backticks and HTML', () => {
    const escaped = escapeMarkdown('a | b `c` <script>x</script>\nnext [link](u) *em* _u_');
    expect(escaped).not.toContain('\n');
    expect(escaped).toBe('a \\| b \\`c\\` &lt;script&gt;x&lt;/script&gt; next \\[link\\](u) \\*em\\* \\_u\\_');
  });
});

describe('Mermaid and DOT escaping', () => {
  it('turns Mermaid delimiters into entity codes', () => {
    expect(escapeMermaidLabel('a "b" <c> #d `e` |f|\ng')).toBe('a #34;b#34; #60;c#62; #35;d #96;e#96; #124;f#124; g');
  });

  it('quotes DOT strings without letting backslashes act as escapes', () => {
    expect(escapeDotString('say "hi"\\l\nnext')).toBe('say \\"hi\\"\\\\l\\nnext');
  });
});
