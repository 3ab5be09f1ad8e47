/** Dataset files are imported as their text (esbuild.js, datasetTextPlugin). */
declare module '*.facts.json' {
  const text: string;
  export default text;
}
