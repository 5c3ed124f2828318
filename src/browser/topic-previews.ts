// Hovering or focusing a topic link in the text shows the topic's summary in a small preview, so a reader can
// tell what a name refers to without leaving the article. The link works as a plain link without this. This file
// is fetched when a reader first reaches a topic link (topic-preview-start.ts); it fetches every topic's summary
// (/topics/summaries.json, a few kB, kept by the browser's cache from page to page) and then shows the preview of
// the link under the pointer or in focus.

import { previewTop } from '../lib/preview-position.ts';

const links = document.querySelectorAll<HTMLAnchorElement>('a.topic-link');
/** Every topic's summary by slug (src/pages/topics/summaries.json.ts), from the file beside the topic pages: a topic
 * link leads to <base>topics/<slug>/, so the file is ../summaries.json from there. None, and no previews, when it
 * cannot be had. */
const summaries: Record<string, string> =
  links.length === 0
    ? {}
    : await fetch(new URL('../summaries.json', links[0]!.href))
        .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}))
        .catch(() => ({}));

/** The summary of the topic a link leads to (its address ends /topics/<slug>/). */
function summaryOf(link: HTMLAnchorElement): string | undefined {
  const topic = link.pathname.split('/').at(-2);
  return topic && Object.hasOwn(summaries, topic) ? summaries[topic] : undefined;
}
/** How long the preview stays after the pointer leaves its link, so the pointer can move onto it (WCAG 1.4.13). */
const LEAVE_DELAY_MS = 300;

if (links.length > 0) {
  const preview = document.createElement('div');
  preview.id = 'topic-preview';
  preview.className = 'topic-preview';
  preview.setAttribute('role', 'tooltip');
  preview.hidden = true;
  document.body.append(preview);
  let current: HTMLAnchorElement | undefined;
  let leaving: ReturnType<typeof setTimeout> | undefined;

  const stay = () => clearTimeout(leaving);
  const hide = () => {
    stay();
    current?.removeAttribute('aria-describedby');
    current = undefined;
    preview.hidden = true;
  };
  // The pointer may move from the link onto the preview (to read it, or select its words) without it going.
  const hideSoon = () => {
    stay();
    leaving = setTimeout(hide, LEAVE_DELAY_MS);
  };

  const show = (link: HTMLAnchorElement) => {
    stay();
    const text = summaryOf(link);
    if (current === link || !text) return;
    hide();
    current = link;
    preview.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = link.textContent ?? '';
    const summary = document.createElement('span');
    summary.textContent = ` ${text}`;
    preview.append(title, summary);
    preview.hidden = false;
    link.setAttribute('aria-describedby', preview.id);
    const box = link.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    preview.style.width = `${width}px`;
    const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    preview.style.left = `${left}px`;
    preview.style.top = `${previewTop(box.top, box.bottom, preview.offsetHeight, document.documentElement.clientHeight) + window.scrollY}px`;
  };

  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link));
    link.addEventListener('focus', () => show(link));
    link.addEventListener('mouseleave', hideSoon);
    link.addEventListener('blur', hide);
  }
  preview.addEventListener('mouseenter', stay);
  preview.addEventListener('mouseleave', hide);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  const reached = [...links].find((link) => link.matches(':hover, :focus'));
  if (reached) show(reached);
}
