// The few Vite module forms the extension uses (instead of pulling in vite/client's DOM-wide types).

/** `?inline` CSS: the stylesheet as a string (for the banner's shadow root). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** `?raw`: a file's text (tests read the README this way). */
declare module '*?raw' {
  const text: string;
  export default text;
}

interface ImportMeta {
  /** Vite/Vitest: the modules matching a pattern, loaded eagerly. */
  glob<T = unknown>(
    pattern: string | string[],
    options: { eager: true; query?: string; import?: string },
  ): Record<string, T>;
}
