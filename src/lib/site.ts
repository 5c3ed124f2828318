// Facts about the site itself, used by the layout, the feed and structured data.

export const SITE_TITLE = 'Walled Gardens, Annotated';
export const SITE_DESCRIPTION =
  "News coverage of China's platform walled gardens coming down — Alibaba and Tencent, WeChat Pay on Taobao, IPmart, Lazada — reproduced with sourced margin notes.";
