import knowledge from 'virtual:gloss-knowledge';
import { SourceFooter } from '@/components/SourceFooter';

export function App() {
  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>Gloss</h1>
      </header>
      <p class="popup__lede">
        Gloss marks {knowledge.entities.length} people, groups and places in the news, with what its source says about them.
      </p>
      <SourceFooter sources={knowledge.sources} />
    </main>
  );
}
