declare module 'virtual:gloss-knowledge' {
  const bundle: import('./bundle').KnowledgeBundle;
  export default bundle;
}
