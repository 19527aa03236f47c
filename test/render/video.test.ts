import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { toVideoPageUrl } from "../../src/render/video.js";
import { buildContext } from "./context.js";

const render = (markdown: string) => renderMarkdown(markdown, buildContext());
const iframe = (src: string) => `<iframe src="${src}" frameborder="0" allowfullscreen></iframe>\n`;

describe("video embeds", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/embed/dQw4w9WgXcQ"],
    ["https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "https://www.youtube.com/embed/dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/embed/dQw4w9WgXcQ"],
    ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
    ["https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184", "https://www.loom.com/embed/0281766fa2d04bb788eaf19e65135184"],
    ["https://acme.wistia.com/medias/j38ihh83m5", "https://fast.wistia.net/embed/iframe/j38ihh83m5"],
  ])("embeds %s alone on a line", (url, embed) => {
    expect(render(`Intro.\n\n${url}\n\nOutro.\n`).html).toBe(`<p>Intro.</p>\n${iframe(embed)}<p>Outro.</p>\n`);
  });

  it("embeds an angle-bracket autolink alone on a line", () => {
    expect(render("<https://youtu.be/dQw4w9WgXcQ>\n").html).toBe(iframe("https://www.youtube.com/embed/dQw4w9WgXcQ"));
  });

  it("leaves a video URL inside a sentence as a link", () => {
    expect(render("Watch https://youtu.be/dQw4w9WgXcQ now.\n").html).toBe(
      '<p>Watch <a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a> now.</p>\n',
    );
  });

  it("leaves a lone URL of another site as a link", () => {
    expect(render("https://example.com/video\n").html).toBe('<p><a href="https://example.com/video">https://example.com/video</a></p>\n');
  });

  it("maps each embed URL back to a page URL that embeds the same way", () => {
    for (const embed of ["https://www.youtube.com/embed/abcdefghijk", "https://player.vimeo.com/video/123", "https://www.loom.com/embed/abc123", "https://fast.wistia.net/embed/iframe/xyz789"]) {
      const page = toVideoPageUrl(embed)!;
      expect(render(`${page}\n`).html).toBe(iframe(embed));
    }
  });
});
