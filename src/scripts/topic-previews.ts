// Hovering or focusing a topic link in the text shows the topic's summary in a small preview, so a reader can
// tell what a name refers to without leaving the article. The link works as a plain link without this. This file
// is fetched when a reader first reaches a topic link (topic-preview-start.ts), so it starts by showing the
// preview of the link under the pointer or in focus.

const links = document.querySelectorAll<HTMLAnchorElement>('a.topic-link[data-topic-summary]');

if (links.length > 0) {
  const preview = document.createElement('div');
  preview.id = 'topic-preview';
  preview.className = 'topic-preview';
  preview.setAttribute('role', 'tooltip');
  preview.hidden = true;
  document.body.append(preview);
  let current: HTMLAnchorElement | undefined;

  const hide = () => {
    current?.removeAttribute('aria-describedby');
    current = undefined;
    preview.hidden = true;
  };

  const show = (link: HTMLAnchorElement) => {
    if (current === link) return;
    hide();
    current = link;
    preview.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = link.textContent ?? '';
    const summary = document.createElement('span');
    summary.textContent = ` ${link.dataset.topicSummary ?? ''}`;
    preview.append(title, summary);
    preview.hidden = false;
    link.setAttribute('aria-describedby', preview.id);
    const box = link.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    preview.style.width = `${width}px`;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    preview.style.left = `${left}px`;
    preview.style.top = `${box.bottom + window.scrollY + 6}px`;
  };

  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link));
    link.addEventListener('focus', () => show(link));
    link.addEventListener('mouseleave', hide);
    link.addEventListener('blur', hide);
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  const reached = [...links].find((link) => link.matches(':hover, :focus'));
  if (reached) show(reached);
}
