// Topic link previews start the first time a reader points at or tabs to a topic link: this puts the page's
// <template> of the preview code (src/components/TopicPreviewCode.astro) into the page, which fetches and runs it.
// Only these lines load with the page (article pages have a byte budget); the link works as a link throughout.

const TOPIC_LINKS = 'a.topic-link';

function start(event: Event): void {
  if (!(event.target instanceof Element) || !event.target.closest(TOPIC_LINKS)) return;
  document.removeEventListener('mouseover', start);
  document.removeEventListener('focusin', start);
  const template = document.querySelector<HTMLTemplateElement>('template[data-topic-preview-code]');
  template?.replaceWith(template.content);
}

if (document.querySelector(TOPIC_LINKS)) {
  document.addEventListener('mouseover', start);
  document.addEventListener('focusin', start);
}
