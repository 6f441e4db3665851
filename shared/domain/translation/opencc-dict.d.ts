// OpenCC's character tables ship as plain JS modules without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string
  export default dict
}
