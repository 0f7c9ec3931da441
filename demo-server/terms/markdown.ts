// SPDX-License-Identifier: MIT
/**
 * A city's terms of use, written in Markdown, turned into the `Terms` structure the elements
 * render (headings, paragraphs, lists) — never into HTML. markdown-it parses in CommonMark
 * mode with HTML off, so `<script>` typed in the file is just text; the inline markup is
 * flattened to plain text as src/schemas/terms.ts describes.
 *
 * The file starts with a front matter giving its version and date:
 *
 * ```markdown
 * ---
 * version: 2026-09
 * publishedOn: 2026-09-01
 * ---
 *
 * # Conditions générales d'utilisation
 * ```
 *
 * The one level-1 heading is the title; `##` to `####` are the sections.
 */
import { createHash } from 'node:crypto';
import MarkdownIt, { type Token } from 'markdown-it';
import { Terms, type TermsBlock } from '../../src/schemas/terms.js';

/** What is wrong with a terms file; the loader prefixes the file's path. */
export class TermsSyntaxError extends Error {
  override name = 'TermsSyntaxError';
}

const md = new MarkdownIt('commonmark', { html: false });

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_KEYS = new Set(['version', 'publishedOn']);
/** Versions name files (`<version>.md`): no separators, nothing hidden. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** SHA-256 (hex) of the exact bytes of the source: what a citizen's acceptance proves. */
export function hashTermsSource(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

function readFrontMatter(source: string): { fields: Record<string, string>; body: string; bodyLine: number } {
  const match = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!match) throw new TermsSyntaxError('missing front matter (--- version: … publishedOn: … ---) at the top');
  const fields: Record<string, string> = {};
  for (const [index, line] of match[1]!.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const pair = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (!pair) throw new TermsSyntaxError(`front matter line ${index + 2}: expected "key: value"`);
    const [, key, value] = pair as unknown as [string, string, string];
    if (!FRONT_MATTER_KEYS.has(key)) throw new TermsSyntaxError(`front matter: unknown key "${key}" (version, publishedOn)`);
    fields[key] = value.replace(/^(["'])(.*)\1$/, '$2');
  }
  // Line numbers in messages count from the top of the file, front matter included.
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { fields, body: source.replace(/^\uFEFF/, '').slice(match[0].length), bodyLine };
}

/** `example.fr`, `https://example.fr/` and `https://example.fr` all read the same. */
const bareUrl = (url: string) => url.replace(/^[a-z]+:(\/\/)?/i, '').replace(/\/$/, '');

/** An inline token's children as plain text. */
function inlineText(token: Token): string {
  let text = '';
  let link: { href: string; start: number } | undefined;
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        // The alternative text stands for the picture; pictures themselves are not carried.
        text += child.children ? inlineText(child) : child.content;
        break;
      case 'link_open':
        link = { href: String(child.attrGet('href') ?? ''), start: text.length };
        break;
      case 'link_close':
        if (link?.href) {
          const label = text.slice(link.start).trim();
          const href = link.href.startsWith('mailto:') ? link.href.slice(7) : link.href;
          if (bareUrl(label) !== bareUrl(href)) text += ` (${href})`;
        }
        link = undefined;
        break;
      // strong/em open and close: the words stay, the emphasis goes.
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Parses a terms file. `expectedVersion` (the file's name) must match the front matter's
 * `version`: a copied file that kept its old version would otherwise shadow another one.
 */
export function markdownToTerms(source: string, expectedVersion?: string): Terms {
  const { fields, body, bodyLine } = readFrontMatter(source);
  const lineOf = (token: Token) => (token.map?.[0] ?? 0) + 1 + bodyLine;
  const version = fields['version'];
  if (!version) throw new TermsSyntaxError('front matter: version is missing');
  if (!VERSION_PATTERN.test(version)) throw new TermsSyntaxError(`front matter: version "${version}" may hold only letters, digits, ".", "_" and "-"`);
  if (expectedVersion !== undefined && version !== expectedVersion) {
    throw new TermsSyntaxError(`front matter: version "${version}" does not match the file name (${expectedVersion}.md)`);
  }

  const tokens = md.parse(body, {});
  let title: string | undefined;
  const blocks: TermsBlock[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  let item: string[] | undefined;
  let depth = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]!);
        const level = Number(token.tag.slice(1));
        if (list) throw new TermsSyntaxError(`line ${lineOf(token)}: a heading inside a list`);
        if (level === 1) {
          if (title !== undefined) throw new TermsSyntaxError(`line ${lineOf(token)}: a second level-1 heading (# …); only the title is`);
          title = text;
        } else {
          // Levels 5 and 6 read as the deepest level the structure carries.
          blocks.push({ type: 'heading', level: Math.min(level, 4), text });
        }
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (list) {
          throw new TermsSyntaxError(`line ${lineOf(token)}: lists inside lists are not supported; write the sub-items as a sentence or a list of their own`);
        }
        list = { ordered: token.type === 'ordered_list_open', items: [] };
        depth = token.level;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (list && token.level === depth) {
          blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
          list = undefined;
        }
        break;
      case 'list_item_open':
        item = [];
        break;
      case 'list_item_close':
        if (list && item) list.items.push(item.join(' ').trim());
        item = undefined;
        break;
      case 'inline': {
        const text = inlineText(token);
        if (!text) break;
        if (item) item.push(text);
        else blocks.push({ type: 'paragraph', text });
        break;
      }
      case 'code_block':
      case 'fence': {
        // Kept as text, so that nothing the city wrote silently disappears.
        const text = token.content.replace(/\s+/g, ' ').trim();
        if (!text) break;
        if (item) item.push(text);
        else blocks.push({ type: 'paragraph', text });
        break;
      }
      // paragraph_open/close, blockquote_open/close (its paragraphs are kept), hr: no block.
    }
  }

  if (title === undefined) throw new TermsSyntaxError('no title: the text needs one level-1 heading (# …)');
  if (blocks.length === 0) throw new TermsSyntaxError('the text is empty');
  const parsed = Terms.safeParse({
    version,
    publishedOn: fields['publishedOn'],
    title,
    blocks,
    textHash: hashTermsSource(source),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    throw new TermsSyntaxError(`front matter or text: ${problems.join('; ')} (publishedOn must be a date, YYYY-MM-DD)`);
  }
  return parsed.data;
}
