/**
 * Imported first by the CLI's entry, before any other module is evaluated.
 *
 * A command lives a second or two. V8 hands a function to its optimising compiler once it has run
 * a budget of bytecode, and with the default budget (67,584 in Node 20's V8, `node --v8-options`) a
 * first push of 100 articles x 2 locales spent about 600 ms of CPU on compiler threads, optimising
 * parsers that finished soon after. About six times the budget sends only the code that stays hot
 * to the compiler: that push used about 1,600 ms of CPU instead of 1,700-1,900 (bench/RESULTS.md),
 * and a long `watch` still gets its hot paths optimised, a little later.
 *
 * The functions that do get optimised (markdown-it's renderer and block rules, the transforms of
 * src/render) then inline a lot into one compile: at V8's default of 920 bytes of inlined
 * bytecode per function, about 250 ms of TurboFan work for 48 functions. A limit of 300 makes each
 * compile smaller for code that runs barely slower in a run this short: the same push took 4-8%
 * less CPU (medians of 13-17 alternated runs, three times; bench/RESULTS.md).
 *
 * Only the CLI sets these: a program that embeds the library keeps its own tiering.
 */
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--interrupt-budget=400000 --max-inlined-bytecode-size-cumulative=300");
