// How topic kinds are named on the site.
import type { TOPIC_KINDS } from '../../schemas/topic.ts';

export type TopicKind = (typeof TOPIC_KINDS)[number];

export const TOPIC_KIND_LABELS: Record<TopicKind, { one: string; many: string }> = {
  theme: { one: 'Theme', many: 'Themes' },
  company: { one: 'Company', many: 'Companies' },
  product: { one: 'Product', many: 'Products' },
  person: { one: 'Person', many: 'People' },
  regulator: { one: 'Regulator', many: 'Regulators' },
};
