// Gives every numbered passage of a page a stable id (p-1, p-2, …) so any passage can be linked to, quoted by a
// topic page's mention list and highlighted on arrival. Which elements are passages, and which of them are
// numbered, is defined once in the content model (src/content-model/passages.ts): the same walk the content check
// and the note anchoring use. Ids only depend on the text itself, so they stay stable as long as the article's
// verbatim text does.
import type { Root } from 'hast';
import { walkPassages } from '../content-model/passages.ts';
import { paragraphId } from '../lib/paragraphs.ts';

export default function rehypeParagraphIds() {
  return (tree: Root) => {
    walkPassages(tree, {
      passage(element, number) {
        if (number !== undefined) element.properties.id ??= paragraphId(number);
      },
    });
  };
}
