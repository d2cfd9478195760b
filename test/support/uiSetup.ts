import { configure } from "@testing-library/react";

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

// findBy… and waitFor give up after one second by default; a pane test that runs a whole check in
// jsdom can take longer than that on a busy machine. This is an upper bound, not a wait.
configure({ asyncUtilTimeout: 10000 });
