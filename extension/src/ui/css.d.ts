// Vite's `?inline` CSS import: the stylesheet as a string (for the banner's shadow root).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
