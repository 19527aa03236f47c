/**
 * Faster token and parser-state construction for one markdown-it instance.
 *
 * markdown-it 15 is compiled with a `_defineProperty` helper for every class field, and its token
 * and state constructors run it a dozen times per object. Profiling a 10,000-page tree showed that
 * helper alone at a fifth of the render time (a megamorphic keyed store per field). The classes
 * below build the same objects with plain assignments, in the same field order, and inherit every
 * method from markdown-it's own classes, so parsing and rendering are byte-for-byte unchanged.
 *
 * They are installed on one instance only (`md.block.State`, `md.inline.State`, `md.core.State`
 * are per-instance extension points), and only after a self-check: if a markdown-it upgrade adds
 * or renames a field, the check fails and the instance keeps markdown-it's own classes.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors untyped markdown-it internals */
type AnyClass = new (...args: any[]) => any;

/** The prototype chain of `target` continues at `base`, so methods and `instanceof` still work. */
function inherit(target: AnyClass, base: AnyClass): void {
  Object.setPrototypeOf(target.prototype, base.prototype as object);
}

function createTokenClass(Token: AnyClass): AnyClass {
  class FastToken {
    constructor(type: string, tag: string, nesting: number) {
      const self = this as any;
      self.map = null;
      self.level = 0;
      self.children = null;
      self.content = "";
      self.markup = "";
      self.info = "";
      self.block = false;
      self.hidden = false;
      self.type = type;
      self.tag = tag;
      self.attrs = null;
      self.nesting = nesting;
      self.meta = null;
    }
  }
  inherit(FastToken, Token);
  return FastToken;
}

function isSpace(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

function createBlockStateClass(StateBlock: AnyClass, Token: AnyClass): AnyClass {
  class FastStateBlock {
    constructor(src: string, md: unknown, env: unknown, tokens: unknown[]) {
      const self = this as any;
      const bMarks: number[] = [];
      const eMarks: number[] = [];
      const tShift: number[] = [];
      const sCount: number[] = [];
      const bsCount: number[] = [];
      self.bMarks = bMarks;
      self.eMarks = eMarks;
      self.tShift = tShift;
      self.sCount = sCount;
      self.bsCount = bsCount;
      self.blkIndent = 0;
      self.line = 0;
      self.lineMax = 0;
      self.tight = false;
      self.listIndent = -1;
      self.parentType = "root";
      self.level = 0;
      self.Token = Token;
      self.src = src;
      self.md = md;
      self.env = env;
      self.tokens = tokens;
      // Line markers, exactly as markdown-it's StateBlock computes them.
      let start = 0;
      let indent = 0;
      let offset = 0;
      let indentFound = false;
      for (let pos = 0, len = src.length; pos < len; pos++) {
        const ch = src.charCodeAt(pos);
        if (!indentFound) {
          if (isSpace(ch)) {
            indent++;
            if (ch === 0x09) offset += 4 - (offset % 4);
            else offset++;
            continue;
          }
          indentFound = true;
        }
        if (ch === 0x0a || pos === len - 1) {
          if (ch !== 0x0a) pos++;
          bMarks.push(start);
          eMarks.push(pos);
          tShift.push(indent);
          sCount.push(offset);
          bsCount.push(0);
          indentFound = false;
          indent = 0;
          offset = 0;
          start = pos + 1;
        }
      }
      bMarks.push(src.length);
      eMarks.push(src.length);
      tShift.push(0);
      sCount.push(0);
      bsCount.push(0);
      self.lineMax = bMarks.length - 1;
    }

    push(type: string, tag: string, nesting: number): unknown {
      const self = this as any;
      const token = new Token(type, tag, nesting);
      token.block = true;
      if (nesting < 0) self.level--;
      token.level = self.level;
      if (nesting > 0) self.level++;
      self.tokens.push(token);
      return token;
    }
  }
  inherit(FastStateBlock, StateBlock);
  return FastStateBlock;
}

function createInlineStateClass(StateInline: AnyClass, Token: AnyClass): AnyClass {
  class FastStateInline {
    constructor(src: string, md: unknown, env: unknown, outTokens: unknown[]) {
      const self = this as any;
      self.pos = 0;
      self.level = 0;
      self.pending = "";
      self.pendingLevel = 0;
      self.cache = {};
      self.backticks = {};
      self.backticksScanned = false;
      self.skipHtmlSpecial = false;
      self.linkLevel = 0;
      self.delimiters = [];
      self._prev_delimiters = [];
      self.Token = Token;
      self.src = src;
      self.env = env;
      self.md = md;
      self.tokens = outTokens;
      self.tokens_meta = Array(outTokens.length);
      self.posMax = src.length;
    }

    pushPending(): unknown {
      const self = this as any;
      const token = new Token("text", "", 0);
      token.content = self.pending;
      token.level = self.pendingLevel;
      self.tokens.push(token);
      self.pending = "";
      return token;
    }

    push(type: string, tag: string, nesting: number): unknown {
      const self = this as any;
      if (self.pending) self.pushPending();
      const token = new Token(type, tag, nesting);
      let tokenMeta: unknown = undefined;
      if (nesting < 0) {
        self.level--;
        self.delimiters = self._prev_delimiters.pop();
      }
      token.level = self.level;
      if (nesting > 0) {
        self.level++;
        self._prev_delimiters.push(self.delimiters);
        self.delimiters = [];
        tokenMeta = { delimiters: self.delimiters };
      }
      self.pendingLevel = self.level;
      self.tokens.push(token);
      self.tokens_meta.push(tokenMeta);
      return token;
    }
  }
  inherit(FastStateInline, StateInline);
  return FastStateInline;
}

function createCoreStateClass(StateCore: AnyClass, Token: AnyClass): AnyClass {
  class FastStateCore {
    constructor(src: string, md: unknown, env: unknown) {
      const self = this as any;
      self.tokens = [];
      self.inlineMode = false;
      self.Token = Token;
      self.src = src;
      self.env = env;
      self.md = md;
    }
  }
  inherit(FastStateCore, StateCore);
  return FastStateCore;
}

/** Own keys in order, and the primitive / array-length shape of each value. */
function describeShape(value: object): string {
  return Object.entries(value)
    .map(([key, field]) => `${key}:${describeValue(field)}`)
    .join(",");
}

function describeValue(field: unknown): string {
  if (Array.isArray(field)) return `[${field.length}]`;
  if (typeof field === "function") return "fn";
  if (field !== null && typeof field === "object") return "object";
  return JSON.stringify(field) ?? "undefined";
}

/**
 * Installs the faster classes on `md` when they build the same objects as markdown-it's own;
 * returns whether it did.
 */
export function installFastParserState(md: object): boolean {
  const parsers = md as unknown as { core: { State: AnyClass }; block: { State: AnyClass }; inline: { State: AnyClass } };
  const { State: StateCore } = parsers.core;
  const { State: StateBlock } = parsers.block;
  const { State: StateInline } = parsers.inline;
  const Token = new StateCore("", md, {}).Token as AnyClass;
  const FastToken = createTokenClass(Token);
  const classes = {
    core: createCoreStateClass(StateCore, FastToken),
    block: createBlockStateClass(StateBlock, FastToken),
    inline: createInlineStateClass(StateInline, FastToken),
  };

  const sample = "  # Title\n\n\tcode\n- item *one*\n";
  const same = (a: object, b: object): boolean => describeShape(a) === describeShape(b);
  const checks = [
    same(new Token("text", "span", 1) as object, new FastToken("text", "span", 1) as object),
    same(new StateCore(sample, md, {}) as object, new classes.core(sample, md, {}) as object),
    same(new StateBlock(sample, md, {}, []) as object, new classes.block(sample, md, {}, []) as object),
    same(new StateInline(sample, md, {}, []) as object, new classes.inline(sample, md, {}, []) as object),
  ];
  const block = new StateBlock(sample, md, {}, []);
  const fastBlock = new classes.block(sample, md, {}, []);
  checks.push(JSON.stringify([block.bMarks, block.eMarks, block.tShift, block.sCount]) === JSON.stringify([fastBlock.bMarks, fastBlock.eMarks, fastBlock.tShift, fastBlock.sCount]));
  if (checks.includes(false)) return false;

  parsers.core.State = classes.core;
  parsers.block.State = classes.block;
  parsers.inline.State = classes.inline;
  return true;
}
