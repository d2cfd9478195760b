import { configure } from "@testing-library/react";

// findBy* and waitFor poll until the page shows what the test expects; their ceiling (1 s by
// default) is not a wait but a bound on how long the machine may take to render. On a busy machine
// the default fails tests that are correct: give them what Jest gives a test.
configure({ asyncUtilTimeout: 60_000 });

// jsdom lacks a few browser APIs Fluent UI v9 calls while rendering popovers and responsive
// components; these stand-ins do nothing, which is all a test that never lays out needs.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  window.ResizeObserver ??= NoopResizeObserver;
  window.matchMedia ??= (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// jsdom's style sheets cannot parse container queries (the bar charts lay out by their own width
// with them) and throw; Griffel then reports the rule on the console. A browser that lacked them
// would drop such a rule and keep the rest, and so does this stand-in: a test never lays out.
if (typeof CSSStyleSheet !== "undefined") {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (rule: string, index?: number): number {
    return /^\s*@container\b/.test(rule)
      ? this.cssRules.length
      : insertRule.call(this, rule, index);
  };
}
