// /topics/summaries.json: every topic's one-line summary, by slug, for the preview a topic link shows on hover or
// focus (src/browser/topic-previews.ts fetches it, beside the topic pages, the first time a reader reaches a topic
// link). Pages link topics without their summaries, so no page carries the text of previews a
// reader may never open; a topic's summary edited in the dev server shows in every article's previews at once.
import { getCollection } from 'astro:content';

export async function GET(): Promise<Response> {
  const topics = await getCollection('topics');
  const summaries = Object.fromEntries(topics.map((topic) => [topic.id, topic.data.summary]));
  return new Response(JSON.stringify(summaries), { headers: { 'content-type': 'application/json' } });
}
