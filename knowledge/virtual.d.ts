declare module 'virtual:gloss-knowledge' {
  const bundle: import('./bundle').KnowledgeBundle;
  export default bundle;
}

declare module 'virtual:gloss-knowledge/popup' {
  const bundle: import('./bundle').PopupKnowledge;
  export default bundle;
}

declare module 'virtual:gloss-knowledge/search' {
  const bundle: import('./bundle').SearchKnowledge;
  export default bundle;
}
