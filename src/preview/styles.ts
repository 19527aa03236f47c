/**
 * The preview's stylesheet: a layout and body typography close to an Intercom help center (a
 * coloured header with the name, a centred column, cards for collections, Intercom's blocks:
 * callouts, tables, buttons, video, images). Logical properties keep right-to-left pages right.
 */
export const PREVIEW_CSS = `
:root { --accent: #334bfa; --text: #1a1a1a; --muted: #5f6369; --line: #e6e7ea; --bg: #f7f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--text); background: var(--bg); }
a { color: var(--accent); }
.hc-header { background: var(--accent); color: #fff; padding: 20px 24px 56px; }
.hc-header-inner, .hc-main { max-width: 880px; margin: 0 auto; }
.hc-bar { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.hc-name { color: #fff; font-weight: 700; font-size: 20px; text-decoration: none; margin-inline-end: auto; }
.hc-bar a.hc-dashboard { color: #fff; font-size: 14px; }
.hc-locales { display: flex; gap: 6px; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; font-size: 13px; }
.hc-locales a { color: #fff; text-decoration: none; padding: 2px 8px; border-radius: 12px; border: 1px solid rgba(255,255,255,.45); }
.hc-locales a[aria-current="true"] { background: #fff; color: var(--accent); }
.hc-locales .mark { opacity: .85; font-size: 11px; margin-inline-start: 4px; }
.hc-main { margin-top: -36px; padding: 0 24px 48px; }
.hc-card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 24px 28px; margin-bottom: 16px; }
.hc-breadcrumbs { font-size: 14px; color: var(--muted); margin-bottom: 12px; display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; }
.hc-breadcrumbs li + li::before { content: "›"; margin-inline-end: 6px; }
.hc-breadcrumbs a { color: var(--muted); }
h1.hc-title { font-size: 28px; line-height: 1.25; margin: 0 0 8px; }
.hc-description { color: var(--muted); margin: 0 0 16px; font-size: 17px; }
.hc-collections { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
.hc-card > .hc-collections > .hc-collection { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.hc-collections .hc-collections { margin-top: 10px; margin-inline-start: 18px; }
.hc-collection > a { font-weight: 600; font-size: 18px; text-decoration: none; }
.hc-collection p { margin: 2px 0; color: var(--muted); }
.hc-count { color: var(--muted); font-size: 13px; }
.hc-articles { list-style: none; padding: 0; margin: 8px 0 0; }
.hc-articles li { padding: 8px 0; border-top: 1px solid var(--line); }
.hc-articles a { text-decoration: none; font-weight: 500; }
.hc-articles p { margin: 0; color: var(--muted); font-size: 14px; }
.hc-flag { display: inline-block; font-size: 12px; border-radius: 10px; padding: 0 8px; margin-inline-start: 6px; background: #fff3cd; color: #7a5b00; border: 1px solid #f1d78a; vertical-align: middle; }
.hc-flag.missing { background: #fdecea; color: #8a1f11; border-color: #f3b8ae; }
.hc-flag.translated { background: #e7f6ec; color: #1d6b3a; border-color: #a9dcb9; }
.hc-notice { border-inline-start: 4px solid #f1b400; background: #fff8e1; padding: 10px 14px; border-radius: 6px; margin: 0 0 16px; font-size: 14px; }
.hc-notice.missing { border-color: #e0533d; background: #fdecea; }
.hc-findings { background: #fff; border: 1px solid #f3b8ae; border-radius: 10px; padding: 12px 18px; margin-bottom: 16px; font-size: 14px; }
.hc-findings h2 { font-size: 15px; margin: 0 0 6px; }
.hc-findings ul { margin: 0; padding-inline-start: 18px; }
.hc-findings .error code.where { color: #b3261e; }
.hc-findings .warning code.where { color: #7a5b00; }
.hc-findings .hint { color: var(--muted); }
.intercom-content { font-size: 16px; line-height: 1.7; overflow-wrap: break-word; }
.intercom-content h1 { font-size: 22px; margin: 28px 0 8px; }
.intercom-content h2 { font-size: 18px; margin: 22px 0 6px; }
.intercom-content img { max-width: 100%; height: auto; border-radius: 6px; }
.intercom-content pre { background: #1f2328; color: #f0f3f6; padding: 14px 16px; border-radius: 8px; overflow-x: auto; font-size: 14px; }
.intercom-content code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
.intercom-content :not(pre) > code { background: #f0f1f4; padding: 1px 5px; border-radius: 4px; }
.intercom-content table { border-collapse: collapse; width: 100%; margin: 16px 0; font-size: 15px; }
.intercom-content th, .intercom-content td { border: 1px solid var(--line); padding: 8px 12px; text-align: start; vertical-align: top; }
.intercom-content th { background: #f4f5f7; }
.intercom-content .intercom-interblocks-table-container { overflow-x: auto; }
.intercom-content .intercom-interblocks-callout { border: 1px solid; border-radius: 8px; padding: 4px 16px; margin: 16px 0; }
.intercom-content .intercom-h2b-button, .intercom-content a.intercom-h2b-button { display: inline-block; background: var(--accent); color: #fff; padding: 8px 18px; border-radius: 6px; text-decoration: none; font-weight: 600; }
.intercom-content iframe, .intercom-content .intercom-h2b-video iframe { width: 100%; aspect-ratio: 16 / 9; height: auto; border: 0; border-radius: 8px; background: #000; }
.intercom-content blockquote { border-inline-start: 3px solid var(--line); margin: 12px 0; padding-inline-start: 14px; color: var(--muted); }
.intercom-align-center { text-align: center; } .intercom-align-right { text-align: end; } .intercom-align-justify { text-align: justify; }
.hc-dashboard table { border-collapse: collapse; width: 100%; font-size: 15px; }
.hc-dashboard th, .hc-dashboard td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: start; }
.hc-dashboard td.num { font-variant-numeric: tabular-nums; }
.hc-progress { height: 8px; background: #eceef1; border-radius: 4px; overflow: hidden; min-width: 80px; }
.hc-progress span { display: block; height: 100%; background: #1bb157; }
.hc-diff { background: #fafbfc; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; font-size: 14px; white-space: pre-wrap; }
.hc-diff ins { background: #d7f5dd; text-decoration: none; }
.hc-diff del { background: #fbdada; }
.hc-diff .hc-elided { color: var(--muted); padding: 0 4px; }
.hc-outdated { margin: 10px 0 18px; }
.hc-outdated h4 { margin: 0 0 4px; font-size: 15px; }
.hc-muted { color: var(--muted); font-size: 14px; }
`;
