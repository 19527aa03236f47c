/**
 * A tiny document model for generated articles. A body is generated once as blocks and rendered once
 * per locale with a text transform, so every translation keeps exactly the source's links, images,
 * code and table layout while its prose changes.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; text: string }
  | { kind: "emphasis"; text: string }
  | { kind: "code"; text: string }
  | { kind: "link"; text: string; href: string }
  /** `<https://...>`: a CommonMark autolink. */
  | { kind: "autolink"; href: string }
  /** A bare URL in running text: a GFM autolink. */
  | { kind: "url"; href: string };

export type AlertType = "NOTE" | "TIP" | "IMPORTANT" | "WARNING";

export type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "table"; header: string[]; rows: Inline[][][] }
  | { kind: "code"; language: string; code: string }
  | { kind: "image"; alt: string; src: string }
  | { kind: "alert"; type: AlertType; inlines: Inline[] }
  /** A video URL alone on its line (rendered as an embed). */
  | { kind: "embed"; url: string };

/** Rewrites human-readable text only; never applied to URLs, paths or code. */
export type TextTransform = (text: string) => string;

const identity: TextTransform = (text) => text;

/** Renders one inline span to markdown. */
export function renderInline(inline: Inline, translate: TextTransform = identity): string {
  switch (inline.kind) {
    case "text":
      return translate(inline.text);
    case "strong":
      return `**${translate(inline.text)}**`;
    case "emphasis":
      return `*${translate(inline.text)}*`;
    case "code":
      return `\`${inline.text}\``;
    case "link":
      return `[${translate(inline.text)}](${inline.href})`;
    case "autolink":
      return `<${inline.href}>`;
    case "url":
      return inline.href;
  }
}

function renderInlines(inlines: readonly Inline[], translate: TextTransform): string {
  return inlines.map((inline) => renderInline(inline, translate)).join("");
}

/** Renders one block to markdown, without the blank line that separates blocks. */
export function renderBlock(block: Block, translate: TextTransform = identity): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${translate(block.text)}`;
    case "paragraph":
      return renderInlines(block.inlines, translate);
    case "list":
      return block.items
        .map((item, index) => `${block.ordered ? `${index + 1}.` : "-"} ${renderInlines(item, translate)}`)
        .join("\n");
    case "table":
      return renderTable(block, translate);
    case "code":
      return `\`\`\`${block.language}\n${block.code}\n\`\`\``;
    case "image":
      return `![${translate(block.alt)}](${block.src})`;
    case "alert":
      return `> [!${block.type}]\n> ${renderInlines(block.inlines, translate)}`;
    case "embed":
      return block.url;
  }
}

function renderTable(block: Extract<Block, { kind: "table" }>, translate: TextTransform): string {
  const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [
    row(block.header.map(translate)),
    row(block.header.map(() => "---")),
    ...block.rows.map((cells) => row(cells.map((cell) => renderInlines(cell, translate)))),
  ].join("\n");
}

/** Renders a whole body: blocks separated by one blank line, ending with a newline. */
export function renderBlocks(blocks: readonly Block[], translate: TextTransform = identity): string {
  return `${blocks.map((block) => renderBlock(block, translate)).join("\n\n")}\n`;
}
